/**
 * What every linker needs about the thread, computed once: the unit index, the reply tree as
 * comment indices, and which units can be targets.
 */
import type { UnitDraft } from '../classify/index.js';
import type { LinkOptions } from '../options.js';
import type { Thread, UnitType } from '../schema/index.js';
import type { QuotePassage } from '../segment/index.js';
import { terms, termsOfWords, wordsOf, type Word } from './tokens.js';
import { UnitIndex } from './unit-index.js';
import { shareIn, WordList } from './words.js';
import { emptyLists } from '../util/arrays.js';
import { answersQuestion } from '../schema/post-type.js';

const NONE: number[] = [];
const TARGET_TYPES: ReadonlySet<UnitType> = new Set(['claim', 'premise', 'prediction', 'rebuttal', 'concession']);

export interface LinkContext {
  units: UnitDraft[];
  quotes: QuotePassage[];
  index: UnitIndex;
  options: LinkOptions;
  commentIndexById: Map<string, number>;
  /** Per comment index: the parent's comment index, or null for a root. */
  parentIndex: Array<number | null>;
  /** Per comment index: 1 when the comment is an answer to a question post (schema/post-type.ts), else 0. */
  answers: Uint8Array;
  queryTerms(text: string): string[];
  /** Unit `i` can be the target of unit `r`: earlier and argumentative. */
  isTarget(i: number, r: number): boolean;
  /** A small bonus for targets where replies usually point: the parent comment, then the opening post. */
  structuralPrior(i: number, r: number): number;
  unitsOfComment(commentIndex: number): number[];
  /** The root comment (index) of a comment's reply chain. */
  rootOf(commentIndex: number): number;
  /** Unit `i`'s text in comparison form (normalizeForMatch), computed once. */
  normalized(i: number): string;
  /** Per unit: how likely it is a claim rather than a premise (the claim model's reading; 0.5 until it has read). */
  claimhood: Float64Array;
  /** Per unit: the nearest claim-like unit before it in its comment (-1 if none), and after it. */
  claimBefore: Int32Array;
  claimAfter: Int32Array;
  /** Per comment: its most claim-like unit by the claim model (-1 if none is argumentative). */
  topClaim: Int32Array;
  /** Per unit: how many claim-like units its comment has up to and including it. */
  claimsUpTo: Int32Array;
  /** Per unit: the type the classifier gave it, before the attack model retypes units it links as rebuttals. */
  classifiedType: UnitType[];
  /** Unit `i`'s words in comparison form. */
  unitWords(i: number): WordList;
  /** Per unit: its lexical flags (features.ts lexicalFlags), -1 until first read. */
  lexical: Int32Array;
  /** Quote passage `q`'s terms (tokens.ts), computed once. */
  quoteTerms(q: number): string[];
  /** Quote passage `q`'s tf-idf vector, computed once. */
  quoteVector(q: number): ReadonlyMap<string, number>;
  /** A passage's tf-idf vector in this thread, ready for `probeCosine`. */
  probe(terms: readonly string[]): ProbeVector;
  /** The cosine of the probe's vector and unit `t`'s tf-idf vector, without a map per unit. */
  probeCosine(probe: ProbeVector, t: number): number;
  /**
   * How quote `q` and unit `t` overlap, once per pair (every unit after a quote asks the same):
   * the share of the quote found in the unit, of the unit found in the quote, and their cosine.
   */
  quoteOverlap(q: number, t: number): { quoteInUnit: number; unitInQuote: number; cosine: number };
}

export function linkContext(thread: Thread, units: UnitDraft[], quotes: QuotePassage[], parentOf: ReadonlyMap<string, string | null>, options: LinkOptions): LinkContext {
  const commentIndexById = new Map(thread.comments.map((c, i) => [c.id, i]));
  // The per-comment and per-unit arrays are built by loops and the numeric ones are typed arrays.
  // Built with map and forEach, their shapes varied from thread to thread, and V8 threw away its
  // compiled linker each time a new shape came. `npm run bench:jit` (one batch worker, 50k comments)
  // counted 57 deoptimizations before this and the like changes in classify and dedupe, 16 after;
  // each is a recompile, which with two workers takes time from the other one.
  const parentIndex: Array<number | null> = [];
  for (const c of thread.comments) {
    const p = parentOf.get(c.id) ?? null;
    parentIndex.push(p === null ? null : commentIndexById.get(p) ?? null);
  }
  // Each unit's words are read once: their terms feed the index, the words themselves quote overlap.
  const overflow = new Map<string, Word>();
  const shape = { plain: false };
  const unitWords: WordList[] = [];
  for (const u of units) {
    const words = wordsOf(u.text, overflow, shape);
    unitWords.push(new WordList(words, shape.plain));
  }
  const docs: Array<readonly Word[]> = [];
  for (const w of unitWords) docs.push(w.words);
  const index = new UnitIndex(docs);
  const byComment = emptyLists<number>(thread.comments.length);
  for (let i = 0; i < units.length; i++) byComment[units[i]!.sentence.commentIndex]!.push(i);
  const quoteWordCache: Array<WordList | undefined> = [];
  const quoteTermCache: Array<string[] | undefined> = [];
  const quoteVectors: Array<ProbeVector | undefined> = [];
  const quoteWords = (q: number) => (quoteWordCache[q] ??= new WordList(wordsOf(quotes[q]!.text, overflow)));
  const normalizedOf = (i: number) => unitWords[i]!.text;
  const quoteTerms = (q: number) => (quoteTermCache[q] ??= termsOfWords(quoteWords(q).words));
  const quoteVector = (q: number) => (quoteVectors[q] ??= quoteVectorOf(index, quoteTerms(q)));
  const cosineWith = unitCosine(index, units.length);
  const overlapCache = new Map<number, { quoteInUnit: number; unitInQuote: number; cosine: number }>();
  const roots = rootsOf(parentIndex);
  const answers = new Uint8Array(thread.comments.length);
  for (let c = 0; c < thread.comments.length; c++) {
    const p = parentIndex[c];
    answers[c] = answersQuestion(thread.comments[c]!, p === null || p === undefined ? undefined : thread.comments[p]) ? 1 : 0;
  }
  return {
    units,
    quotes,
    index,
    claimhood: new Float64Array(units.length).fill(0.5),
    claimBefore: new Int32Array(units.length).fill(-1),
    claimAfter: new Int32Array(units.length).fill(-1),
    claimsUpTo: new Int32Array(units.length),
    topClaim: new Int32Array(thread.comments.length).fill(-1),
    lexical: new Int32Array(units.length).fill(-1),
    unitWords: (i) => unitWords[i]!,
    classifiedType: typesOf(units),
    options,
    commentIndexById,
    parentIndex,
    answers,
    queryTerms: terms,
    isTarget: (i, r) => i < r && TARGET_TYPES.has(units[i]!.type),
    structuralPrior(i, r) {
      const from = units[r]!.sentence.commentIndex;
      const to = units[i]!.sentence.commentIndex;
      if (parentIndex[from] === to) return 0.15;
      if (to === from) return 0;
      if (to === roots[from]) return 0.08;
      return 0;
    },
    unitsOfComment: (ci) => byComment[ci] ?? NONE,
    rootOf: (ci) => roots[ci] ?? ci,
    normalized: normalizedOf,
    quoteOverlap(q, t) {
      const key = q * units.length + t;
      let o = overlapCache.get(key);
      if (o === undefined) {
        const qw = quoteWords(q);
        const tw = unitWords[t]!;
        o = { quoteInUnit: shareIn(qw, tw), unitInQuote: shareIn(tw, qw), cosine: cosineWith(quoteVector(q), t) };
        overlapCache.set(key, o);
      }
      return o;
    },
    quoteTerms,
    quoteVector: (q) => quoteVector(q).map,
    probe: (probeTerms) => quoteVectorOf(index, probeTerms),
    probeCosine: cosineWith,
  };
}

/** A passage's (a quote's) tf-idf vector, also as term ids and weights in the map's order, with its squared norm. */
export interface ProbeVector {
  map: ReadonlyMap<string, number>;
  ids: Int32Array;
  weights: Float64Array;
  squared: number;
}

function quoteVectorOf(index: UnitIndex, quoteTerms: readonly string[]): ProbeVector {
  const map = index.queryVector(quoteTerms);
  const ids = new Int32Array(map.size);
  const weights = new Float64Array(map.size);
  let squared = 0;
  let k = 0;
  for (const [t, w] of map) {
    ids[k] = index.termId(t);
    weights[k++] = w;
    squared += w * w;
  }
  return { map, ids, weights, squared };
}

/**
 * Cosine of a quote's vector with unit `t`'s, summed over the quote's terms in order, without a
 * map per unit: the unit's weights are laid out by term id for the one comparison.
 */
function unitCosine(index: UnitIndex, n: number): (quote: ProbeVector, t: number) => number {
  const squaredNorms = new Float64Array(n).fill(-1);
  let scatter = new Float64Array(0);
  return (quote, t) => {
    const ids = index.termIdsAll;
    const weights = index.termWeightsAll;
    const from = index.termsStart(t);
    const to = index.termsStart(t + 1);
    let nb = squaredNorms[t]!;
    if (nb < 0) {
      nb = 0;
      for (let k = from; k < to; k++) nb += weights[k]! * weights[k]!;
      squaredNorms[t] = nb;
    }
    if (!(quote.squared > 0 && nb > 0)) return 0;
    if (scatter.length === 0) scatter = new Float64Array(index.size);
    for (let k = from; k < to; k++) scatter[ids[k]!] = weights[k]!;
    let dot = 0;
    for (let k = 0; k < quote.ids.length; k++) {
      const id = quote.ids[k]!;
      if (id >= 0 && scatter[id] !== 0) dot += quote.weights[k]! * scatter[id]!;
    }
    for (let k = from; k < to; k++) scatter[ids[k]!] = 0;
    return dot / Math.sqrt(quote.squared * nb);
  };
}

/** Each unit's type as the classifier gave it. */
function typesOf(units: readonly UnitDraft[]): UnitType[] {
  const types: UnitType[] = [];
  for (const u of units) types.push(u.type);
  return types;
}

/** Each comment's root, memoised along the walk so the whole tree costs linear time. */
function rootsOf(parentIndex: ReadonlyArray<number | null>): number[] {
  const roots = new Array<number>(parentIndex.length).fill(-1);
  for (let i = 0; i < parentIndex.length; i++) {
    const path: number[] = [];
    let c = i;
    while (roots[c] === -1 && parentIndex[c] !== null && parentIndex[c] !== undefined && path.length <= parentIndex.length) {
      path.push(c);
      c = parentIndex[c]!;
    }
    const root = roots[c] !== -1 ? roots[c]! : c;
    roots[c] = root;
    for (const p of path) roots[p] = root;
  }
  return roots;
}
