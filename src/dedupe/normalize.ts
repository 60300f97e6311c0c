/**
 * The comparison form of a passage: case, quote style, dashes, punctuation and spacing folded
 * away, so a repost that differs only in those is recognised. Linear, one regex pass.
 */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
