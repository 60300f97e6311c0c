/**
 * What every linker needs about the thread, computed once: the unit index, the reply tree as
 * comment indices, and which units can be targets.
 */
import type { UnitDraft } from '../classify/index.js';
import type { LinkOptions } from '../options.js';
import type { Thread, UnitType } from '../schema/index.js';
import type { QuotePassage } from '../segment/index.js';
import { normalizeForMatch } from '../dedupe/normalize.js';
import { sparseCosine } from './score.js';
import { terms } from './tokens.js';
import { UnitIndex } from './unit-index.js';

const TARGET_TYPES: ReadonlySet<UnitType> = new Set(['claim', 'premise', 'prediction', 'rebuttal', 'concession']);

export interface LinkContext {
  units: UnitDraft[];
  quotes: QuotePassage[];
  index: UnitIndex;
  options: LinkOptions;
  commentIndexById: Map<string, number>;
  /** Per comment index: the parent's comment index, or null for a root. */
  parentIndex: Array<number | null>;
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
  claimhood: number[];
  /** Per unit: the nearest claim-like unit before it in its comment (-1 if none), and after it. */
  claimBefore: number[];
  claimAfter: number[];
  /** Per unit: how many claim-like units its comment has up to and including it. */
  claimsUpTo: number[];
  /** Quote passage `q`'s text in comparison form, computed once. */
  quoteNormalized(q: number): string;
  /** Quote passage `q`'s tf-idf vector, computed once. */
  quoteVector(q: number): ReadonlyMap<string, number>;
  /**
   * How quote `q` and unit `t` overlap, once per pair (every unit after a quote asks the same):
   * the share of the quote found in the unit, of the unit found in the quote, and their cosine.
   */
  quoteOverlap(q: number, t: number): { quoteInUnit: number; unitInQuote: number; cosine: number };
}

export function linkContext(thread: Thread, units: UnitDraft[], quotes: QuotePassage[], parentOf: ReadonlyMap<string, string | null>, options: LinkOptions): LinkContext {
  const commentIndexById = new Map(thread.comments.map((c, i) => [c.id, i]));
  const parentIndex = thread.comments.map((c) => {
    const p = parentOf.get(c.id) ?? null;
    return p === null ? null : commentIndexById.get(p) ?? null;
  });
  const unitTerms = units.map((u) => terms(u.text));
  const index = new UnitIndex(unitTerms);
  const byComment = new Map<number, number[]>();
  units.forEach((u, i) => {
    const list = byComment.get(u.sentence.commentIndex);
    if (list) list.push(i);
    else byComment.set(u.sentence.commentIndex, [i]);
  });
  const normalizedCache = new Map<number, string>();
  const quoteCache = new Map<number, string>();
  const quoteVectors = new Map<number, ReadonlyMap<string, number>>();
  const wordsOf = (text: string) => {
    const list = text.split(' ').filter(Boolean);
    return { list, set: new Set(list), text };
  };
  const unitWordCache = new Map<number, Words>();
  const quoteWordCache = new Map<number, Words>();
  const unitWords = (i: number) => {
    let w = unitWordCache.get(i);
    if (w === undefined) unitWordCache.set(i, (w = wordsOf(normalizedOf(i))));
    return w;
  };
  const quoteWords = (q: number) => {
    let w = quoteWordCache.get(q);
    if (w === undefined) quoteWordCache.set(q, (w = wordsOf(normalizeForMatch(quotes[q]!.text))));
    return w;
  };
  const normalizedOf = (i: number) => {
    let n = normalizedCache.get(i);
    if (n === undefined) normalizedCache.set(i, (n = normalizeForMatch(units[i]!.text)));
    return n;
  };
  const overlapCache = new Map<number, { quoteInUnit: number; unitInQuote: number; cosine: number }>();
  const roots = rootsOf(parentIndex);
  return {
    units,
    quotes,
    index,
    claimhood: units.map(() => 0.5),
    claimBefore: units.map(() => -1),
    claimAfter: units.map(() => -1),
    claimsUpTo: units.map(() => 0),
    options,
    commentIndexById,
    parentIndex,
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
    unitsOfComment: (ci) => byComment.get(ci) ?? [],
    rootOf: (ci) => roots[ci] ?? ci,
    normalized: normalizedOf,
    quoteOverlap(q, t) {
      const key = q * units.length + t;
      let o = overlapCache.get(key);
      if (o === undefined) {
        const qw = quoteWords(q);
        const tw = unitWords(t);
        o = { quoteInUnit: shareIn(qw, tw), unitInQuote: shareIn(tw, qw), cosine: sparseCosine(this.quoteVector(q), index.vector(t)) };
        overlapCache.set(key, o);
      }
      return o;
    },
    quoteVector(q) {
      let v = quoteVectors.get(q);
      if (v === undefined) quoteVectors.set(q, (v = index.queryVector(terms(quotes[q]!.text))));
      return v;
    },
    quoteNormalized(q) {
      let n = quoteCache.get(q);
      if (n === undefined) quoteCache.set(q, (n = normalizeForMatch(quotes[q]!.text)));
      return n;
    },
  };
}

interface Words {
  list: string[];
  set: Set<string>;
  text: string;
}

/** The share of `a`'s words found in `b` (1 when either contains the other): containment() over cached word lists. */
function shareIn(a: Words, b: Words): number {
  if (a.list.length === 0 || b.list.length === 0) return 0;
  if (b.text.includes(a.text) || a.text.includes(b.text)) return 1;
  let found = 0;
  for (const w of a.list) if (b.set.has(w)) found++;
  return found / a.list.length;
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
