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
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- plain JavaScript, shared with `npm run bench`
import { corpus, syntheticCorpus } from './corpus.mjs';
import { analyzeThread } from '../src/analyze.js';
import { readInput } from '../src/ingest/index.js';
import { readGold } from '../src/eval/gold.js';
import { goldToThread } from '../src/eval/run.js';
import type { Thread } from '../src/schema/index.js';

const root = new URL('..', import.meta.url).pathname;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function fixtureThreads(): Thread[] {
  const out: Thread[] = [];
  for (const f of files(join(root, 'fixtures'))) {
    if (f.endsWith('.md')) continue;
    try {
      out.push(...readInput(readFileSync(f, 'utf8'), { file: f }).threads);
    } catch {
      // A fixture that is meant to be rejected (or is not a thread at all) has no graph.
    }
  }
  return out;
}

function evalThreads(): Thread[] {
  const p = join(root, '../shared/eval/cmv-dev.jsonl');
  if (!existsSync(p)) return [];
  return readGold(readFileSync(p, 'utf8'), p).map(goldToThread);
}

const families: Record<string, Thread[]> = {
  bench: corpus(1.5).threads as Thread[],
  fixtures: fixtureThreads(),
  eval: evalThreads(),
  generated: syntheticCorpus(1).threads as Thread[],
};
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
