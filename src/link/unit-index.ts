/**
 * An inverted TF-IDF index over the units of one thread. A query reads only the postings of its
 * rarest terms, newest first and capped, so finding the candidates for every rebuttal of a
 * thread costs near-linear time, never all pairs.
 *
 * natural's TfIdf scores a query against every document in turn; an inverted index is the shape
 * this job needs, so it is written here over natural's stemmer and stop words.
 */

import type { Word } from './tokens.js';

export interface Hit {
  index: number;
  score: number;
}

/** Postings read per query term, newest first: a word used in every comment adds little. */
const MAX_POSTINGS_PER_TERM = 32;
/** Query terms used, rarest first: the rare words of a passage are what identify its target. */
const MAX_QUERY_TERMS = 12;

/** Indexes built so far: each stamps the words it has read with its number. */
let built = 0;

export class UnitIndex {
  private readonly n: number;
  /** Term → dense id, ids in order of first use. */
  private readonly vocabulary = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly idfs: Float64Array;
  /** Postings of term id k: docs (ascending) and tf-idf weights at postingStart[k] .. postingStart[k + 1]. */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float64Array;
  private readonly norms: Float64Array;
  /** Scratch accumulator for `search`, reused so a query allocates nothing per unit. */
  private readonly scores: Float64Array;
  /**
   * Each unit's distinct terms as dense ids (in order of first use in the unit), with their tf-idf
   * weights: unit i's at unitStart[i] .. unitStart[i + 1] of two arrays for the whole thread (two
   * typed arrays per unit cost more to allocate than to fill).
   */
  private readonly unitStart: Int32Array;
  private readonly unitTerms: Int32Array;
  private readonly unitWeights: Float64Array;
  /** One unit's weights laid out by term id; kept while the same unit is compared with many others. */
  private readonly scatter: Float64Array;
  private scatterOwner = -1;

  /**
   * `docs`: each unit's terms in order, repeats kept; or its words (tokens.ts), whose terms are
   * read and whose term ids this index notes on them, so a word repeated across the thread is
   * looked up once.
   */
  constructor(docs: ReadonlyArray<ReadonlyArray<string>> | ReadonlyArray<ReadonlyArray<Word>>) {
    this.n = docs.length;
    const self = ++built;
    // One pass over the terms: ids, per-unit counts (by a stamp per id, no map per unit), document frequencies.
    const stamp: number[] = [];
    const count: number[] = [];
    const df: number[] = [];
    const ids: number[] = [];
    const rawCounts: number[] = [];
    this.unitStart = new Int32Array(this.n + 1);
    for (let i = 0; i < this.n; i++) {
      const terms: ReadonlyArray<string | Word> = docs[i]!;
      const first = ids.length;
      for (const item of terms) {
        let id: number;
        if (typeof item === 'string') id = this.idOf(item, stamp, count, df);
        else if (item.term === '') continue;
        else if (item.index === self) id = item.indexId;
        else {
          id = this.idOf(item.term, stamp, count, df);
          item.index = self;
          item.indexId = id;
        }
        if (stamp[id] !== i) {
          stamp[id] = i;
          count[id] = 1;
          df[id]!++;
          ids.push(id);
        } else count[id]!++;
      }
      for (let k = first; k < ids.length; k++) rawCounts.push(count[ids[k]!]!);
      this.unitStart[i + 1] = ids.length;
    }
    this.unitTerms = new Int32Array(ids);
    const size = this.termNames.length;
    this.idfs = new Float64Array(size);
    this.postingStart = new Int32Array(size + 1);
    for (let k = 0; k < size; k++) {
      this.idfs[k] = Math.log((1 + this.n) / (1 + df[k]!)) + 1;
      this.postingStart[k + 1] = this.postingStart[k]! + df[k]!;
    }
    const total = this.postingStart[size]!;
    this.postingDocs = new Int32Array(total);
    this.postingWeights = new Float64Array(total);
    const fill = this.postingStart.slice(0, size);
    this.unitWeights = new Float64Array(ids.length);
    for (let i = 0; i < this.n; i++) {
      for (let k = this.unitStart[i]!; k < this.unitStart[i + 1]!; k++) {
        const id = this.unitTerms[k]!;
        const w = (1 + Math.log(rawCounts[k]!)) * this.idfs[id]!;
        this.unitWeights[k] = w;
        const at = fill[id]!++;
        this.postingDocs[at] = i;
        this.postingWeights[at] = w;
      }
    }
    // Norms summed term by term in id order, the order the postings are laid out in.
    const norms = new Float64Array(this.n);
    for (let at = 0; at < total; at++) {
      const w = this.postingWeights[at]!;
      norms[this.postingDocs[at]!]! += w * w;
    }
    for (let i = 0; i < this.n; i++) norms[i] = Math.sqrt(norms[i]!);
    this.norms = norms;
    this.scores = new Float64Array(this.n);
    this.scatter = new Float64Array(size);
  }

  /** The id of `term`, made on first sight along with its slots in the counting arrays. */
  private idOf(term: string, stamp: number[], count: number[], df: number[]): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.vocabulary.set(term, id);
      this.termNames.push(term);
      stamp.push(-1);
      count.push(0);
      df.push(0);
    }
    return id;
  }

  idf(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? Math.log(1 + this.n) + 1 : this.idfs[id]!;
  }

  /** How many distinct terms the thread has (term ids run below this). */
  get size(): number {
    return this.termNames.length;
  }

  /** Dense id of a term of this thread, or -1. */
  termId(term: string): number {
    return this.vocabulary.get(term) ?? -1;
  }

  /** Where unit `i`'s distinct term ids and their weights lie in `termIdsAll` and `termWeightsAll`: `termsStart(i)` .. `termsStart(i + 1)`, in order of first use. */
  termsStart(i: number): number {
    return this.unitStart[i]!;
  }

  /** Every unit's distinct term ids, unit after unit (see termsStart; shared: do not modify). */
  get termIdsAll(): Int32Array {
    return this.unitTerms;
  }

  /** Their tf-idf weights, at the same positions (shared: do not modify). */
  get termWeightsAll(): Float64Array {
    return this.unitWeights;
  }

  /**
   * Cosine of units `i` and `j`. Callers compare one source with many targets in a row, so `i`'s
   * weights are scattered by term id once and each target costs one read per term of its own.
   */
  similarity(i: number, j: number): number {
    const ni = this.norms[i]!;
    const nj = this.norms[j]!;
    if (ni === 0 || nj === 0) return 0;
    const start = this.unitStart;
    const ids = this.unitTerms;
    const weights = this.unitWeights;
    if (this.scatterOwner !== i) {
      const o = this.scatterOwner;
      if (o >= 0) for (let k = start[o]!; k < start[o + 1]!; k++) this.scatter[ids[k]!] = 0;
      for (let k = start[i]!; k < start[i + 1]!; k++) this.scatter[ids[k]!] = weights[k]!;
      this.scatterOwner = i;
    }
    let dot = 0;
    for (let k = start[j]!; k < start[j + 1]!; k++) dot += this.scatter[ids[k]!]! * weights[k]!;
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
  search(terms: readonly string[] | ReadonlyMap<string, number>, before: number, accept: (index: number) => boolean, limit: number): Hit[] {
    // A caller that asks with the same passage many times passes its queryVector, made once.
    const query = 'get' in terms ? terms : this.queryVector(terms);
    let qnorm = 0;
    for (const w of query.values()) qnorm += w * w;
    qnorm = Math.sqrt(qnorm);
    if (qnorm === 0) return [];
    const rarest = query.size <= MAX_QUERY_TERMS ? [...query.keys()] : [...query.keys()].sort((a, b) => this.idf(b) - this.idf(a) || (a < b ? -1 : 1)).slice(0, MAX_QUERY_TERMS);
    const touched: number[] = [];
    const scores = this.scores;
    for (const t of rarest) {
      const id = this.vocabulary.get(t);
      if (id === undefined) continue;
      const qw = query.get(t)!;
      const first = this.postingStart[id]!;
      let k = lowerBound(this.postingDocs, first, this.postingStart[id + 1]!, before) - 1;
      for (let read = 0; k >= first && read < MAX_POSTINGS_PER_TERM; k--, read++) {
        const doc = this.postingDocs[k]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += qw * this.postingWeights[k]!;
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

/** First position in list[lo .. hi) (ascending) whose value is ≥ x. */
function lowerBound(list: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
