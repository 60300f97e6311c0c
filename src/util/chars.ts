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

/**
 * The characters of the regex class `\s` (and of String.prototype.trim): white space and line
 * terminators, answered by comparisons instead of a regex test per character.
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
