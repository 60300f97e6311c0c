/**
 * The promise of `threadmap batch`: kill -9 at any moment, run again with --resume, and every
 * thread is in results.jsonl exactly once, no line torn, and the folder ends up the same as an
 * uninterrupted run's. Runs the built CLI (dist/) as a subprocess on a generated export.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, built, generate, readJsonl, startBatch } from './helpers.js';

interface Graph {
  thread: { id: string };
}

const dir = mkdtempSync(join(tmpdir(), 'threadmap-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sorted(lines: string[]): string[] {
  return [...lines].sort();
}

function folder(out: string) {
  const results = readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  return {
    results,
    ids: readJsonl<Graph>(join(out, 'results.jsonl')).map((g) => g.thread.id),
    errors: sorted(readFileSync(join(out, 'errors.jsonl'), 'utf8').split('\n').filter(Boolean)),
    duplicates: readFileSync(join(out, 'duplicates.jsonl'), 'utf8'),
    summary,
  };
}

/** Starts a run, SIGKILLs it after `ms`, and reports whether it was still running. */
async function killAfter(args: string[], ms: number): Promise<boolean> {
  const child = startBatch(args);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise((r) => setTimeout(r, ms));
  const running = child.exitCode === null;
  child.kill('SIGKILL');
  await exited;
  return running;
}

describe.skipIf(!built)('kill -9 then --resume', () => {
  for (const format of ['jsonl', 'pushshift'] as const) {
    describe(format, () => {
      const input = join(dir, `export-${format}.${format === 'jsonl' ? 'jsonl' : 'ndjson'}`);
      let clean: ReturnType<typeof folder>;
      let cleanMs = 0;

      beforeAll(() => {
        generate(input, ['--comments', format === 'jsonl' ? '12000' : '8000', '--format', format, '--seed', '7']);
        const out = join(dir, `clean-${format}`);
        const t0 = Date.now();
        const r = batch([input, '--out', out, '--workers', '2', '--quiet']);
        cleanMs = Date.now() - t0;
        expect(r.status, r.stderr).toBe(0);
        clean = folder(out);
      }, 180_000);

      it('finishes with every thread exactly once, no torn lines, same files as an uninterrupted run', async () => {
        const out = join(dir, `killed-${format}`);
        // Kill points spread over the run: early, middle, late (around the final index and summary).
        const points = [0.15, 0.45, 0.8, 0.97].map((f) => Math.max(150, Math.round(f * cleanMs)));
        let killedMidRun = 0;
        for (const [i, ms] of points.entries()) {
          const args = [input, '--out', out, '--workers', '2', '--quiet', ...(i > 0 ? ['--resume'] : [])];
          if (await killAfter(args, ms)) killedMidRun++;
        }
        expect(killedMidRun).toBeGreaterThan(0);
        const r = batch([input, '--out', out, '--workers', '2', '--resume']);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe('');

        const resumed = folder(out);
        expect(new Set(resumed.ids).size).toBe(resumed.ids.length);
        expect(sorted(resumed.ids)).toEqual(sorted(clean.ids));
        expect(sorted(resumed.results)).toEqual(sorted(clean.results));
        expect(resumed.errors).toEqual(clean.errors);
        expect(resumed.duplicates).toBe(clean.duplicates);
        expect(resumed.summary.threads).toEqual(clean.summary.threads);
        expect(resumed.summary.comments).toEqual(clean.summary.comments);
        expect(resumed.summary.errors).toBe(clean.summary.errors);
        expect(resumed.summary.units).toEqual(clean.summary.units);
        expect(resumed.summary.edges).toEqual(clean.summary.edges);
        expect(resumed.summary.run.resumed).toBe(true);
      }, 300_000);
    });
  }
});
