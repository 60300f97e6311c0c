/**
 * An inverted TF-IDF index over the units of one thread. A query touches only the postings of
 * its own terms (capped per term), so finding the candidates for every rebuttal of a thread costs
 * near-linear time, never all pairs.
 *
 * natural's TfIdf scores a query against every document in turn; an inverted index is the
 * shape this job needs, so it is written here over natural's stemmer and stop words.
 */

export interface Hit {
  index: number;
  score: number;
}

/** Postings scanned per query term, newest first: a word used in every comment adds little. */
const MAX_POSTINGS_PER_TERM = 400;

export class UnitIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly tf: Array<Map<string, number>>;
  private readonly norms: Float64Array;
  private readonly n: number;

  constructor(docs: readonly string[][]) {
    this.n = docs.length;
    this.tf = docs.map((terms, i) => {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const t of counts.keys()) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
      return counts;
    });
    this.norms = new Float64Array(this.n);
    this.tf.forEach((counts, i) => {
      let sum = 0;
      for (const [t, c] of counts) sum += (this.weight(t, c)) ** 2;
      this.norms[i] = Math.sqrt(sum);
    });
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log((1 + this.n) / (1 + df)) + 1;
  }

  /** The tf-idf vector of unit `i`. */
  vector(i: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [t, c] of this.tf[i] ?? []) out.set(t, this.weight(t, c));
    return out;
  }

  /** The tf-idf vector of arbitrary terms, weighted with this thread's document frequencies. */
  queryVector(terms: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const out = new Map<string, number>();
    for (const [t, c] of counts) out.set(t, this.weight(t, c));
    return out;
  }

  /**
   * The units before `before` (by index) most similar to `terms` by cosine, best first, for which
   * `accept` holds. Ties break on the later unit, then the index, so results are deterministic.
   */
  search(terms: readonly string[], before: number, accept: (index: number) => boolean, limit: number): Hit[] {
    const query = this.queryVector(terms);
    let qnorm = 0;
    for (const w of query.values()) qnorm += w * w;
    qnorm = Math.sqrt(qnorm);
    if (qnorm === 0) return [];
    const scores = new Map<number, number>();
    for (const [t, qw] of query) {
      const list = this.postings.get(t);
      if (!list) continue;
      const idf = this.idf(t);
      let k = upperBound(list, before) - 1;
      for (let seen = 0; k >= 0 && seen < MAX_POSTINGS_PER_TERM; k--, seen++) {
        const doc = list[k]!;
        const dw = (1 + Math.log(this.tf[doc]!.get(t)!)) * idf;
        scores.set(doc, (scores.get(doc) ?? 0) + qw * dw);
      }
    }
    const hits: Hit[] = [];
    for (const [index, dot] of scores) {
      if (!accept(index)) continue;
      const norm = this.norms[index]!;
      if (norm > 0) hits.push({ index, score: dot / (norm * qnorm) });
    }
    hits.sort((a, b) => b.score - a.score || b.index - a.index);
    return hits.slice(0, limit);
  }

  private weight(term: string, count: number): number {
    return (1 + Math.log(count)) * this.idf(term);
  }
}

/** First position in the ascending list whose value is ≥ x. */
function upperBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
