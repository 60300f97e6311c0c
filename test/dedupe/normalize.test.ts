/**
 * normalizeForMatch copies already-normal stretches as slices; it must give what the word-by-word scan over
 * isWordCode gave (kept here as the reference) for any text, astral characters and lone
 * surrogate halves included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch, scanAsciiForm, scanForm, type FormScan } from '../../src/dedupe/normalize.js';
import { minhashInto, signWords } from '../../src/dedupe/minhash.js';
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

const emptyScan = (): FormScan => ({ words: new Int32Array(4), count: 0, length: 0, hash: 0 });

/** What scanForm must give for text: the form's length and the word hashes minhash takes of the form. */
function scanOf(text: string, start = 0, end = text.length): FormScan | undefined {
  const out = emptyScan();
  return scanForm(text, start, end, out) ? out : undefined;
}

describe('scanForm', () => {
  it('keeps case folding out of the way: no character outside ASCII that is not a word character lowers into one', () => {
    // scanForm treats such characters as separators without lower-casing them; this is why that is safe.
    const hasWord = (s: string) => [...Array(s.length).keys()].some((i) => isWordCode(s.charCodeAt(i)));
    const offenders: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (!hasWord(s) && hasWord(s.toLowerCase())) offenders.push(cp);
    }
    expect(offenders).toEqual([]);
  });

  it("gives the form's length and the signature of the form, or declines a span with a word character outside ASCII", () => {
    const pieces = ['a', 'Z', '7', ' ', '  ', '\t', '.', '-', '>', '~', '\u007f', '’', '“', '—', '_', '\u00a0', '😀', '\ud835', 'é', 'İ', 'Σ', '\u212a', 'word', 'WORDS'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(3), fc.nat(3), (parts, cutStart, cutEnd) => {
        const text = parts.join('');
        const start = Math.min(cutStart, text.length);
        const end = Math.max(start, text.length - cutEnd);
        const form = normalizeForMatch(text.slice(start, end));
        const direct = scanOf(text, start, end);
        // A form with a character outside ASCII was declined (the Kelvin sign, lowered to "k", is declined too); the form itself is then scanned.
        if (/[^\x00-\x7f]/.test(form)) expect(direct).toBeUndefined();
        const got = direct ?? emptyScan();
        if (!direct) scanForm(form, 0, form.length, got, true);
        expect(got.length).toBe(form.length);
        if (!/[^\x00-\x7f]/.test(text)) {
          // The byte scanner agrees with the character scanner word for word.
          const bytes = emptyScan();
          scanAsciiForm(new TextEncoder().encode(text), start, end, bytes);
          expect({ ...bytes, words: [...bytes.words.subarray(0, bytes.count)] }).toEqual({ ...got, words: [...got.words.subarray(0, got.count)] });
        }
        for (const width of [1, 2, 3]) {
          const viaScan = signWords(got.words, 0, got.count, new Uint32Array(32), width);
          expect([...viaScan]).toEqual([...minhashInto(form, new Uint32Array(32), width)]);
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

/** The signature as first written (a shingle loop for every width, a forward search per empty bin), kept as the reference. */
function referenceSignature(form: string, bins: number, width: number): number[] {
  const EMPTY = 0xffffffff;
  const mixed = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  const words = form.split(' ').filter(Boolean).map((w) => {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return mixed(h);
  });
  const sig = new Array<number>(bins).fill(EMPTY);
  for (let i = 0; i < Math.max(1, words.length - width + 1); i++) {
    let s = 0x9747b28c | 0;
    for (let j = i; j < Math.min(words.length, i + width); j++) s = Math.imul(s ^ words[j]!, 0x01000193);
    const h = mixed(s);
    const bin = (h >>> 0) % bins;
    const value = Math.imul(h, 0x9e3779b1) >>> 0;
    if (value < sig[bin]!) sig[bin] = value;
  }
  if (sig.every((v) => v === EMPTY)) return sig;
  for (let i = 0; i < bins; i++) {
    // An empty bin takes the first bin after it, round the end, that holds a value by then.
    for (let step = 1; sig[i] === EMPTY; step++) {
      const source = sig[(i + step) % bins]!;
      if (source !== EMPTY) sig[i] = (source + Math.imul(step, 0x9e3779b1)) >>> 0;
    }
  }
  return sig;
}

describe('minhashInto', () => {
  it('gives the reference signature for any word count, width and bin count', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.constantFrom(8, 24, 32, 64), fc.constantFrom(1, 2, 3), (words, bins, width) => {
        const form = words.join(' ');
        const expected = referenceSignature(form, bins, width);
        expect([...minhashInto(form, new Uint32Array(bins), width)]).toEqual(expected);
        // A signature array reused from an earlier text: what it held must not leak through.
        expect([...minhashInto(form, new Uint32Array(bins).fill(7), width)]).toEqual(expected);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });
});
