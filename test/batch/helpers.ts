/** Shared steps of the batch tests: generating an export and running the built CLI on it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const WORKER = join(ROOT, 'dist', 'batch-worker.cjs');

/** True when `npm run build` has produced the CLI and the pool's worker (CI builds before testing). */
export const built = existsSync(CLI) && existsSync(WORKER);

/** Writes a generated export (bench/gen-export.mjs) and returns its truth file's path. */
export function generate(out: string, args: string[] = []): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'gen-export.mjs'), '--out', out, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generator failed: ${r.stderr}`);
}

/** Runs `threadmap batch` to completion. */
export function batch(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'batch', ...args], { encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `threadmap batch` without waiting. */
export function startBatch(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, 'batch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The lines of a JSON-lines file, each parsed (throws on a torn or broken line). */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  const text = readFileSync(path, 'utf8');
  if (text.length > 0 && !text.endsWith('\n')) throw new Error(`${path} ends in a torn line`);
  return text.split('\n').filter(Boolean).map((line, i) => {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new Error(`${path}:${i + 1} does not parse: ${line.slice(0, 80)}`);
    }
  });
}
