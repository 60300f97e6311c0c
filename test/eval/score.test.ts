import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCounts, prf, readGold, scoreThread, type Prediction, type ThreadCounts } from '../../src/eval/index.js';

// Two hand-made threads and a hand-made prediction for each; every count below was worked out by hand
// (see the comments) from fixtures/eval/tiny-gold.jsonl and tiny-predicted.json.
const golds = readGold(readFileSync('fixtures/eval/tiny-gold.jsonl', 'utf8'), 'tiny-gold.jsonl');
const predicted = JSON.parse(readFileSync('fixtures/eval/tiny-predicted.json', 'utf8')) as Record<string, Prediction>;

function total(): ThreadCounts {
  let sum: ThreadCounts | undefined;
  for (const gold of golds) sum = addCounts(sum, scoreThread(gold, predicted[gold.id]!));
  return sum!;
}

describe('scoreThread on the hand-made fixture', () => {
  const counts = total();

  it('counts units: 11 gold, 11 argumentative predictions (the quoted line is typed other), 9 strict and 10 lenient matches', () => {
    // p2 spans two gold premises: leniently it takes the longer (T2), strictly it covers neither by half.
    expect(counts.units).toEqual({ strict: { tp: 9, predicted: 11, gold: 11 }, lenient: { tp: 10, predicted: 11, gold: 11 } });
    const strict = prf(counts.units.strict);
    expect(strict.precision).toBeCloseTo(9 / 11, 10);
    expect(strict.recall).toBeCloseTo(9 / 11, 10);
    expect(strict.f1).toBeCloseTo(9 / 11, 10);
  });

  it('counts rebuttals by type or outgoing rebuts edge: 4 of 5 gold rebuttals, no false one', () => {
    // Gold: T4, T6, U3, U4, U5 attack something. Predicted: p4, q3, q5 (type), p6 (edges). q4 is a plain claim.
    expect(counts.rebuttals.strict).toEqual({ tp: 4, predicted: 4, gold: 5 });
    const s = prf(counts.rebuttals.strict);
    expect([s.precision, s.recall]).toEqual([1, 0.8]);
    expect(s.f1).toBeCloseTo(16 / 18, 10);
  });

  it('counts premise typing: 5 gold premises, 3 units typed premise, 2 strict and 3 lenient matches', () => {
    // Gold: T2, T3, T5, U2, U4. Typed premise: p2, p5, q2. p5 = T5 and q2 ≈ U2 both ways; p2 spans T2 and T3,
    // so it matches T2 only leniently. U4's match q4 is typed claim.
    expect(counts.premises).toEqual({ strict: { tp: 2, predicted: 3, gold: 5 }, lenient: { tp: 3, predicted: 3, gold: 5 } });
  });

  it('finds an attack only when both ends match: 2 strict, 3 lenient of 5, the duplicate edge counted once', () => {
    // T4→T2 needs T2, matched only leniently; U5→U4 was predicted against the wrong comment.
    expect(counts.attacks).toEqual({ strict: { tp: 2, predicted: 5, gold: 5 }, lenient: { tp: 3, predicted: 5, gold: 5 } });
    expect(prf(counts.attacks.strict).f1).toBeCloseTo(0.4, 10);
    expect(prf(counts.attacks.lenient).f1).toBeCloseTo(0.6, 10);
  });

  it('counts an edge to a non-argumentative unit as predicted but never found; ignores agreement relations', () => {
    expect(counts.supports).toEqual({ strict: { tp: 2, predicted: 4, gold: 4 }, lenient: { tp: 3, predicted: 4, gold: 4 } });
  });

  it('checks the comment a cross-comment rebuttal points into, using its most confident edge', () => {
    // 5 gold cross-comment attacks; U4's match has no rebuts edge; q5 points into "a" instead of "b".
    expect(counts.crossComment).toEqual({ gold: 5, predicted: 4, rightComment: 3 });
  });

  it('gives a perfect score to the gold itself', () => {
    for (const gold of golds) {
      const prediction: Prediction = {
        units: gold.units.map((u) => ({ ...u, type: u.label === 'premise' ? 'premise' : 'claim' })),
        edges: gold.relations
          .filter((r) => r.family !== 'agreement')
          .map((r) => ({ from: r.from, to: r.to, type: r.family === 'attack' ? 'rebuts' : 'supports', confidence: 1 })),
      };
      const c = scoreThread(gold, prediction);
      for (const key of ['units', 'rebuttals', 'premises', 'attacks', 'supports'] as const) {
        expect(prf(c[key].strict).f1, key).toBe(1);
      }
      expect(c.crossComment.rightComment).toBe(c.crossComment.gold);
    }
  });

  it('scores an empty prediction as zero without dividing by zero', () => {
    const c = scoreThread(golds[0]!, { units: [], edges: [] });
    expect(prf(c.units.strict)).toEqual({ tp: 0, predicted: 0, gold: 6, precision: 0, recall: 0, f1: 0 });
  });
});
