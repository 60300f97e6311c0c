/**
 * clauseLike is a hand-written scan that replaced a split-and-regex reading of each word; it must
 * answer exactly as that reading did, on real sentences and on generated text full of the hard
 * cases (curly apostrophes, tabs, surrogate pairs and halves, letters that change length when
 * lower-cased).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseLike, clauseSpans, FINITE } from '../../src/segment/clauses.js';

/** The original definition (split, trim by regex, lower-case every word), kept as the reference. */
function reference(part: string): boolean {
  let words = 0;
  let finite = false;
  for (const raw of part.split(/[ \t]+/)) {
    const w = raw.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, '').replace(/’/g, '\'').toLowerCase();
    if (!w) continue;
    words++;
    if (!finite && (FINITE.has(w) || w.endsWith('n\'t'))) finite = true;
  }
  return words >= 3 && finite;
}

const scan = (s: string): boolean => clauseLike(s, 0, s.length);

describe('clauseLike', () => {
  it('agrees with the reference on every window of the seed thread', () => {
    const text = readFileSync(new URL('../../fixtures/seeds/thread-paste.txt', import.meta.url), 'utf8');
    let checked = 0;
    for (let i = 0; i < text.length; i += 7) {
      for (const len of [5, 17, 40, 120]) {
        const part = text.slice(i, i + len);
        expect(scan(part), part).toBe(reference(part));
        // A window inside a longer string reads only its own characters.
        expect(clauseLike(`xx ${part} is it`, 3, 3 + part.length)).toBe(reference(part));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('agrees with the reference on generated text', () => {
    const pieces = ['is', 'IS', 'It', 'don’t', "DON'T", 'Couldn’T', 'wouldn’t', 'shouldn\'t', 'people', 'İs', 'İ', 'K',
      'cat', 'the', '42', '...', '"', '’', "'", '(', ')', ' ', ' ', '\t', '\u00a0', '😀', '𝐀', '\ud835', '\udc00', 'é', 'ñ\u0303',
      "'it'", '—', '-', 'x', 'can’', 't', 'n’t', 'N\'T', 'aren’t’', '’isn’t', 'thereʼs', 'Ⅻ', '中文'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const s = parts.join('');
        expect(scan(s)).toBe(reference(s));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('clauseSpans', () => {
  const clauses = (s: string) => clauseSpans(s, 0, s.length).map(([a, b]) => s.slice(a, b));

  it('breaks at "because" before a clause but not at "because of", which opens a phrase', () => {
    // From a real Hacker News comment (fixtures/forum-samples/hackernews).
    expect(clauses('I guess I empathize with their fear and anger better because of my experience, but I don’t buy that their arguments are just a different way of looking at the world.')).toEqual([
      'I guess I empathize with their fear and anger better because of my experience',
      'I don’t buy that their arguments are just a different way of looking at the world.',
    ]);
    expect(clauses('The plan to widen the road is a mistake because it will bring more traffic.')).toEqual(['The plan to widen the road is a mistake', 'it will bring more traffic.']);
  });
});
