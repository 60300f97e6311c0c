import { isWordCode } from '../util/chars.js';

/**
 * The comparison form of a passage: case, quote style, dashes, punctuation and spacing folded
 * away, so a repost that differs only in those is recognised: the lower-cased words (runs of
 * letters, digits and marks of the Basic Multilingual Plane; see isWordCode) joined by single
 * spaces. One pass over the characters; stretches already in that form ("words like these") are
 * copied as one slice each rather than word by word.
 */
export function normalizeForMatch(text: string): string {
  const lower = text.toLowerCase();
  const n = lower.length;
  let out = '';
  let i = 0;
  while (i < n) {
    while (i < n && !isWordAt(lower, i)) i++;
    if (i >= n) break;
    const start = i;
    // Words joined by single spaces continue the stretch; anything else ends it.
    for (;;) {
      while (i < n && isWordAt(lower, i)) i++;
      if (i + 1 < n && lower.charCodeAt(i) === 32 && isWordAt(lower, i + 1)) i++;
      else break;
    }
    out = out ? `${out} ${lower.slice(start, i)}` : lower.slice(start, i);
  }
  return out;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // The text is lower-cased: no A-Z to test for.
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return isWordCode(c);
}
