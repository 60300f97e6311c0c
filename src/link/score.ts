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

/** Cosine of two sparse vectors without allocating: the cheap first ranking of many candidates. */
export function sparseCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const v = b.get(t);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.values()) nb += w * w;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Dice similarity of two passages in comparison form (normalizeForMatch), capped in length so a long unit costs little. */
export function restatement(a: string, b: string): number {
  return dice(a.slice(0, 600), b.slice(0, 600));
}

/**
 * How much of a quote (in comparison form) appears in a target (in comparison form): the share of the quote's words found in order-free
 * containment. A quote is usually a fragment of the unit it answers, so containment, not
 * symmetric similarity, is the right measure.
 */
export function containment(q: string, t: string): number {
  if (!q || !t) return 0;
  if (t.includes(q) || q.includes(t)) return 1;
  const targetWords = new Set(t.split(' '));
  const words = q.split(' ');
  let found = 0;
  for (const w of words) if (targetWords.has(w)) found++;
  return found / words.length;
}
