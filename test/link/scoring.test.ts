/**
 * The fast scorers of src/link/scoring.ts must rate every candidate exactly as the training path
 * does (`probability(model, x)` over the arrays of features.ts), on real threads: the seeds and
 * the real forum exports in fixtures/.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify } from '../../src/classify/index.js';
import { dedupe } from '../../src/dedupe/index.js';
import { readInput } from '../../src/ingest/index.js';
import { validateThread } from '../../src/ingest/validate.js';
import { linkContext } from '../../src/link/context.js';
import { attackCandidates, claimFeatures, lexicalFlags, supportCandidates, unitLexicalFlags } from '../../src/link/features.js';
import { readClaims } from '../../src/link/index.js';
import { best, LINK_MODELS, probability } from '../../src/link/model.js';
import { bestAttack, bestSupport, claimProbability } from '../../src/link/scoring.js';
import { resolveOptions } from '../../src/options.js';
import { segment } from '../../src/segment/index.js';
import type { Thread } from '../../src/schema/index.js';
import { fixture } from '../helpers.js';

function realThreads(): Thread[] {
  const files = ['seeds/thread-paste.txt', 'seeds/post-page.txt'];
  for (const dir of ['forum-samples', 'forum-samples-extra']) {
    for (const kind of readdirSync(new URL(`../../fixtures/${dir}`, import.meta.url))) {
      if (kind.endsWith('.md')) continue;
      for (const f of readdirSync(new URL(`../../fixtures/${dir}/${kind}`, import.meta.url))) files.push(`${dir}/${kind}/${f}`);
    }
  }
  const threads: Thread[] = [];
  for (const f of files) {
    try {
      threads.push(...readInput(fixture(f), { file: f }).threads);
    } catch {
      // Some fixtures are bad input on purpose; they have their own tests.
    }
  }
  // A reply tree with quotes, so the quote features take part.
  threads.push({
    id: 'q',
    source: 'json',
    comments: [
      { id: 'a', parentId: null, author: 'op', text: 'Public transit is underfunded everywhere. Bike lanes reduce traffic deaths. Parking minimums raise rents because garages cost money.' },
      { id: 'b', parentId: 'a', author: 'x', text: "> Bike lanes reduce traffic deaths.\n\nThat's not true where winters are long. The studies ignore seasons, so the effect is smaller." },
      { id: 'c', parentId: 'b', author: 'y', text: '> The studies ignore seasons\n\nSome do, but the Dutch data covers winters. I think bike lanes still help.' },
    ],
  });
  return threads;
}

describe('fast link scoring', () => {
  const options = resolveOptions();
  const threads = realThreads();

  it('reads several real threads', () => {
    expect(threads.length).toBeGreaterThan(10);
  });

  it('gives every source the best target and probability that the training features give', () => {
    let compared = 0;
    for (const thread of threads) {
      const valid = validateThread(thread);
      const classified = classify(segment(valid.thread, dedupe(valid.thread, options.dedupe).setAside), valid.thread);
      const ctx = linkContext(valid.thread, classified.units, classified.quotes, valid.parentOf, options.link);
      readClaims(ctx, LINK_MODELS);
      for (let s = 0; s < ctx.units.length; s++) {
        expect(claimProbability(ctx, LINK_MODELS.claim, s)).toBe(probability(LINK_MODELS.claim, claimFeatures(ctx, s)));
        const a = best(LINK_MODELS.attack, attackCandidates(ctx, s));
        expect(bestAttack(ctx, LINK_MODELS.attack, s)).toEqual(a && { target: a.candidate.target, p: a.p });
        // With a floor, candidates that cannot reach it are skipped: the answer is the same whenever the best clears it.
        const floor = LINK_MODELS.attack.threshold;
        const floored = bestAttack(ctx, LINK_MODELS.attack, s, floor);
        if (a && a.p >= floor) expect(floored).toEqual({ target: a.candidate.target, p: a.p });
        else expect(floored === undefined || floored.p < floor).toBe(true);
        const b = best(LINK_MODELS.support, supportCandidates(ctx, s));
        expect(bestSupport(ctx, LINK_MODELS.support, s)).toEqual(b && { target: b.candidate.target, p: b.p });
        if (a) compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('lexical flags in one scan', () => {
  // The regular expressions the claim model was first trained with: the scan must agree with them exactly.
  const REGEXES = [
    /\b(?:you|your|you're|yours)\b/i,
    /\b(?:if|unless)\b/i,
    /\b(?:maybe|perhaps|probably|likely|might|seems?|arguably|possibly)\b/i,
    /\b(?:good|bad|wrong|right|better|worse|best|worst|important|fair|unfair|moral|immoral|ethical|unethical|reasonable|stupid|ridiculous|ok|okay|acceptable|necessary|harmful)\b/i,
    /\b(?:people|everyone|everybody|anyone|anybody|someone|nobody|society|humans?|most|many|all)\b/i,
    /\b(?:was|were|had|did|ago|years?|study|studies|research|percent|statistics?)\b|%/i,
    /\b(?:not|never|no|nothing)\b|n't\b/i,
    /\b(?:I|I'm|I've|my|me|we|our)\b/,
    /\d/,
  ];
  const byRegex = (text: string) => REGEXES.reduce((flags, re, k) => (re.test(text) ? flags | (1 << k) : flags), 0);

  it('agrees with the regular expressions on every sentence of the real fixtures', () => {
    let n = 0;
    for (const thread of realThreads()) {
      for (const c of thread.comments) {
        for (const sentence of c.text.split(/(?<=[.!?\n])/)) {
          expect(lexicalFlags(sentence), sentence).toBe(byRegex(sentence));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('reads the same flags from the words the linker already has', () => {
    const options = resolveOptions();
    const tricky = ["Café_au lait isn\u2019t cheap; it isn't.", 'My \u212aelvin of 5% I think.', 'na\u00efve we were \u0130stanbul', "don'T you", 'snake_case and_also'];
    const threads = [...realThreads(), { id: 'x', source: 'json' as const, comments: tricky.map((text, k) => ({ id: `c${k}`, parentId: k ? `c${k - 1}` : null, author: null, text })) }];
    let n = 0;
    for (const thread of threads) {
      const valid = validateThread(thread);
      const classified = classify(segment(valid.thread, dedupe(valid.thread, options.dedupe).setAside), valid.thread);
      const ctx = linkContext(valid.thread, classified.units, classified.quotes, valid.parentOf, options.link);
      for (let i = 0; i < ctx.units.length; i++, n++) expect(unitLexicalFlags(ctx, i), ctx.units[i]!.text).toBe(lexicalFlags(ctx.units[i]!.text));
    }
    expect(n).toBeGreaterThan(500);
  });

  it('agrees with them on generated text', () => {
    const pieces = fc.constantFrom('I', 'i', 'My', 'my', 'You', "you're", 'IF', 'seems', 'human', 'Humans', "don't", "DON'T", 'n', "'", 't', 'T', "can't't", '%', '7', '_', 'é', 'ſ', '\u212a', 'statistics', 'years', 'nothing', 'no', 'not_', 'x', ' ', '.', '-', '’');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(lexicalFlags(text)).toBe(byRegex(text));
      const spaced = parts.join(' ');
      expect(lexicalFlags(spaced)).toBe(byRegex(spaced));
    }), { numRuns: 3000, seed: 7 });
  });
});
