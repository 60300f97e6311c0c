/**
 * An inverted TF-IDF index over the units of one thread. A query reads only the postings of its
 * rarest terms, newest first and capped, so finding the candidates for every rebuttal of a
 * thread costs near-linear time, never all pairs.
 *
 * natural's TfIdf scores a query against every document in turn; an inverted index is the shape
 * this job needs, so it is written here over natural's stemmer and stop words.
 */

export interface Hit {
  index: number;
  score: number;
}

/** Postings read per query term, newest first: a word used in every comment adds little. */
const MAX_POSTINGS_PER_TERM = 32;
/** Query terms used, rarest first: the rare words of a passage are what identify its target. */
const MAX_QUERY_TERMS = 12;

interface Postings {
  /** Dense id of the term, for the scatter arrays of `similarity`. */
  id: number;
  idf: number;
  docs: number[];
  /** Raw term counts, turned into tf-idf weights once the whole thread is indexed. */
  weights: number[];
}

export class UnitIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly docTerms: Array<Map<string, number>>;
  private readonly norms: Float64Array;
  private readonly n: number;
  /** Scratch accumulator for `search`, reused so a query allocates nothing per unit. */
  private readonly scores: Float64Array;
  private readonly vectors: Array<Map<string, number> | undefined> = [];

  constructor(docs: readonly string[][]) {
    this.n = docs.length;
    this.docTerms = docs.map((terms, i) => {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, c] of counts) {
        const p = this.postings.get(t);
        if (p) {
          p.docs.push(i);
          p.weights.push(c);
        } else this.postings.set(t, { id: this.postings.size, idf: 0, docs: [i], weights: [c] });
      }
      return counts;
    });
    const norms = new Float64Array(this.n);
    for (const p of this.postings.values()) {
      const idf = Math.log((1 + this.n) / (1 + p.docs.length)) + 1;
      p.idf = idf;
      for (let k = 0; k < p.docs.length; k++) {
        const w = (1 + Math.log(p.weights[k]!)) * idf;
        p.weights[k] = w;
        norms[p.docs[k]!]! += w * w;
      }
    }
    for (let i = 0; i < this.n; i++) norms[i] = Math.sqrt(norms[i]!);
    this.norms = norms;
    this.scores = new Float64Array(this.n);
    // Each unit's terms as dense ids with their weights: `similarity` reads these, no hashing.
    this.termIds = this.docTerms.map((counts) => Int32Array.from(counts.keys(), (t) => this.postings.get(t)!.id));
    this.termWeights = this.docTerms.map((counts) => Float64Array.from(counts, ([t, c]) => (1 + Math.log(c)) * this.postings.get(t)!.idf));
    this.scatter = new Float64Array(this.postings.size);
  }

  private readonly termIds: Int32Array[];
  private readonly termWeights: Float64Array[];
  /** One unit's weights laid out by term id; kept while the same unit is compared with many others. */
  private readonly scatter: Float64Array;
  private scatterOwner = -1;

  idf(term: string): number {
    return this.postings.get(term)?.idf ?? Math.log(1 + this.n) + 1;
  }

  /** The tf-idf vector of unit `i` (computed once, then shared: do not modify it). */
  vector(i: number): ReadonlyMap<string, number> {
    let v = this.vectors[i];
    if (!v) {
      v = new Map();
      for (const [t, c] of this.docTerms[i] ?? []) v.set(t, (1 + Math.log(c)) * this.idf(t));
      this.vectors[i] = v;
    }
    return v;
  }

  /**
   * Cosine of units `i` and `j`. Callers compare one source with many targets in a row, so `i`'s
   * weights are scattered by term id once and each target costs one read per term of its own.
   */
  similarity(i: number, j: number): number {
    const ni = this.norms[i]!;
    const nj = this.norms[j]!;
    if (ni === 0 || nj === 0) return 0;
    if (this.scatterOwner !== i) {
      if (this.scatterOwner >= 0) for (const id of this.termIds[this.scatterOwner]!) this.scatter[id] = 0;
      const ids = this.termIds[i]!;
      const weights = this.termWeights[i]!;
      for (let k = 0; k < ids.length; k++) this.scatter[ids[k]!] = weights[k]!;
      this.scatterOwner = i;
    }
    const ids = this.termIds[j]!;
    const weights = this.termWeights[j]!;
    let dot = 0;
    for (let k = 0; k < ids.length; k++) dot += this.scatter[ids[k]!]! * weights[k]!;
    return dot / (ni * nj);
  }


  /** The tf-idf vector of arbitrary terms, weighted with this thread's document frequencies. */
  queryVector(terms: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const out = new Map<string, number>();
    for (const [t, c] of counts) out.set(t, (1 + Math.log(c)) * this.idf(t));
    return out;
  }

  /**
   * The units before `before` (by index) most similar to `terms` by cosine, best first, for which
   * `accept` holds. Ties break on the later unit, so results are deterministic.
   */
  search(terms: readonly string[], before: number, accept: (index: number) => boolean, limit: number): Hit[] {
    const query = this.queryVector(terms);
    let qnorm = 0;
    for (const w of query.values()) qnorm += w * w;
    qnorm = Math.sqrt(qnorm);
    if (qnorm === 0) return [];
    const rarest = query.size <= MAX_QUERY_TERMS ? [...query.keys()] : [...query.keys()].sort((a, b) => this.idf(b) - this.idf(a) || (a < b ? -1 : 1)).slice(0, MAX_QUERY_TERMS);
    const touched: number[] = [];
    const scores = this.scores;
    for (const t of rarest) {
      const p = this.postings.get(t);
      if (!p) continue;
      const qw = query.get(t)!;
      let k = lowerBound(p.docs, before) - 1;
      for (let read = 0; k >= 0 && read < MAX_POSTINGS_PER_TERM; k--, read++) {
        const doc = p.docs[k]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += qw * p.weights[k]!;
      }
    }
    const hits: Hit[] = [];
    for (const doc of touched) {
      const dot = scores[doc]!;
      scores[doc] = 0;
      const norm = this.norms[doc]!;
      if (norm > 0 && accept(doc)) hits.push({ index: doc, score: dot / (norm * qnorm) });
    }
    hits.sort((a, b) => b.score - a.score || b.index - a.index);
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }
}

/** First position in the ascending list whose value is ≥ x. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
