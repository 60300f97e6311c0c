import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/dedupe/index.js';
import { estimateJaccard, LshIndex, minhashSignature } from '../../src/dedupe/minhash.js';
import { normalizeForMatch } from '../../src/dedupe/normalize.js';
import { DEFAULT_OPTIONS } from '../../src/options.js';
import type { Thread } from '../../src/schema/index.js';

const thread = (...texts: string[]): Thread => ({
  id: 't',
  source: 'json',
  comments: texts.map((text, i) => ({ id: `c${i + 1}`, parentId: i ? `c${i}` : null, author: null, text })),
});
const run = (t: Thread) => dedupe(t, DEFAULT_OPTIONS.dedupe);

const POST = 'Housing costs rise when cities block new construction.\nZoning rules are the main reason supply lags demand.\nLegalising duplexes would help within a decade.';

describe('dedupe', () => {
  it('records a reposted comment as one exact run pointing at the original', () => {
    const { duplicates, setAside } = run(thread(POST, 'I am not convinced by the zoning argument at all.', POST));
    expect(duplicates).toEqual([
      { commentId: 'c3', start: 0, end: POST.length, of: { commentId: 'c1', start: 0, end: POST.length }, kind: 'exact', similarity: 1 },
    ]);
    expect(setAside[2]).toEqual([[0, POST.length]]);
  });

  it('finds a block repeated inside one comment and keeps the first copy', () => {
    const text = `${POST}\nSome new remark that is only said once here.\n${POST}`;
    const { duplicates } = run(thread(text));
    const second = text.lastIndexOf(POST.split('\n')[0]!);
    expect(duplicates).toEqual([
      { commentId: 'c1', start: second, end: text.length, of: { commentId: 'c1', start: 0, end: POST.length }, kind: 'exact', similarity: 1 },
    ]);
  });

  it('extends a run over short lines (a heading) that sit inside it', () => {
    const block = 'What this implies:\nThe first consequence is lower rents for everyone.\nShort.\nThe second consequence is more mixed neighbourhoods.';
    const { duplicates } = run(thread(`${block}\n${block}`));
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ start: block.length + 1, end: 2 * block.length + 1, of: { start: 0, end: block.length } });
  });

  it('treats whitespace, punctuation and quote style differences as near duplicates', () => {
    const a = 'The primary use of "safety research" is better refusal calibration, not alignment.';
    const b = 'The primary use of  “safety research” is better refusal calibration -- not alignment';
    const { duplicates } = run(thread(a, b));
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ commentId: 'c2', kind: 'near', of: { commentId: 'c1' } });
    expect(duplicates[0]!.similarity).toBeGreaterThan(0.8);
  });

  it('finds an edited repost (a word changed) as a near duplicate', () => {
    const a = 'Every city that legalised accessory dwelling units saw permits for them rise sharply within two years of the change.';
    const b = 'Every city that legalised accessory dwelling units saw permits for them rise quickly within two years of the change.';
    const { duplicates } = run(thread(a, 'Unrelated reply about parking minimums and their costs.', b));
    expect(duplicates).toEqual([expect.objectContaining({ commentId: 'c3', kind: 'near', of: { commentId: 'c1', start: 0, end: a.length } })]);
  });

  it('does not call a quote a duplicate', () => {
    const quoteReply = `> ${POST.split('\n')[0]}\n\nThat only holds where demand is fixed.`;
    expect(run(thread(POST, quoteReply)).duplicates).toEqual([]);
  });

  it('leaves short common lines ("I agree.") alone', () => {
    expect(run(thread('I agree with this.', 'I agree with this.')).duplicates).toEqual([]);
  });

  it('finds planted duplicates among many distinct comments with full recall and precision', () => {
    // Distinct comments built from numbered facts; every 10th is a repost (exact or with one word changed).
    let seed = 42;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocabulary = Array.from({ length: 300 }, (_, k) => `w${k.toString(36)}x`);
    const unique = () => Array.from({ length: 14 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ');
    const texts: string[] = [];
    const planted = new Map<string, string>();
    for (let i = 0; i < 400; i++) {
      if (i % 10 === 9) {
        const src = i - 5;
        const original = texts[src]!;
        texts.push(i % 20 === 9 ? original : original.replace(/^\S+/, 'changed'));
        planted.set(`c${i + 1}`, `c${src + 1}`);
      } else texts.push(unique());
    }
    const found = new Map(run(thread(...texts)).duplicates.map((d) => [d.commentId, d.of.commentId]));
    expect(found).toEqual(planted);
  });
});

describe('MinHash', () => {
  it('estimates high similarity for near-identical text and low for unrelated text', () => {
    const a = minhashSignature(normalizeForMatch('the quick brown fox jumps over the lazy dog near the river bank today'));
    const b = minhashSignature(normalizeForMatch('the quick brown fox jumps over the lazy cat near the river bank today'));
    const c = minhashSignature(normalizeForMatch('zoning reform lowers rents in growing cities over time'));
    expect(estimateJaccard(a, b)).toBeGreaterThan(0.5);
    expect(estimateJaccard(a, c)).toBeLessThan(0.2);
  });

  it('is deterministic', () => {
    expect([...minhashSignature('same words here')]).toEqual([...minhashSignature('same words here')]);
  });

  it('returns earlier ids that share a band, capped per bucket', () => {
    const lsh = new LshIndex(8, 4, 3);
    const sig = minhashSignature('one two three four five six');
    for (let i = 0; i < 10; i++) lsh.add(i, sig);
    expect(lsh.candidates(sig)).toEqual([0, 1, 2]);
  });
});
