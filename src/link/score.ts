/**
 * How closely one passage matches another, from two sides: tf-idf cosine over stemmed terms
 * (ml-distance) catches shared vocabulary in any order; Dice over character bigrams
 * (string-similarity) catches a near-verbatim restatement.
 */
import { similarity } from 'ml-distance';
import { dice } from '../util/similarity.js';
import type { ProbeVector } from './context.js';
import type { UnitIndex } from './unit-index.js';

/** The probe's weights laid out by term id for one comparison, zeroed again after it. */
let scatter = new Float64Array(0);

/**
 * Cosine of a probe and unit `t`'s tf-idf vector via ml-distance, laid out densely over their joint
 * terms (for the few finalists). Read from the index's term ids, so no map is built per unit.
 */
export function finalistCosine(probe: ProbeVector, index: UnitIndex, t: number): number {
  if (scatter.length < index.size) scatter = new Float64Array(Math.max(index.size, scatter.length * 2));
  const ids = index.termIdsAll;
  const weights = index.termWeightsAll;
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < probe.ids.length; k++) if (probe.ids[k]! >= 0) scatter[probe.ids[k]!] = probe.weights[k]!;
  // The unit's terms, each with the probe's weight (0 without it); reading a weight clears it, so what is left is the probe's alone.
  for (let k = index.termsStart(t); k < index.termsStart(t + 1); k++) {
    a.push(scatter[ids[k]!]!);
    b.push(weights[k]!);
    scatter[ids[k]!] = 0;
  }
  for (let k = 0; k < probe.ids.length; k++) {
    const id = probe.ids[k]!;
    if (id >= 0 && scatter[id] === 0) continue;
    a.push(probe.weights[k]!);
    b.push(0);
    if (id >= 0) scatter[id] = 0;
  }
  if (!a.some((x) => x > 0) || !b.some((x) => x > 0)) return 0;
  return similarity.cosine(a, b);
}

/** Dice similarity of two passages in comparison form (normalizeForMatch), capped in length so a long unit costs little. */
export function restatement(a: string, b: string): number {
  return dice(a.slice(0, 600), b.slice(0, 600));
}
