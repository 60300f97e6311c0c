/**
 * normalizeForMatch copies already-normal stretches as slices; it must give what the word-by-word scan over
 * isWordCode gave (kept here as the reference) for any text, astral characters and lone
 * surrogate halves included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/dedupe/normalize.js';
import { isWordCode } from '../../src/util/chars.js';

function reference(text: string): string {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordCode(lower.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words.join(' ');
}

describe('normalizeForMatch', () => {
  it('folds case, punctuation and spacing', () => {
    expect(normalizeForMatch('  “Rent control” — LOWERS supply!!  ')).toBe('rent control lowers supply');
    expect(normalizeForMatch('...')).toBe('');
  });

  it('agrees with the character-scan reference on arbitrary text', () => {
    const pieces = ['a', 'Z', '7', ' ', '  ', '\t', '\n', '.', '’', '—', '_', 'é', 'É', 'ñ\u0303', '中', '٣', 'İ', 'K', 'ǅ', 'ẞ', '😀', '𝐀', '\ud835', '\udc00', '\u00a0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(normalizeForMatch(s)).toBe(reference(s));
      }),
      { numRuns: 3000, seed: 5 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      expect(normalizeForMatch(s)).toBe(reference(s));
    }), { numRuns: 3000, seed: 6 });
  });
});
