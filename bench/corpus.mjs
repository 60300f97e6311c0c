/**
 * The benchmarks' corpus. Realistic threads: real Change My View comments (../shared/eval, when
 * present) re-assembled into new reply trees with quotes of the parent and a few reposted
 * comments, so sentence length, vocabulary and markup are those of real forums. Without ../shared,
 * the batch generator's synthetic threads stand in (their short template sentences flatter
 * compromise: see README). Deterministic: same size, same threads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { generateExport, makeGenerator } from './gen-export.mjs';

const CMV = new URL('../../shared/eval/cmv-dev.jsonl', import.meta.url);
const bytes = (s) => Buffer.byteLength(s, 'utf8');

/** About `megabytes` of comment text as generic-JSON threads: `{ threads, size, kind }`. */
export function corpus(megabytes) {
  if (!existsSync(CMV)) return syntheticCorpus(megabytes);
  const source = readFileSync(CMV, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const posts = source.map((t) => t.comments[0].text);
  const replies = source.flatMap((t) => t.comments.slice(1).map((c) => c.text));
  const g = makeGenerator(11);
  const threads = [];
  let size = 0;
  for (let t = 0; size < megabytes * 1e6; t++) {
    const n = g.int(4, 40);
    const comments = [{ id: `t${t}c0`, parentId: null, author: 'op', text: posts[g.int(0, posts.length - 1)] }];
    for (let c = 1; c < n; c++) {
      const parent = comments[g.int(Math.max(0, c - 6), c - 1)];
      let text = replies[g.int(0, replies.length - 1)];
      if (g.rand() < 0.15) text = `> ${parent.text.trim().split(/(?<=[.?!])\s/)[0]}\n\n${text}`;
      if (g.rand() < 0.03) text = parent.text; // a repost
      comments.push({ id: `t${t}c${c}`, parentId: parent.id, author: `user${g.int(1, 50)}`, text });
    }
    threads.push({ id: `t${t}`, source: 'json', comments });
    size += comments.reduce((m, c) => m + bytes(c.text), 0);
  }
  return { threads, size, kind: 'real Change My View comments in generated reply trees' };
}

export function syntheticCorpus(megabytes) {
  const threads = [];
  let size = 0;
  for (const { line } of generateExport({ comments: 1_000_000, broken: 0, seed: 7 })) {
    if (!line) continue;
    const thread = JSON.parse(line);
    threads.push({ ...thread, source: 'json' });
    size += thread.comments.reduce((n, c) => n + bytes(c.text), 0);
    if (size >= megabytes * 1e6) break;
  }
  return { threads, size, kind: 'synthetic template threads (../shared not found)' };
}

