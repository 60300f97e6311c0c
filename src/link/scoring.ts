/**
 * The link models applied at analysis time without building a feature array per candidate: the
 * features are written into one reused scratch vector, and an attack source's half of the logistic
 * sum is added once for all its targets. The sum runs in feature order, as `probability` does, so
 * each candidate gets exactly the probability `probability(model, x)` gives its training features
 * (test/link/scoring.test.ts checks this on real threads).
 */
import type { LinkContext } from './context.js';
import {
  ATTACK_FEATURES,
  ATTACK_SOURCE_FEATURES,
  CLAIM_FEATURES,
  SUPPORT_FEATURES,
  attackSourceFeatures,
  attackTargetFeatures,
  attackReadsOverlap,
  attackTargets,
  ATTACK_OVERLAP_FEATURES,
  claimFeaturesInto,
  maxSimilarity,
  supportFeaturesInto,
  supportTargets,
} from './features.js';
import type { LogisticModel } from './model.js';

/** The best-rated target of one source and its probability. */
export interface Best {
  target: number;
  p: number;
}

const attackX = new Float64Array(ATTACK_FEATURES.length);
const supportX = new Float64Array(SUPPORT_FEATURES.length);
const claimX = new Float64Array(CLAIM_FEATURES.length);
const targets: number[] = [];
let cosines = new Float64Array(64);

function sum(w: Float64Array, x: Float64Array, from: number, to: number, z: number): number {
  for (let k = from; k < to; k++) z += w[k]! * x[k]!;
  return z;
}

/**
 * A model's weights as a Float64Array as long as `length` (a missing weight as 0, as `probability`
 * reads it), made once per weight list (`weights` is readonly): the sums then read one kind of
 * array with no holes to test.
 */
function weightsOf(model: LogisticModel, length: number): Float64Array {
  let w = dense.get(model.weights);
  if (w === undefined || w.length < length) {
    w = new Float64Array(Math.max(length, model.weights.length));
    for (let k = 0; k < model.weights.length; k++) w[k] = model.weights[k] ?? 0;
    dense.set(model.weights, w);
  }
  return w;
}

const dense = new WeakMap<readonly number[], Float64Array>();

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** The claim model's probability that unit `i` is a claim. */
export function claimProbability(ctx: LinkContext, model: LogisticModel, i: number): number {
  claimFeaturesInto(ctx, i, claimX);
  return logistic(sum(weightsOf(model, claimX.length), claimX, 0, claimX.length, 0));
}

/**
 * The attack target of source `s` the model rates highest (the earlier on ties), as `best` over
 * attackCandidates gives it, whenever that one's probability is at least `floor`; otherwise
 * undefined or some candidate under `floor`. A candidate whose quote overlap could not lift it
 * over `floor` or over the best so far is not compared with the quote at all.
 */
export function bestAttack(ctx: LinkContext, model: LogisticModel, s: number, floor = 0): Best | undefined {
  attackTargets(ctx, s, targets);
  if (targets.length === 0) return undefined;
  if (cosines.length < targets.length) cosines = new Float64Array(targets.length * 2);
  const maxCosine = maxSimilarity(ctx, s, targets, cosines);
  attackSourceFeatures(ctx, s, attackX, maxCosine);
  const w = weightsOf(model, attackX.length);
  const zSource = sum(w, attackX, 0, ATTACK_SOURCE_FEATURES, 0);
  const headroom = overlapHeadroom(model);
  const zFloor = floor > 0 ? Math.log(floor / (1 - floor)) : -Infinity;
  let top: Best | undefined;
  let zTop = -Infinity;
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k]!;
    const cosine = cosines[k]!;
    attackTargetFeatures(ctx, s, t, attackX, maxCosine, false, cosine);
    if (attackReadsOverlap(ctx, s, t)) {
      // Without the overlap features they are 0; each adds at most its weight when positive.
      const bound = sum(w, attackX, ATTACK_SOURCE_FEATURES, attackX.length, zSource) + headroom;
      if (bound < Math.max(zFloor, zTop) - BOUND_MARGIN) continue;
      attackTargetFeatures(ctx, s, t, attackX, maxCosine, true, cosine);
    }
    const z = sum(w, attackX, ATTACK_SOURCE_FEATURES, attackX.length, zSource);
    const p = logistic(z);
    if (!top) top = { target: t, p };
    else if (p > top.p) {
      top.target = t;
      top.p = p;
    } else continue;
    zTop = z;
  }
  return top;
}

/** Slack for bounds compared in log-odds: far above rounding, far below any real difference. */
const BOUND_MARGIN = 1e-9;

const headrooms = new WeakMap<LogisticModel, number>();
function overlapHeadroom(model: LogisticModel): number {
  let h = headrooms.get(model);
  if (h === undefined) {
    h = 0;
    for (const k of ATTACK_OVERLAP_FEATURES) h += Math.max(0, model.weights[k] ?? 0);
    headrooms.set(model, h);
  }
  return h;
}

/**
 * The attack model's probability that unit `s` rebuts unit `t`, with the source's features read
 * against its usual candidates (`t` need not be one of them: a quote may name a target further up).
 */
export function attackProbability(ctx: LinkContext, model: LogisticModel, s: number, t: number): number {
  attackTargets(ctx, s, targets);
  if (!targets.includes(t)) targets.push(t);
  const maxCosine = maxSimilarity(ctx, s, targets);
  attackSourceFeatures(ctx, s, attackX, maxCosine);
  attackTargetFeatures(ctx, s, t, attackX, maxCosine, true);
  return logistic(sum(weightsOf(model, attackX.length), attackX, 0, attackX.length, 0));
}

/** The support model's probability that unit `s` supports unit `t`. */
export function supportProbability(ctx: LinkContext, model: LogisticModel, s: number, t: number): number {
  supportFeaturesInto(ctx, s, t, supportX);
  return logistic(sum(weightsOf(model, supportX.length), supportX, 0, supportX.length, 0));
}

/** The support target of source `s` the model rates highest (the earlier on ties), or undefined if it has none. */
export function bestSupport(ctx: LinkContext, model: LogisticModel, s: number): Best | undefined {
  supportTargets(ctx, s, targets);
  let top: Best | undefined;
  const w = weightsOf(model, supportX.length);
  for (const t of targets) {
    supportFeaturesInto(ctx, s, t, supportX);
    const p = logistic(sum(w, supportX, 0, supportX.length, 0));
    if (!top) top = { target: t, p };
    else if (p > top.p) {
      top.target = t;
      top.p = p;
    }
  }
  return top;
}
