/**
 * How closely one passage matches another, from two sides: tf-idf cosine over stemmed terms
 * (ml-distance) catches shared vocabulary in any order; Dice over character bigrams
 * (string-similarity) catches a near-verbatim restatement.
 */
import { similarity } from 'ml-distance';
import { normalizeForMatch } from '../dedupe/normalize.js';
import { dice } from '../util/similarity.js';

/** Cosine of two sparse vectors, laid out densely over their shared vocabulary. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const vocabulary = [...new Set([...a.keys(), ...b.keys()])];
  if (vocabulary.length === 0) return 0;
  const va = vocabulary.map((t) => a.get(t) ?? 0);
  const vb = vocabulary.map((t) => b.get(t) ?? 0);
  if (!va.some((x) => x > 0) || !vb.some((x) => x > 0)) return 0;
  return similarity.cosine(va, vb);
}

/** Dice similarity of the comparison forms of two passages, capped in length so a long unit costs little. */
export function restatement(a: string, b: string): number {
  return dice(normalizeForMatch(a).slice(0, 600), normalizeForMatch(b).slice(0, 600));
}

/**
 * How much of `quote` appears in `target`: the share of the quote's words found in order-free
 * containment. A quote is usually a fragment of the unit it answers, so containment, not
 * symmetric similarity, is the right measure.
 */
export function containment(quote: string, target: string): number {
  const q = normalizeForMatch(quote);
  const t = normalizeForMatch(target);
  if (!q || !t) return 0;
  if (t.includes(q) || q.includes(t)) return 1;
  const targetWords = new Set(t.split(' '));
  const words = q.split(' ');
  let found = 0;
  for (const w of words) if (targetWords.has(w)) found++;
  return found / words.length;
}
