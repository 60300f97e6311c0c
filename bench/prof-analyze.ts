/**
 * A profiling target: analyzeThread over the bench corpus, several passes (run it under
 * `node --import tsx --cpu-prof` or `--trace-deopt`).
 */
// @ts-expect-error -- plain JavaScript, shared with `npm run bench`
import { corpus } from './corpus.mjs';
import { analyzeThread } from '../src/analyze.js';
import type { Thread } from '../src/schema/index.js';

const threads = corpus(1.5).threads as Thread[];
const passes = Number(process.argv[2] ?? 6);
for (let r = 0; r < passes; r++) for (const t of threads) analyzeThread(t);
