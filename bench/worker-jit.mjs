#!/usr/bin/env node
/**
 * `npm run bench:jit`: how much compiling one batch worker does, and how much of it is compiling
 * again. Runs the ceiling (bench/batch-ceiling.mjs, the batch's worker function over an export
 * held in memory) with one worker under `--trace-opt --trace-deopt` and counts, from V8's trace:
 * deoptimizations (by reason), optimizing compiles, how many of them compile a function that was
 * compiled before, and the compile times V8 reports for each. With two workers every compile is
 * paid on a core the other worker needs, so a recompile is lost throughput (README, Batch jobs).
 *
 *   node bench/worker-jit.mjs [--comments N]    default 50000; generates the export (bench/gen-export.mjs)
 *
 * Counts, not times, are the figures to compare: a busy machine moves them little (which code V8
 * has finished compiling when a new shape arrives depends on timing, so three runs gave 16-22
 * deoptimizations). V8's reported compile times are wall time of the background job and move with the load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from './gen-export.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--comments');
const comments = at === -1 ? 50_000 : Number(args[at + 1]);
const tmp = mkdtempSync(join(tmpdir(), 'threadmap-jit-'));
try {
  const input = join(tmp, 'export.jsonl');
  await writeExport(input, { comments });
  const run = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', join(import.meta.dirname, 'batch-ceiling.mjs'), input, '1'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`ceiling run failed: ${run.stderr}`);
  const report = summarize(run.stdout);
  console.log(`one batch worker over ${comments} generated comments (V8 ${process.versions.v8}):`);
  console.log(`  deoptimizations: ${report.deopts}${report.reasons.length ? ` (${report.reasons.map(([r, n]) => `${n} ${r}`).join('; ')})` : ''}`);
  console.log(`  optimizing compiles: ${report.compiles}, of which compiling a function again: ${report.recompiles}`);
  console.log(`  compile time as V8 reports it: first compiles ${report.firstMs.toFixed(0)} ms, compiling again ${report.againMs.toFixed(0)} ms`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** The counts read off V8's trace lines. */
function summarize(trace) {
  let deopts = 0;
  const reasons = new Map();
  const seen = new Set();
  let compiles = 0;
  let recompiles = 0;
  let firstMs = 0;
  let againMs = 0;
  for (const line of trace.split('\n')) {
    const deopt = /^\[bailout \(kind: [^,]*, reason: (.*?)\): begin/.exec(line);
    if (deopt) {
      deopts++;
      reasons.set(deopt[1], (reasons.get(deopt[1]) ?? 0) + 1);
      continue;
    }
    // "[completed compiling 0x… <JSFunction name (sfi = 0x…)> (target TURBOFAN) - took a, b, c ms]": b is the optimizing phase.
    const compiled = /^\[completed compiling [^<]*<JSFunction ([^ >]*) \(sfi = ([^)]*)\)>.* - took [0-9.]+, ([0-9.]+), [0-9.]+ ms\]/.exec(line);
    if (!compiled) continue;
    compiles++;
    const key = `${compiled[1]}@${compiled[2]}`;
    const ms = Number(compiled[3]);
    if (seen.has(key)) {
      recompiles++;
      againMs += ms;
    } else {
      seen.add(key);
      firstMs += ms;
    }
  }
  return { deopts, reasons: [...reasons].sort((a, b) => b[1] - a[1]), compiles, recompiles, firstMs, againMs };
}
