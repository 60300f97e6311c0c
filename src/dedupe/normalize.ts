import { isWordCode } from '../util/chars.js';

/**
 * The comparison form of a passage: case, quote style, dashes, punctuation and spacing folded
 * away, so a repost that differs only in those is recognised. One pass over the characters.
 */
export function normalizeForMatch(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordCode(lower.charCodeAt(i));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out += out ? ` ${lower.slice(start, i)}` : lower.slice(start, i);
      start = -1;
    }
  }
  return out;
}
