/**
 * The inputs the differential checks (dedupe-check.ts, link-check.ts) hash their stage's output
 * over: every thread at hand, in families, so a change that moves any output shows which kind of
 * input it touched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- plain JavaScript, shared with `npm run bench`
import { corpus, syntheticCorpus } from './corpus.mjs';
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

/** Every fixture that reads as threads (the seeds, the forum samples, the hostile texts). */
export function fixtureThreads(): Thread[] {
  const out: Thread[] = [];
  for (const f of files(join(root, 'fixtures'))) {
    if (f.endsWith('.md')) continue;
    try {
      out.push(...readInput(readFileSync(f, 'utf8'), { file: f }).threads);
    } catch {
      // A fixture that is meant to be rejected (or is not a thread at all) has no output.
    }
  }
  return out;
}

/** The annotated eval threads (../shared), read the way `threadmap eval` reads them; none without ../shared. */
export function evalThreads(): Thread[] {
  const p = join(root, '../shared/eval/cmv-dev.jsonl');
  if (!existsSync(p)) return [];
  return readGold(readFileSync(p, 'utf8'), p).map(goldToThread);
}

/** The bench corpus, the fixtures, the eval threads and the generator's synthetic threads. */
export function inputFamilies(): Record<string, Thread[]> {
  return {
    bench: corpus(1.5).threads as Thread[],
    fixtures: fixtureThreads(),
    eval: evalThreads(),
    generated: syntheticCorpus(1).threads as Thread[],
  };
}
