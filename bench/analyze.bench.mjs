#!/usr/bin/env node
/**
 * `npm run bench`: analyze throughput against compromise's full parse of the same text, in one run,
 * and how the time grows with thread size. Figures are ratios within this run: the machine is shared.
 *
 *   node bench/analyze.bench.mjs [--mb 1.5] [--baseline-mb 0.4] [--rounds 5] [--synthetic 1]
 */
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { analyzeThread } from '../dist/index.js';
import { corpus, syntheticCorpus } from './corpus.mjs';
import { makeGenerator } from './gen-export.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const targetMb = Number(args.mb ?? 1.5);
const baselineMb = Number(args['baseline-mb'] ?? 0.4);

const bytes = (s) => Buffer.byteLength(s, 'utf8');
const mb = (n) => n / 1e6;

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

// Warm up the JIT (and the stemmer's memo, as a long batch would have it) on a slice of each.
for (const t of threads.slice(0, 50)) analyzeThread(t);
for (const text of sample.slice(0, 50)) nlp(text);

// Rounds alternate the two, so a neighbour's load on this shared machine falls on both sides of
// each round's ratio; the medians are printed.
const rounds = Number(args.rounds ?? 5);
const ourRates = [];
const baseRates = [];
const ratios = [];
for (let r = 0; r < rounds; r++) {
  const ours = mb(size) / time(() => { for (const t of threads) analyzeThread(t); });
  const base = mb(sampleSize) / time(() => { for (const text of sample) nlp(text); });
  ourRates.push(ours);
  baseRates.push(base);
  ratios.push(ours / base);
}
const fmt = (xs, d) => xs.map((x) => x.toFixed(d)).join(', ');
console.log(`threadmap analyzeThread: ${median(ourRates).toFixed(2)} MB/s (median of ${rounds} rounds: ${fmt(ourRates, 2)})`);
console.log(`compromise nlp(text) (full parse): ${median(baseRates).toFixed(3)} MB/s over ${mb(sampleSize).toFixed(2)} MB (rounds: ${fmt(baseRates, 3)})`);
console.log(`ratio: ${median(ratios).toFixed(1)}× the compromise baseline (median of the rounds' ratios: ${fmt(ratios, 1)}; target ≥ 40×)`);

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
