#!/usr/bin/env node
/**
 * `npm run bench`: analyze throughput against compromise's full parse of the same text, in one run,
 * and how the time grows with thread size. Figures are ratios within this run: the machine is shared.
 *
 *   node bench/analyze.bench.mjs [--mb 1.5] [--baseline-mb 0.4] [--synthetic 1]
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { analyzeThread } from '../dist/index.js';
import { generateExport, makeGenerator } from './gen-export.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const targetMb = Number(args.mb ?? 1.5);
const baselineMb = Number(args['baseline-mb'] ?? 0.4);

const bytes = (s) => Buffer.byteLength(s, 'utf8');
const mb = (n) => n / 1e6;

const CMV = new URL('../../shared/eval/cmv-dev.jsonl', import.meta.url);

/**
 * Realistic threads: real Change My View comments (../shared/eval, when present) re-assembled into
 * new reply trees with quotes of the parent and a few reposted comments, so sentence length,
 * vocabulary and markup are those of real forums. Without ../shared, the batch generator's
 * synthetic threads stand in (their short template sentences flatter compromise: see README).
 */
function corpus(megabytes) {
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

function syntheticCorpus(megabytes) {
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

function time(fn) {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const { threads, size, kind } = args.synthetic ? syntheticCorpus(targetMb) : corpus(targetMb);
const comments = threads.reduce((n, t) => n + t.comments.length, 0);
console.log(`corpus: ${kind}: ${threads.length} threads, ${comments} comments, ${mb(size).toFixed(2)} MB of comment text`);

// Warm up the JIT and the stemmer's memo on a slice, as a long batch would be.
for (const t of threads.slice(0, 50)) analyzeThread(t);

const runs = [1, 2, 3].map(() => time(() => { for (const t of threads) analyzeThread(t); }));
const ours = mb(size) / median(runs);
console.log(`threadmap analyzeThread: ${ours.toFixed(2)} MB/s (median of ${runs.length} runs: ${runs.map((r) => r.toFixed(2)).join(', ')} s)`);

// Baseline: compromise's full parse (nlp(text)) over the comments of the first threads, in the same run.
const sample = [];
let sampleSize = 0;
for (const t of threads) {
  for (const c of t.comments) {
    sample.push(c.text);
    sampleSize += bytes(c.text);
  }
  if (sampleSize >= baselineMb * 1e6) break;
}
for (const text of sample.slice(0, 50)) nlp(text);
const baseTime = time(() => { for (const text of sample) nlp(text); });
const base = mb(sampleSize) / baseTime;
console.log(`compromise nlp(text) (full parse): ${base.toFixed(3)} MB/s over ${mb(sampleSize).toFixed(2)} MB`);
console.log(`ratio: ${(ours / base).toFixed(1)}× the compromise baseline (target ≥ 40×)`);

// Scaling: one thread of n comments, reply trees as in the corpus.
function bigThread(n, seed) {
  const g = makeGenerator(seed);
  const list = [];
  for (let i = 0; i < n; i++) {
    const parent = i === 0 ? null : list[g.int(Math.max(0, i - 30), i - 1)];
    let text = g.paragraph(g.int(1, 5));
    if (parent && g.rand() < 0.2) text = `> ${parent.text.split(/(?<=[.?!])\s/)[0]}\n\n${text}`;
    list.push({ id: `c${i}`, parentId: parent ? parent.id : null, author: null, text });
  }
  return { id: `scale-${n}`, source: 'json', comments: list };
}
const sizes = [1000, 2000, 4000, 8000];
const times = {};
for (const n of sizes) {
  const thread = bigThread(n, n);
  analyzeThread(thread);
  times[n] = median([1, 2, 3].map(() => time(() => analyzeThread(thread))));
  console.log(`thread of ${n} comments: ${(times[n] * 1000).toFixed(0)} ms`);
}
console.log(`time(8k)/time(1k) = ${(times[8000] / times[1000]).toFixed(2)} (linear would be 8; target ≤ 12)`);
