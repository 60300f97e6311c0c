/**
 * Small logistic models over the features of features.ts, one for attacks and one for supports,
 * trained on the development split by scripts/train.ts and shipped as weights.json. A model scores
 * each candidate target of a source; the best one becomes an edge when it clears the threshold
 * chosen in training.
 */
import type { Candidate } from './features.js';
import WEIGHTS from './weights.json';

export interface LogisticModel {
  /** Feature names, in the order of the weights. */
  features: readonly string[];
  weights: readonly number[];
  /** Lowest probability at which the best candidate becomes an edge. */
  threshold: number;
  /**
   * Platt scaling `[a, b]` of the probability into an edge's confidence: σ(a·logit(p) + b), fitted
   * in training to how often held-out edges were right. A candidate's probability is not that: the
   * edge is the best of several candidates, kept over a threshold. Absent: the probability itself.
   */
  calibration?: readonly [number, number];
}

export interface LinkModels {
  /** Claim or premise, per unit; `threshold` is where a unit starts to count as a claim. */
  claim: LogisticModel;
  attack: LogisticModel;
  support: LogisticModel;
}

/** The shipped models. */
// JSON gives the calibration pair as number[]; train.ts writes exactly two numbers.
export const LINK_MODELS: LinkModels = WEIGHTS as unknown as LinkModels;

/** The confidence an edge of probability `p` gets: `p` through the model's calibration (rising in `p`). */
export function calibrated(model: LogisticModel, p: number): number {
  if (!model.calibration) return p;
  const [a, b] = model.calibration;
  return 1 / (1 + Math.exp(-(a * logit(p) + b)));
}

/** The probability whose calibrated confidence is `c`: where a floor on confidence puts the floor on probability. */
export function uncalibrated(model: LogisticModel, c: number): number {
  if (!model.calibration || c <= 0 || c >= 1) return c;
  const [a, b] = model.calibration;
  return 1 / (1 + Math.exp(-(logit(c) - b) / a));
}

/** The confidence an edge carries: `p` calibrated, capped at 0.99 (no edge is certain) and rounded to 3 places. */
export function edgeConfidence(model: LogisticModel, p: number): number {
  return Math.round(Math.min(0.99, calibrated(model, p)) * 1000) / 1000;
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

export function probability(model: LogisticModel, x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** The candidate the model rates highest (the earlier target on ties), with its probability. */
export function best(model: LogisticModel, candidates: readonly Candidate[]): { candidate: Candidate; p: number } | undefined {
  let top: { candidate: Candidate; p: number } | undefined;
  for (const candidate of candidates) {
    const p = probability(model, candidate.x);
    if (!top || p > top.p) top = { candidate, p };
  }
  return top;
}
