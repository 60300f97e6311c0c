/**
 * Groups Pushshift comment lines into threads with memory bounded by a bucket, not the dump:
 * pass 1 streams every dump and appends each line to one of K bucket files chosen by a hash of
 * its `link_id`; pass 2 reads one bucket at a time and groups it in memory. A thread's lines all
 * land in one bucket, in input order, so grouping is exact and deterministic, even for threads
 * that span several dump files.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from './inputs.js';
import { threadOfLine } from './pushshift.js';
import { readLineBlocks } from './blocks.js';
import { blockLines, decodeLine } from './decode.js';
import { failedOutcome, type BatchRecord, type PushshiftLine, type RecordOutcome } from './record.js';
import type { SourceOptions } from './sources.js';

/** A gathered thread, or a dump line that belongs to none (a failed comment). */
export type GroupItem = { record: BatchRecord } | { outcome: RecordOutcome };

/** Target bytes per bucket: the most pass 2 holds at once (about 3× this in memory). */
const BUCKET_BYTES = 64 << 20;
/** Compressed dumps are assumed to expand this much when sizing buckets. */
const GZIP_RATIO = 8;

export async function* groupPushshift(files: readonly InputFile[], options: SourceOptions): AsyncGenerator<GroupItem> {
  const estimate = files.reduce((sum, f) => sum + f.size * (f.gzip ? GZIP_RATIO : 1), 0);
  const buckets = Math.max(1, Math.ceil(estimate / BUCKET_BYTES));
  rmSync(options.spillDir, { recursive: true, force: true });
  mkdirSync(options.spillDir, { recursive: true });
  const bucketPath = (b: number) => join(options.spillDir, `bucket-${b}.tsv`);
  const buffers: string[] = new Array<string>(buckets).fill('');
  const flush = (b: number) => {
    if (buffers[b]) appendFileSync(bucketPath(b), buffers[b]!);
    buffers[b] = '';
  };
  const threads = new Set<string>();

  for (const [fileIndex, file] of files.entries()) {
    for await (const l of textLines(file, options)) {
      const { key, place } = l;
      if ('error' in l) {
        yield { outcome: unreadable(key, { ...place, message: l.error }) };
        continue;
      }
      const owner = threadOfLine(l.text, place.line);
      if ('error' in owner) {
        yield { outcome: unreadable(key, { ...place, ...(owner.path ? { path: owner.path } : {}), message: `${owner.error}; cannot tell which thread this line belongs to` }) };
        continue;
      }
      const linkId = owner.threadId;
      threads.add(linkId);
      const b = hash(linkId) % buckets;
      buffers[b] += `${linkId}\t${fileIndex}\t${place.line}\t${l.text}\n`;
      if (buffers[b]!.length > 1 << 20) flush(b);
    }
  }
  for (let b = 0; b < buckets; b++) flush(b);
  options.onTotal?.(threads.size);
  threads.clear();

  for (let b = 0; b < buckets; b++) {
    let text: string;
    try {
      text = readFileSync(bucketPath(b), 'utf8');
    } catch {
      continue; // no line hashed here
    }
    const groups = new Map<string, PushshiftLine[]>();
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const row = text.slice(start, end);
      start = end + 1;
      const t1 = row.indexOf('\t');
      const t2 = row.indexOf('\t', t1 + 1);
      const t3 = row.indexOf('\t', t2 + 1);
      const linkId = row.slice(0, t1);
      const line: PushshiftLine = { file: files[Number(row.slice(t1 + 1, t2))]!.path, line: Number(row.slice(t2 + 1, t3)), text: row.slice(t3 + 1) };
      const group = groups.get(linkId);
      if (group) group.push(line);
      else groups.set(linkId, [line]);
    }
    for (const [linkId, comments] of groups) {
      yield { record: { kind: 'pushshift', key: `pushshift:${linkId}`, threadId: linkId, comments } };
    }
    rmSync(bucketPath(b), { force: true });
  }
  rmSync(options.spillDir, { recursive: true, force: true });
}

/** A dump line that belongs to no thread: it is a failed comment, not a failed thread. */
function unreadable(key: string, error: Parameters<typeof failedOutcome>[1]) {
  const outcome = failedOutcome(key, error);
  outcome.tally.threadsFailed = 0;
  outcome.tally.commentsFailed = 1;
  return outcome;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A decoded dump line with its place, or why it cannot be read. */
type TextLine = { key: string; place: { file: string; line: number; offset: number } } & ({ text: string } | { error: string });

/** The lines of a file as text, reporting bytes read as they go; over-long and non-UTF-8 lines come as errors. */
async function* textLines(file: InputFile, options: SourceOptions): AsyncGenerator<TextLine> {
  let seen = 0;
  const onBytes = (total: number) => {
    options.onBytes(total - seen);
    seen = total;
  };
  const blocks = readLineBlocks(file.abs, { gzip: file.gzip, onBytes, ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}) });
  for await (const b of blocks) {
    if ('tooLong' in b) {
      yield { key: `${file.abs}:${b.line}`, place: { file: file.path, line: b.line, offset: b.offset }, error: `line too long (${b.length} bytes); skipped` };
      continue;
    }
    for (const l of blockLines(b.bytes, b.line, b.offset)) {
      if (l.bytes.length === 0) continue;
      yield { key: `${file.abs}:${l.line}`, place: { file: file.path, line: l.line, offset: l.offset }, ...decodeLine(l.bytes) };
    }
  }
  options.onBytes(file.size - seen);
}
