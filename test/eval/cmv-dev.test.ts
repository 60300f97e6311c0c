import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../src/analyze.js';
import { buildReport, readGold, runEval, SYSTEMS, type Scores } from '../../src/eval/index.js';

// The dev split sits beside the clone (../shared/eval); it is research-use data, so it is read in
// place rather than copied. Only the report's form and the simple baseline's range are asserted here:
// the analyzer's quality targets are tracked by `npm run eval`, not by the test suite.
const DEV = '../shared/eval/cmv-dev.jsonl';

describe.runIf(existsSync(DEV))('eval on the CMV dev split', () => {
  const report = buildReport(runEval(readGold(readFileSync(DEV, 'utf8'), DEV), { analyze: (t) => analyzeThread(t) }), DEV);

  it('reads the whole split', () => {
    expect(report.gold).toEqual({ threads: 51, comments: 211, units: 1743, attacks: 359, crossCommentAttacks: 308, supports: 879 });
  });

  it('reports well-formed scores for every system', () => {
    for (const system of SYSTEMS) {
      const r = report.systems[system];
      for (const metric of ['units', 'rebuttals', 'premises', 'attacks', 'supports'] as const) {
        const [strict, lenient] = [r[metric].strict, r[metric].lenient] as [Scores, Scores];
        for (const s of [strict, lenient]) {
          expect(s.tp).toBeLessThanOrEqual(Math.min(s.gold, s.predicted));
          for (const x of [s.precision, s.recall, s.f1]) expect(x >= 0 && x <= 1).toBe(true);
        }
        expect(strict.tp, `${system} ${metric}`).toBeLessThanOrEqual(lenient.tp);
      }
      expect(r.crossComment.gold).toBe(308);
      expect(r.crossComment.rightComment).toBeLessThanOrEqual(r.crossComment.predicted);
      // Every predicted edge sits in one confidence bin, and the right ones are the relations found.
      for (const [type, metric] of [['rebuts', 'attacks'], ['supports', 'supports']] as const) {
        const c = r.calibration[type];
        expect(c.edges, `${system} ${type}`).toBe(r[metric].lenient.predicted);
        expect(c.bins.reduce((n, b) => n + b.right, 0)).toBe(r[metric].lenient.tp);
        expect(c.ece >= 0 && c.ece <= 1).toBe(true);
      }
    }
    expect(report.throughput.bytes).toBeGreaterThan(200_000);
  });

  it('puts the sentence baseline (a) where the issue measured it, give or take segmentation', () => {
    const a = report.systems.sentence;
    expect(a.units.strict.f1).toBeGreaterThan(0.6);
    expect(a.units.strict.f1).toBeLessThan(0.85);
    expect(a.attacks.strict.f1).toBeGreaterThan(0.03);
    expect(a.attacks.strict.f1).toBeLessThan(0.2);
    expect(a.supports.lenient.f1).toBeGreaterThan(0.08);
    expect(a.supports.lenient.f1).toBeLessThan(0.3);
    // Its rebuttals are every reply's first sentence, so most point into the parent: the right comment.
    expect(a.crossComment.rightComment / a.crossComment.predicted).toBeGreaterThan(0.8);
  });
});
