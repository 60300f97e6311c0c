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
}

export interface LinkModels {
  /** Claim or premise, per unit; `threshold` is where a unit starts to count as a claim. */
  claim: LogisticModel;
  attack: LogisticModel;
  support: LogisticModel;
}

/** The shipped models. */
export const LINK_MODELS: LinkModels = WEIGHTS as LinkModels;

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
