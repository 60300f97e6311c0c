/**
 * A thread id that appears again in the input (the same thread exported twice, two dumps that
 * overlap) is analyzed once: results.jsonl holds each thread id at most once. Chunks are
 * committed in input order, so "first" means first in the input whatever the number of workers;
 * a later copy becomes a failed thread in errors.jsonl, naming its own place.
 *
 * The check is a set lookup per thread. Only a chunk that holds a repeat is taken apart (its
 * result line parsed again to take its counts back out), which is rare.
 */
import type { ArgumentGraph } from '../../schema/index.js';
import type { ChunkResult, ChunkTask } from './chunk.js';
import { tallyGraph } from './process.js';
import { addTally, emptyTally, type ErrorLine } from './record.js';

export class ThreadIds {
  /** Ids of the threads in results.jsonl (about 60 bytes each: one per thread, not per comment). */
  private readonly seen = new Set<string>();

  constructor(restored: Iterable<string> = []) {
    for (const id of restored) this.seen.add(id);
  }

  /** The result as it may be committed: repeated threads turned into error lines. Notes the ids kept. */
  admit(result: ChunkResult, task: ChunkTask | undefined): ChunkResult {
    let repeats: Set<number> | undefined;
    result.threads.forEach((id, t) => {
      if (!this.seen.has(id)) this.seen.add(id);
      else (repeats ??= new Set()).add(t);
    });
    return repeats ? withoutThreads(result, repeats, task) : result;
  }
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The result without the threads numbered in `drop`, each reported as a repeat instead. */
function withoutThreads(r: ChunkResult, drop: Set<number>, task: ChunkTask | undefined): ChunkResult {
  const lines = decoder.decode(r.results).split('\n');
  const allIds = JSON.parse(r.commentIds) as string[];
  const tally = addTally(emptyTally(), r.tally);
  const keep: number[] = [];
  const kept = { lines: [] as string[], ids: [] as string[], sigs: [] as Uint8Array[] };
  let errors = '';
  const hashes = r.signed.reduce((n, c) => n + c, 0) > 0 ? r.signatures.length / allIds.length : 0;
  let signedAt = 0;
  r.threads.forEach((id, t) => {
    const signed = r.signed[t]!;
    const sigIds = allIds.slice(signedAt, signedAt + signed);
    const sigs = r.signatures.subarray(signedAt * hashes, (signedAt + signed) * hashes);
    signedAt += signed;
    if (!drop.has(t)) {
      keep.push(t);
      kept.lines.push(lines[t]!);
      kept.ids.push(...sigIds);
      kept.sigs.push(sigs);
      return;
    }
    const graph = JSON.parse(lines[t]!) as ArgumentGraph;
    const counted = emptyTally();
    tallyGraph(counted, graph);
    addTally(tally, counted, -1);
    tally.threadsFailed++;
    tally.commentsFailed += graph.thread.comments.length;
    tally.errors++;
    const error: ErrorLine = { ...placeOf(r, t, task), threadId: id, message: `thread id "${id}" was already analyzed earlier in the input; this repeat is not written again` };
    errors += `${JSON.stringify(error)}\n`;
  });
  const renumber = new Map(keep.map((t, k) => [t, k]));
  const signatures = new Uint8Array(kept.sigs.reduce((n, s) => n + s.length, 0));
  kept.sigs.reduce((at, s) => (signatures.set(s, at), at + s.length), 0);
  return {
    items: r.items,
    results: encoder.encode(kept.lines.map((l) => `${l}\n`).join('')),
    errors: concatBytes(r.errors, encoder.encode(errors)),
    threads: keep.map((t) => r.threads[t]!),
    places: Float64Array.from(keep.flatMap((t) => [...r.places.subarray(t * 3, t * 3 + 3)])),
    signed: Uint32Array.from(keep.map((t) => r.signed[t]!)),
    commentIds: JSON.stringify(kept.ids),
    signatures,
    tally,
    renders: r.renders.filter((x) => renumber.has(x.thread)).map((x) => ({ ...x, thread: renumber.get(x.thread)! })),
  };
}

/** Where thread `t` of a chunk came from: its file, and its line and offset when it was one line. */
function placeOf(r: ChunkResult, t: number, task: ChunkTask | undefined): Omit<ErrorLine, 'message'> {
  const [item, line, offset] = [r.places[t * 3]!, r.places[t * 3 + 1]!, r.places[t * 3 + 2]!];
  const place: Omit<ErrorLine, 'message'> = {};
  if (task?.kind === 'lines') place.file = task.file;
  else if (task?.kind === 'files') place.file = task.files[item]?.file;
  else if (task?.kind === 'records') {
    const record = task.records[item];
    place.file = record?.kind === 'pushshift' ? record.comments[0]?.file : record?.file;
  }
  if (!Number.isNaN(line)) place.line = line;
  if (!Number.isNaN(offset)) place.offset = offset;
  return place;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
