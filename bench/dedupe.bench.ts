/**
 * The dedupe stage alone over the `npm run bench` corpus, many passes: for profiling
 * (`node --cpu-prof --import tsx bench/dedupe.bench.ts`) and for a steadier figure than
 * bench/stages.bench.ts gives. Prints the median ms per pass.
 *
 *   npx tsx bench/dedupe.bench.ts [passes]
 */
// @ts-expect-error -- plain JavaScript, shared with `npm run bench`
import { corpus } from './corpus.mjs';
import { validateThread } from '../src/ingest/validate.js';
import { dedupe } from '../src/dedupe/index.js';
import { resolveOptions } from '../src/options.js';
import type { Thread } from '../src/schema/index.js';

const passes = Number(process.argv[2] ?? 40);
const threads = (corpus(1.5).threads as Thread[]).map((t) => validateThread(t).thread);
const o = resolveOptions();
const times: number[] = [];
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  for (const t of threads) dedupe(t, o.dedupe);
  times.push(performance.now() - t0);
}
const sorted = times.slice(5).sort((a, b) => a - b);
console.log(`dedupe median ${sorted[sorted.length >> 1]!.toFixed(1)} ms/pass (min ${sorted[0]!.toFixed(1)}, ${passes} passes, first 5 dropped)`);
