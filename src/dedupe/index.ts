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
import { commentBlocks, type Block } from './blocks.js';
import { estimateJaccard, LshIndex, minhashInto } from './minhash.js';
import { dice } from '../util/similarity.js';

export interface Dedupe {
  duplicates: Duplicate[];
  /** Per comment index: the [start, end) ranges set aside as copies, sorted. */
  setAside: Array<Array<[number, number]>>;
  diagnostics: Diagnostic[];
}

interface Match {
  /** Index of the original block (never itself a copy). */
  of: number;
  similarity: number;
  exact: boolean;
}

export function dedupe(thread: Thread, options: DedupeOptions): Dedupe {
  const blocks = commentBlocks(thread);
  const matches: Array<Match | undefined> = new Array(blocks.length);
  matchExact(thread, blocks, matches, options);
  matchNear(blocks, matches, options);
  extendRuns(thread, blocks, matches);
  const duplicates = collectRuns(thread, blocks, matches);
  const setAside: Array<Array<[number, number]>> = thread.comments.map(() => []);
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

function blockText(thread: Thread, b: Block): string {
  return thread.comments[b.comment]!.text.slice(b.start, b.end);
}

function matchExact(thread: Thread, blocks: Block[], matches: Array<Match | undefined>, options: DedupeOptions): void {
  const first = new Map<string, number>();
  blocks.forEach((block, i) => {
    if (block.norm.length < options.minChars) return;
    const earlier = first.get(block.norm);
    if (earlier === undefined) {
      first.set(block.norm, i);
      return;
    }
    matches[i] = sameOrNear(thread, blocks, earlier, i);
  });
}

/** Two blocks with the same comparison form: exact if the raw text agrees too. */
function sameOrNear(thread: Thread, blocks: Block[], of: number, copy: number): Match {
  const a = blockText(thread, blocks[of]!);
  const b = blockText(thread, blocks[copy]!);
  return a === b ? { of, similarity: 1, exact: true } : { of, similarity: round(dice(a, b)), exact: false };
}

/** MinHash signature length for near-duplicate lines. */
const BINS = 32;

function matchNear(blocks: Block[], matches: Array<Match | undefined>, options: DedupeOptions): void {
  const lsh = new LshIndex(8, 4);
  // The signatures of indexed blocks, end to end in one array (slot k at k * BINS), and each block's slot.
  let store = new Uint32Array(BINS * 64);
  let stored = 0;
  const slot = new Int32Array(blocks.length);
  const sig = new Uint32Array(BINS);
  blocks.forEach((block, i) => {
    if (block.norm.length < Math.max(options.minChars, 40) || matches[i]) return;
    minhashInto(block.norm, sig, options.shingle);
    let best: Match | undefined;
    for (const candidate of lsh.candidates(sig, 16)) {
      // Cheap signature estimate first; the exact character similarity only for the survivors.
      if (estimateJaccard(sig, store, slot[candidate]! * BINS) < options.nearThreshold - 0.2) continue;
      const similarity = dice(blocks[candidate]!.norm, block.norm);
      if (similarity >= options.nearThreshold && (!best || similarity > best.similarity)) {
        best = { of: candidate, similarity: round(similarity), exact: false };
      }
    }
    if (best) matches[i] = best;
    else {
      if ((stored + 1) * BINS > store.length) {
        const grown = new Uint32Array(store.length * 2);
        grown.set(store);
        store = grown;
      }
      store.set(sig, stored * BINS);
      slot[i] = stored++;
      lsh.add(i, sig);
    }
  });
}

/**
 * Short blocks (a heading such as "Summary:") are too common to be duplicates on their own, but
 * inside a repeated run they are part of the copy: extend each run over them, forwards and back.
 */
function extendRuns(thread: Thread, blocks: Block[], matches: Array<Match | undefined>): void {
  const continues = (copy: number, of: number): boolean =>
    of < copy && !matches[copy] && !matches[of] && blocks[copy]!.norm === blocks[of]!.norm;
  for (let i = 1; i < blocks.length; i++) {
    const prev = matches[i - 1];
    if (matches[i] || !prev || blocks[i]!.comment !== blocks[i - 1]!.comment) continue;
    const of = prev.of + 1;
    if (blocks[of]?.comment === blocks[prev.of]!.comment && continues(i, of)) matches[i] = sameOrNear(thread, blocks, of, i);
  }
  for (let i = blocks.length - 2; i >= 0; i--) {
    const next = matches[i + 1];
    if (matches[i] || !next || blocks[i]!.comment !== blocks[i + 1]!.comment) continue;
    const of = next.of - 1;
    if (of >= 0 && blocks[of]!.comment === blocks[next.of]!.comment && continues(i, of)) matches[i] = sameOrNear(thread, blocks, of, i);
  }
}

/** Consecutive copied blocks of one comment that repeat consecutive blocks of one comment become one record. */
function collectRuns(thread: Thread, blocks: Block[], matches: Array<Match | undefined>): Duplicate[] {
  const out: Duplicate[] = [];
  let i = 0;
  while (i < blocks.length) {
    const m = matches[i];
    if (!m) {
      i++;
      continue;
    }
    let j = i;
    let weighted = m.similarity * (blocks[i]!.end - blocks[i]!.start);
    let length = blocks[i]!.end - blocks[i]!.start;
    let exact = m.exact;
    while (j + 1 < blocks.length) {
      const next = matches[j + 1];
      const cur = matches[j]!;
      if (!next || blocks[j + 1]!.comment !== blocks[i]!.comment || next.of !== cur.of + 1 || blocks[next.of]!.comment !== blocks[m.of]!.comment) break;
      // A copy may not overlap its own source (a line repeated three times is two records).
      if (next.of >= i) break;
      j++;
      const len = blocks[j]!.end - blocks[j]!.start;
      weighted += next.similarity * len;
      length += len;
      exact &&= next.exact;
    }
    const copyComment = thread.comments[blocks[i]!.comment]!;
    const srcFirst = blocks[m.of]!;
    const srcLast = blocks[matches[j]!.of]!;
    out.push({
      commentId: copyComment.id,
      start: blocks[i]!.start,
      end: blocks[j]!.end,
      of: { commentId: thread.comments[srcFirst.comment]!.id, start: srcFirst.start, end: srcLast.end },
      kind: exact ? 'exact' : 'near',
      similarity: exact ? 1 : round(length > 0 ? weighted / length : m.similarity),
    });
    i = j + 1;
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
