/**
 * firstCue answers "no cue" with one combined pattern per list (anyOf), which regroups the cues
 * behind shared anchors for speed. The combined pattern must match exactly where some cue of the
 * list matches: checked on every sentence of the seed thread and on generated text built from the
 * cues' own words, anchors and punctuation.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainApostrophes } from '../../src/classify/index.js';
import { CLAIM_CUES, CONCESSION_CUES, PREDICTION_CUES, PREMISE_CUES, REBUTTAL_CUES, anyOf, type Cue } from '../../src/classify/cues.js';

const LISTS: Array<[string, readonly Cue[]]> = [
  ['rebuttal', REBUTTAL_CUES],
  ['concession', CONCESSION_CUES],
  ['prediction', PREDICTION_CUES],
  ['premise', PREMISE_CUES],
  ['claim', CLAIM_CUES],
  // The unions classify scans first.
  ['dialogic', [...REBUTTAL_CUES, ...CONCESSION_CUES]],
  ['content', [...PREDICTION_CUES, ...PREMISE_CUES, ...CLAIM_CUES]],
];

const some = (cues: readonly Cue[], text: string): boolean => cues.some((c) => c.pattern.test(text));

describe('anyOf', () => {
  it('matches a real sentence (seeds, a Hacker News thread; typed quotes made plain) exactly when some cue of the list does', () => {
    const text = ['seeds/thread-paste.txt', 'seeds/post-page.txt', 'forum-samples/hackernews/circumflex__hnpwa_item_25015967.trimmed.json']
      .map((f) => readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    const sentences = plainApostrophes(text).split(/(?<=[.?!:])\s+|\n+/).filter(Boolean);
    for (const [name, cues] of LISTS) {
      const any = anyOf(cues.map((c) => c.pattern));
      let hits = 0;
      for (const s of sentences) {
        expect(any.test(s), s).toBe(some(cues, s));
        if (any.test(s)) hits++;
      }
      expect(hits, name).toBeGreaterThan(0);
    }
  });

  it('matches generated text exactly when some cue of the list does', () => {
    // The cues' own words, so matches are common, with the anchors' edge cases around them.
    const words = [...new Set(LISTS.flatMap(([, cues]) => cues.flatMap((c) => c.pattern.source.match(/[A-Za-z']+/g) ?? [])))];
    const pieces = [...words, ' ', ' ', ' ', ',', ', ', ';', '–', '-', '.', '!', '?', ':', '∆', '&#8710;', '!delta', 'I', 'X', '2024', '1', 'e.g.', 'https://', '_', 'é'];
    for (const [name, cues] of LISTS) {
      const any = anyOf(cues.map((c) => c.pattern));
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.boolean(), (parts, upper) => {
          const s = upper ? parts.join('').toUpperCase() : parts.join('');
          expect(any.test(s), `${name}: ${s}`).toBe(some(cues, s));
        }),
        { numRuns: 2000, seed: 3 },
      );
    }
  });

  it('keeps a pattern with a top-level alternation whole, so its anchor binds only its first branch', () => {
    const any = anyOf([/^no\b|maybe/i, /\bwill|won't/i]);
    expect(any.test('I say maybe')).toBe(true);
    expect(any.test('so no')).toBe(false);
    expect(any.test("they won't")).toBe(true);
    expect(any.test('goodwill')).toBe(false);
  });
});
