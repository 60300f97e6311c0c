import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCounts, calibrationReport, judgeEdges, readGold, scoreThread, type Prediction, type ThreadCounts } from '../../src/eval/index.js';
import { calibrated, uncalibrated, type LogisticModel } from '../../src/link/model.js';

// The hand-made fixture of score.test.ts; each judgement below follows from its gold relations.
const golds = readGold(readFileSync('fixtures/eval/tiny-gold.jsonl', 'utf8'), 'tiny-gold.jsonl');
const predicted = JSON.parse(readFileSync('fixtures/eval/tiny-predicted.json', 'utf8')) as Record<string, Prediction>;

describe('judging each edge against the gold relations', () => {
  it('marks an edge right when its ends are the units matched to a gold relation of its family', () => {
    const judged = golds.map((g) => judgeEdges(g, predicted[g.id]!).map(({ edge, right }) => `${edge.from}→${edge.to} ${edge.type} ${right}`));
    expect(judged).toEqual([
      // pets: T4→T2 and T6→T1 attack, T5→T6 and T2→T1 support. p1→p3 runs T3→T1 backwards.
      ['p4→p2 rebuts true', 'p6→p1 rebuts true', 'p6→p4 rebuts false', 'p5→p6 supports true', 'p2→p1 supports true', 'p1→p3 supports false'],
      // taxes: the repeated q3→q2 is judged once; q5→q1 points into the wrong comment (gold U5→U4).
      ['q3→q2 rebuts true', 'q5→q1 rebuts false', 'q2→q1 supports true'],
    ]);
  });

  it('bins edges by confidence and gives the expected calibration error', () => {
    let total: ThreadCounts | undefined;
    for (const gold of golds) total = addCounts(total, scoreThread(gold, predicted[gold.id]!));
    const rebuts = calibrationReport(total!.calibration.rebuts);
    expect(rebuts.bins.map((b) => [b.edges, b.right])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [1, 0], [0, 0], [1, 1], [1, 0], [1, 1], [1, 1]]);
    // One edge per bin: |0 − 0.4| + |1 − 0.6| + |0 − 0.7| + |1 − 0.8| + |1 − 0.9| = 1.8, over 5 edges.
    expect(rebuts.ece).toBeCloseTo(0.36, 10);
    const supports = calibrationReport(total!.calibration.supports);
    // Two edges at 0.5, one right (no gap), then 0.6 and 0.7 both right: (0.4 + 0.3) / 4.
    expect(supports.bins[5]).toMatchObject({ edges: 2, right: 1, precision: 0.5, meanConfidence: 0.5 });
    expect(supports.ece).toBeCloseTo(0.175, 10);
    // The right edges are exactly the relations the lenient rows found.
    expect(rebuts.bins.reduce((n, b) => n + b.right, 0)).toBe(total!.attacks.lenient.tp);
    expect(supports.bins.reduce((n, b) => n + b.right, 0)).toBe(total!.supports.lenient.tp);
  });
});

describe("an edge model's calibration", () => {
  const model: LogisticModel = { features: ['bias'], weights: [0], threshold: 0.1, calibration: [0.5, -1] };

  it('maps probability to confidence rising, and back', () => {
    const ps = [0.01, 0.1, 0.3, 0.5, 0.9, 0.99];
    const cs = ps.map((p) => calibrated(model, p));
    for (let k = 1; k < cs.length; k++) expect(cs[k]!).toBeGreaterThan(cs[k - 1]!);
    ps.forEach((p, k) => expect(uncalibrated(model, cs[k]!)).toBeCloseTo(p, 9));
  });

  it('leaves the probability as it is without a calibration', () => {
    const plain: LogisticModel = { features: ['bias'], weights: [0], threshold: 0.1 };
    expect(calibrated(plain, 0.37)).toBe(0.37);
    expect(uncalibrated(plain, 0.37)).toBe(0.37);
  });
});
