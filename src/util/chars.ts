/**
 * Character classes by code unit, for the hot scanners: ASCII answered by comparisons, the rest
 * by one Unicode-aware regex test (letters and digits of every script count as word characters).
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogate halves are tested as a pair by the caller's fallback; alone they are not words.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return WORD_CHAR.test(String.fromCharCode(c));
}
