/**
 * Differential check for classify/link speed work: one hash of analyzeThread's JSON over every
 * input at hand. Run it before and after a change; the hashes must not move.
 *
 *   npx tsx bench/link-check.ts
 *
 * Inputs: the bench corpus, the forum and seed fixtures, the annotated eval threads (../shared,
 * read the way `threadmap eval` reads them), and the batch generator's synthetic threads.
 */
import { createHash } from 'node:crypto';
import { analyzeThread } from '../src/analyze.js';
import { inputFamilies } from './check-inputs.js';

const families = inputFamilies();
const total = createHash('sha256');
for (const [name, threads] of Object.entries(families)) {
  const h = createHash('sha256');
  let failed = 0;
  for (const t of threads) {
    try {
      h.update(JSON.stringify(analyzeThread(t)));
    } catch (e) {
      failed++;
      h.update(`error:${(e as Error).message}`);
    }
  }
  const hex = h.digest('hex').slice(0, 16);
  total.update(hex);
  console.log(`${name.padEnd(10)} threads ${String(threads.length).padStart(4)}  failed ${failed}  ${hex}`);
}
console.log(`total ${total.digest('hex').slice(0, 16)}`);
