/**
 * How closely one passage matches another, from two sides: tf-idf cosine over stemmed terms
 * (ml-distance) catches shared vocabulary in any order; Dice over character bigrams
 * (string-similarity) catches a near-verbatim restatement.
 */
import { similarity } from 'ml-distance';
import { dice } from '../util/similarity.js';

/** Cosine of two sparse vectors via ml-distance, laid out densely over their joint vocabulary (for the few finalists). */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const vocabulary = [...new Set([...a.keys(), ...b.keys()])];
  if (vocabulary.length === 0) return 0;
  const va = vocabulary.map((t) => a.get(t) ?? 0);
  const vb = vocabulary.map((t) => b.get(t) ?? 0);
  if (!va.some((x) => x > 0) || !vb.some((x) => x > 0)) return 0;
  return similarity.cosine(va, vb);
}

/** Dice similarity of two passages in comparison form (normalizeForMatch), capped in length so a long unit costs little. */
export function restatement(a: string, b: string): number {
  return dice(a.slice(0, 600), b.slice(0, 600));
}
