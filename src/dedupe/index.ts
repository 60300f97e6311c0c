/**
 * dedupe: finds repeated passages (a thread pasted twice, a comment reposted, an edited copy) and
 * records each copy with what it repeats. Nothing is deleted: copies are set aside from analysis
 * and listed in `duplicates`.
 *
 * Cost is linear: exact repeats by hashing each block once; near repeats by MinHash + LSH, each
 * block checked only against the few earlier blocks that share a band.
 */
import type { Diagnostic, Duplicate, Thread } from '../schema/index.js';
import type { DedupeOptions } from '../options.js';
import { Blocks } from './blocks.js';
import { estimateJaccard, LshIndex, signWords } from './minhash.js';
import { dice } from '../util/similarity.js';
import { emptyLists } from '../util/arrays.js';

export interface Dedupe {
  duplicates: Duplicate[];
  /** Per comment index: the [start, end) ranges set aside as copies, sorted. */
  setAside: Array<Array<[number, number]>>;
  diagnostics: Diagnostic[];
}

/** What each block copies: the original block (never itself a copy; -1 when none), how closely, and whether exactly. */
class Matches {
  of = new Int32Array(256);
  similarity = new Float64Array(256);
  exact = new Uint8Array(256);

  reset(n: number): void {
    if (this.of.length < n) {
      const size = Math.max(n, this.of.length * 2);
      this.of = new Int32Array(size);
      this.similarity = new Float64Array(size);
      this.exact = new Uint8Array(size);
    }
    this.of.fill(-1, 0, n);
  }

  set(i: number, of: number, similarity: number, exact: boolean): void {
    this.of[i] = of;
    this.similarity[i] = similarity;
    this.exact[i] = exact ? 1 : 0;
  }
}

// The stage's working storage, kept between threads: most threads are small, and allocating it
// per thread cost more than using it. dedupe runs to completion, so one set is never shared.
const blocksStore = new Blocks();
const matchesStore = new Matches();
const lsh = new LshIndex(8, 4);

export function dedupe(thread: Thread, options: DedupeOptions): Dedupe {
  const blocks = blocksStore.read(thread);
  const matches = matchesStore;
  matches.reset(blocks.count);
  lsh.clear();
  match(blocks, matches, options);
  extendRuns(blocks, matches);
  const duplicates = collectRuns(thread, blocks, matches);
  blocks.release();
  const setAside = emptyLists<[number, number]>(thread.comments.length);
  const index = new Map(thread.comments.map((c, i) => [c.id, i]));
  for (const d of duplicates) setAside[index.get(d.commentId)!]!.push([d.start, d.end]);
  const diagnostics: Diagnostic[] = duplicates.map((d) => ({
    level: 'info',
    code: 'duplicate-set-aside',
    message: `${d.kind} repeat of ${d.of.commentId}[${d.of.start}:${d.of.end}] set aside (similarity ${d.similarity.toFixed(2)})`,
    commentId: d.commentId,
  }));
  return { duplicates, setAside, diagnostics };
}

/** MinHash signature length for near-duplicate lines. */
const BINS = 32;
/** LSH candidates checked per block. */
const CANDIDATES = 16;

// The signatures of indexed blocks, end to end in one array (slot k at k * BINS), and each block's slot.
let store = new Uint32Array(BINS * 256);
let slot = new Int32Array(256);
const sig = new Uint32Array(BINS);
const candidates = new Int32Array(CANDIDATES);

/**
 * Exact repeats by the hash of each block's form; near repeats by MinHash + LSH among the blocks
 * long enough and not already exact copies, each checked only against the few earlier blocks
 * that share a band. One pass in block order: a block's exact match depends only on earlier
 * blocks, so it is known before the block's near check, as when the two ran as separate passes.
 */
function match(blocks: Blocks, matches: Matches, options: DedupeOptions): void {
  // Form hash -> first block with that form; forms that share a hash with a different form go by text.
  const first = new Map<number, number>();
  const collided = new Map<string, number>();
  const nearMin = Math.max(options.minChars, 40);
  if (slot.length < blocks.count) slot = new Int32Array(Math.max(blocks.count, slot.length * 2));
  let stored = 0;
  for (let i = 0; i < blocks.count; i++) {
    const length = blocks.formLength[i]!;
    if (length < options.minChars) continue;
    const earlier = first.get(blocks.formHash[i]!);
    if (earlier === undefined) first.set(blocks.formHash[i]!, i);
    else if (blocks.sameForm(earlier, i)) {
      sameOrNear(blocks, matches, earlier, i);
      continue;
    } else {
      const form = blocks.form(i);
      const other = collided.get(form);
      if (other !== undefined) {
        sameOrNear(blocks, matches, other, i);
        continue;
      }
      collided.set(form, i);
    }
    if (length < nearMin) continue;
    signWords(blocks.scan.words, blocks.wordStart[i]!, blocks.wordCount[i]!, sig, options.shingle);
    let best = -1;
    let bestSimilarity = 0;
    const n = lsh.candidatesInto(sig, candidates, CANDIDATES);
    for (let k = 0; k < n; k++) {
      const candidate = candidates[k]!;
      // Cheap signature estimate first; the exact character similarity only for the survivors.
      if (estimateJaccard(sig, store, slot[candidate]! * BINS) < options.nearThreshold - 0.2) continue;
      const similarity = dice(blocks.form(candidate), blocks.form(i));
      if (similarity >= options.nearThreshold && (best < 0 || similarity > bestSimilarity)) {
        best = candidate;
        // Rounded as recorded: a later candidate must beat the recorded figure.
        bestSimilarity = round(similarity);
      }
    }
    if (best >= 0) matches.set(i, best, bestSimilarity, false);
    else {
      if ((stored + 1) * BINS > store.length) {
        const grown = new Uint32Array(store.length * 2);
        grown.set(store);
        store = grown;
      }
      store.set(sig, stored * BINS);
      slot[i] = stored++;
      lsh.addQueried(i);
    }
  }
}

/** Two blocks with the same comparison form: exact if the raw text agrees too. */
function sameOrNear(blocks: Blocks, matches: Matches, of: number, copy: number): void {
  if (blocks.textEquals(of, copy)) matches.set(copy, of, 1, true);
  else matches.set(copy, of, round(dice(blocks.text(of), blocks.text(copy))), false);
}

/**
 * Short blocks (a heading such as "Summary:") are too common to be duplicates on their own, but
 * inside a repeated run they are part of the copy: extend each run over them, forwards and back.
 */
function extendRuns(blocks: Blocks, matches: Matches): void {
  const of_ = matches.of;
  const comment = blocks.comment;
  const n = blocks.count;
  const continues = (copy: number, of: number): boolean => of < copy && of_[copy]! < 0 && of_[of]! < 0 && blocks.sameForm(copy, of);
  for (let i = 1; i < n; i++) {
    const prev = of_[i - 1]!;
    if (of_[i]! >= 0 || prev < 0 || comment[i] !== comment[i - 1]) continue;
    const of = prev + 1;
    if (comment[of] === comment[prev] && continues(i, of)) sameOrNear(blocks, matches, of, i);
  }
  for (let i = n - 2; i >= 0; i--) {
    const next = of_[i + 1]!;
    if (of_[i]! >= 0 || next < 0 || comment[i] !== comment[i + 1]) continue;
    const of = next - 1;
    if (of >= 0 && comment[of] === comment[next] && continues(i, of)) sameOrNear(blocks, matches, of, i);
  }
}

/** Consecutive copied blocks of one comment that repeat consecutive blocks of one comment become one record. */
function collectRuns(thread: Thread, blocks: Blocks, matches: Matches): Duplicate[] {
  const out: Duplicate[] = [];
  const { of: ofs, similarity, exact: exacts } = matches;
  const { comment, start, end } = blocks;
  let i = 0;
  while (i < blocks.count) {
    const m = ofs[i]!;
    if (m < 0) {
      i++;
      continue;
    }
    let j = i;
    let weighted = similarity[i]! * (end[i]! - start[i]!);
    let length = end[i]! - start[i]!;
    let exact = exacts[i] === 1;
    while (j + 1 < blocks.count) {
      const next = ofs[j + 1]!;
      if (next < 0 || comment[j + 1] !== comment[i] || next !== ofs[j]! + 1 || comment[next] !== comment[m]) break;
      // A copy may not overlap its own source (a line repeated three times is two records).
      if (next >= i) break;
      j++;
      const len = end[j]! - start[j]!;
      weighted += similarity[j]! * len;
      length += len;
      exact &&= exacts[j] === 1;
    }
    out.push({
      commentId: thread.comments[comment[i]!]!.id,
      start: start[i]!,
      end: end[j]!,
      of: { commentId: thread.comments[comment[m]!]!.id, start: start[m]!, end: end[ofs[j]!]! },
      kind: exact ? 'exact' : 'near',
      similarity: exact ? 1 : round(length > 0 ? weighted / length : similarity[i]!),
    });
    i = j + 1;
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
