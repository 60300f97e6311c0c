/**
 * The evaluation report: one JSON object for machines, a fixed-width table for people.
 */
import type { EvalResult, SystemName } from './run.js';
import { SYSTEMS } from './run.js';
import { prf, type Scores, type ThreadCounts } from './score.js';
import { MATCH_MODES, type MatchMode } from './spans.js';
import { CALIBRATED_TYPES, calibrationReport, type CalibratedType, type TypeCalibration } from './calibration.js';

const METRICS = ['units', 'rebuttals', 'premises', 'attacks', 'supports'] as const;
type Metric = (typeof METRICS)[number];

const SYSTEM_TITLES: Record<SystemName, string> = {
  threadmap: 'threadmap',
  sentence: '(a) sentences',
  majority: '(b) majority',
};

const METRIC_TITLES: Record<Metric, string> = {
  units: 'units',
  rebuttals: 'rebuttal typing',
  premises: 'premise typing',
  attacks: 'attack → rebuts',
  supports: 'support → supports',
};

export interface SystemReport {
  units: Record<MatchMode, Scores>;
  rebuttals: Record<MatchMode, Scores>;
  premises: Record<MatchMode, Scores>;
  attacks: Record<MatchMode, Scores>;
  supports: Record<MatchMode, Scores>;
  /** Cross-comment gold attacks; `accuracy` = rightComment / predicted. */
  crossComment: { gold: number; predicted: number; rightComment: number; accuracy: number };
  /** Edges by confidence (bins of 0.1) against the share of them that match a gold relation (lenient), and the ECE. */
  calibration: Record<CalibratedType, TypeCalibration>;
}

/** The machine-readable report (`--json`). */
export interface EvalReport {
  file?: string;
  gold: EvalResult['gold'];
  throughput: { bytes: number; seconds: number; mbPerSecond: number; warmSeconds: number; warmMbPerSecond: number };
  majorityLabel: string;
  systems: Record<SystemName, SystemReport>;
}

export function buildReport(result: EvalResult, file?: string): EvalReport {
  const { bytes, seconds, warmSeconds } = result.throughput;
  const systems = {} as Record<SystemName, SystemReport>;
  for (const name of SYSTEMS) systems[name] = systemReport(result.counts[name]);
  return {
    ...(file !== undefined ? { file } : {}),
    gold: result.gold,
    throughput: { bytes, seconds: round(seconds, 4), mbPerSecond: seconds > 0 ? round(bytes / 1e6 / seconds, 3) : 0, warmSeconds: round(warmSeconds, 4), warmMbPerSecond: warmSeconds > 0 ? round(bytes / 1e6 / warmSeconds, 3) : 0 },
    majorityLabel: result.majorityLabel,
    systems,
  };
}

function systemReport(counts: ThreadCounts): SystemReport {
  const modes = (metric: Metric) =>
    Object.fromEntries(MATCH_MODES.map((mode) => [mode, rounded(prf(counts[metric][mode]))])) as Record<MatchMode, Scores>;
  const cross = counts.crossComment;
  return {
    units: modes('units'),
    rebuttals: modes('rebuttals'),
    premises: modes('premises'),
    attacks: modes('attacks'),
    supports: modes('supports'),
    crossComment: { ...cross, accuracy: cross.predicted ? round(cross.rightComment / cross.predicted, 4) : 0 },
    calibration: {
      rebuts: roundedCalibration(calibrationReport(counts.calibration.rebuts)),
      supports: roundedCalibration(calibrationReport(counts.calibration.supports)),
    },
  };
}

function roundedCalibration(c: TypeCalibration): TypeCalibration {
  return {
    edges: c.edges,
    bins: c.bins.map((b) => ({ ...b, precision: round(b.precision, 4), meanConfidence: round(b.meanConfidence, 4) })),
    ece: round(c.ece, 4),
  };
}

/**
 * The analyzer's calibration as rows: for each confidence bin that holds an edge, per edge type
 * the share of its edges that are right and how many there are; then the ECE.
 */
function calibrationLines(report: SystemReport): string[] {
  const label = 30;
  const cell = 20;
  const lines = [`${'confidence (threadmap)'.padEnd(label)}${CALIBRATED_TYPES.map((t) => `${t}: right of n`.padEnd(cell)).join('').trimEnd()}`];
  const bins = report.calibration.rebuts.bins;
  bins.forEach((bin, b) => {
    if (CALIBRATED_TYPES.every((t) => report.calibration[t].bins[b]!.edges === 0)) return;
    const cells = CALIBRATED_TYPES.map((t) => {
      const x = report.calibration[t].bins[b]!;
      return (x.edges ? `${fixed(x.precision)} of ${x.edges}` : '-').padEnd(cell);
    });
    lines.push(`${`${bin.from.toFixed(1)}-${bin.to.toFixed(1)}`.padEnd(label)}${cells.join('').trimEnd()}`);
  });
  lines.push(`${'calibration error (ECE)'.padEnd(label)}${CALIBRATED_TYPES.map((t) => fixed(report.calibration[t].ece).padEnd(cell)).join('').trimEnd()}`);
  return lines;
}

/** The report as a table: one row per metric and match mode, P/R/F1 per system. */
export function formatTable(report: EvalReport): string {
  const g = report.gold;
  const lines = [
    `threadmap eval${report.file ? ` ${report.file}` : ''}: ${g.threads} threads, ${g.comments} comments, ` +
      `${g.units} gold units, ${g.attacks} attacks (${g.crossCommentAttacks} across comments), ${g.supports} supports`,
    `analyzer speed: ${(report.throughput.bytes / 1e6).toFixed(3)} MB of comment text in ${report.throughput.seconds.toFixed(2)} s = ${report.throughput.mbPerSecond.toFixed(2)} MB/s in the scored pass (V8 still compiling), ${report.throughput.warmSeconds.toFixed(2)} s = ${report.throughput.warmMbPerSecond.toFixed(2)} MB/s in a second pass`,
    '',
  ];
  const label = 30;
  const cell = 20;
  lines.push(' '.repeat(label) + SYSTEMS.map((s) => SYSTEM_TITLES[s].padEnd(cell)).join('').trimEnd());
  lines.push(' '.repeat(label) + SYSTEMS.map(() => 'P     R     F1'.padEnd(cell)).join('').trimEnd());
  for (const metric of METRICS) {
    for (const mode of MATCH_MODES) {
      const row = SYSTEMS.map((s) => {
        const x = report.systems[s][metric][mode];
        return `${fixed(x.precision)} ${fixed(x.recall)} ${fixed(x.f1)}`.padEnd(cell);
      });
      lines.push(`${`${METRIC_TITLES[metric]}, ${mode}`.padEnd(label)}${row.join('').trimEnd()}`);
    }
  }
  const cross = SYSTEMS.map((s) => {
    const c = report.systems[s].crossComment;
    return `${c.rightComment}/${c.predicted} = ${fixed(c.accuracy)}`.padEnd(cell);
  });
  lines.push(`${'cross-comment target ok'.padEnd(label)}${cross.join('').trimEnd()}`);
  lines.push('', ...calibrationLines(report.systems.threadmap), '');
  lines.push(
    `strict: same comment, each span covers at least half of the other; lenient: any overlap. One-to-one matching.`,
    `cross-comment target ok: of the ${g.crossCommentAttacks} gold cross-comment attacks, those whose source was predicted to rebut something, and how often its most confident rebuts edge points into the gold target's comment.`,
    `confidence: each rebuts and supports edge by its confidence, the share of them that match a gold relation (lenient); ECE: the gap between confidence and that share, averaged over edges.`,
    `(a) every sentence a claim; a reply's first sentence rebuts the parent sentence sharing most words; later sentences of a paragraph support its first.`,
    `(b) every sentence a ${report.majorityLabel} (the majority gold label); each sentence supports the one before it in its comment (the majority relation).`,
  );
  return `${lines.join('\n')}\n`;
}

function rounded(s: Scores): Scores {
  return { ...s, precision: round(s.precision, 4), recall: round(s.recall, 4), f1: round(s.f1, 4) };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fixed(x: number): string {
  return x.toFixed(3);
}
