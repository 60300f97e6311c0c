/**
 * Calibration: does an edge's confidence say how often such edges are right? Edges are binned by
 * confidence (ten bins of 0.1) and each bin counts its edges, the right ones and the sum of their
 * confidences; the report turns that into the share right per bin and the expected calibration
 * error (ECE: the gap between confidence and share right, averaged over edges). A user who keeps
 * edges at `--min-confidence 0.5` should find about half of them or more right on text like the gold.
 */

/** The edge types whose confidence is checked against gold relations. */
export const CALIBRATED_TYPES = ['rebuts', 'supports'] as const;
export type CalibratedType = (typeof CALIBRATED_TYPES)[number];

export const CALIBRATION_BINS = 10;

/** Per bin (index = floor(confidence × 10), 1.0 in the last): edges, right edges, summed confidence. */
export interface Bins {
  edges: number[];
  right: number[];
  confidence: number[];
}

export type CalibrationCounts = Record<CalibratedType, Bins>;

export function emptyCalibration(): CalibrationCounts {
  const bins = (): Bins => ({ edges: zeros(), right: zeros(), confidence: zeros() });
  return { rebuts: bins(), supports: bins() };
}

/** Adds one judged edge. */
export function countEdge(counts: CalibrationCounts, type: CalibratedType, confidence: number, right: boolean): void {
  const bins = counts[type];
  const b = Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.floor(confidence * CALIBRATION_BINS)));
  bins.edges[b]!++;
  if (right) bins.right[b]!++;
  bins.confidence[b]! += confidence;
}

export function addCalibration(total: CalibrationCounts, next: CalibrationCounts): void {
  for (const type of CALIBRATED_TYPES) {
    for (let b = 0; b < CALIBRATION_BINS; b++) {
      total[type].edges[b]! += next[type].edges[b]!;
      total[type].right[b]! += next[type].right[b]!;
      total[type].confidence[b]! += next[type].confidence[b]!;
    }
  }
}

/** One bin as reported: its range, its edges, the share right and their mean confidence (0 when empty). */
export interface BinReport {
  from: number;
  to: number;
  edges: number;
  right: number;
  precision: number;
  meanConfidence: number;
}

export interface TypeCalibration {
  edges: number;
  bins: BinReport[];
  /** Σ over bins of (edges in bin / all edges) × |share right − mean confidence|. */
  ece: number;
}

export function calibrationReport(bins: Bins): TypeCalibration {
  const total = bins.edges.reduce((a, b) => a + b, 0);
  let ece = 0;
  const report: BinReport[] = [];
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    const n = bins.edges[b]!;
    const precision = n ? bins.right[b]! / n : 0;
    const meanConfidence = n ? bins.confidence[b]! / n : 0;
    if (n) ece += (n / total) * Math.abs(precision - meanConfidence);
    report.push({ from: b / CALIBRATION_BINS, to: (b + 1) / CALIBRATION_BINS, edges: n, right: bins.right[b]!, precision, meanConfidence });
  }
  return { edges: total, bins: report, ece };
}

function zeros(): number[] {
  return new Array<number>(CALIBRATION_BINS).fill(0);
}
