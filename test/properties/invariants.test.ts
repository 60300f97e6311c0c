/**
 * Property tests of the output contract on generated threads: spans equal text, every comment is
 * accounted for, no unit comes from a set-aside copy, edges join known units, and the same input
 * gives the same bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../src/analyze.js';
import { readPlainText } from '../../src/ingest/text.js';
import { ArgumentGraphSchema, type Thread } from '../../src/schema/index.js';
import { checkInvariants } from '../helpers.js';

const SENTENCES = [
  'Rent control lowers the supply of housing.',
  'I disagree that rent control lowers supply.',
  'Because landlords exit the market, supply falls.',
  'Prices will rise next year.',
  'Is that really true?',
  'I agree that some landlords leave.',
  'What this predicts:',
  "That's not true in Berlin.",
  'For example, Vienna built social housing.',
  'So the policy backfires.',
  '> Rent control lowers the supply of housing.',
  '',
  '---',
  'Thanks!',
  'e.g. Mr. Smith said “no.” Then left…',
  'ünïcödé тексты 中文 emoji 🙂 survive.',
];

const commentText = fc
  .array(fc.oneof(fc.constantFrom(...SENTENCES), fc.string({ maxLength: 40 })), { minLength: 0, maxLength: 8 })
  .chain((parts) => fc.constantFrom('\n', ' ', '\n\n', '\r\n').map((sep) => parts.join(sep)));

const threadArb = fc.array(commentText, { minLength: 1, maxLength: 12 }).chain((texts) =>
  fc.tuple(fc.constant(texts), fc.array(fc.nat(), { minLength: texts.length, maxLength: texts.length }), fc.boolean()).map(([ts, parents, repeat]): Thread => {
    const all = repeat && ts.length > 1 ? [...ts, ts[0]!] : ts;
    return {
      id: 'gen',
      source: 'json',
      comments: all.map((text, i) => ({ id: `c${i}`, parentId: i === 0 ? null : `c${parents[i % parents.length]! % i}`, author: null, text })),
    };
  }),
);

describe('invariants on generated threads', () => {
  it('hold for generic JSON threads', () => {
    fc.assert(
      fc.property(threadArb, (thread) => {
        const graph = analyzeThread(thread);
        checkInvariants(graph);
        expect(ArgumentGraphSchema.safeParse(graph).success).toBe(true);
        expect(graph.thread.comments.map((c) => c.id)).toEqual(thread.comments.map((c) => c.id));
        expect(graph.thread.comments.map((c) => c.text)).toEqual(thread.comments.map((c) => c.text));
        expect(JSON.stringify(analyzeThread(structuredClone(thread)))).toBe(JSON.stringify(graph));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('hold for plain-text pastes, whose comments are slices of the paste', () => {
    fc.assert(
      fc.property(fc.array(commentText, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('\n')), (paste) => {
        const thread = readPlainText(paste);
        let from = 0;
        for (const c of thread.comments) {
          const at = paste.indexOf(c.text, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + c.text.length;
        }
        checkInvariants(analyzeThread(thread));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
