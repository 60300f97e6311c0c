/**
 * The comparison form of a passage: case, quote style, dashes, punctuation and spacing folded
 * away, so a repost that differs only in those is recognised: the lower-cased words (runs of
 * letters, digits and marks of the Basic Multilingual Plane; see util/chars isWordCode) joined by
 * single spaces. One regex replacement, which also leaves a flat string that hashes and compares
 * without first being copied together from pieces.
 */
export function normalizeForMatch(text: string): string {
  const spaced = text.toLowerCase().replace(NON_WORD_RUN, ' ');
  const start = spaced.charCodeAt(0) === 32 ? 1 : 0;
  const end = spaced.length > start && spaced.charCodeAt(spaced.length - 1) === 32 ? spaced.length - 1 : spaced.length;
  return start > 0 || end < spaced.length ? spaced.slice(start, end) : spaced;
}

/** A run of non-word characters: anything but a letter, digit or mark, and every astral character (as isWordCode). */
const NON_WORD_RUN = /(?:[^\p{L}\p{N}\p{M}]|[\u{10000}-\u{10FFFF}])+/gu;
