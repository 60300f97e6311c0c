#!/usr/bin/env node
/**
 * `npm run bench:batch`: figures for `threadmap batch` on generated exports (bench/gen-export.mjs).
 *
 *   node --import tsx bench/batch.bench.mjs [--size N] [--crossdup COMMENTS] [--rounds N]
 *
 * Default (about 2 minutes on 2 cores): a 50k-comment export (1×) and a 200k-comment export (4×),
 * each run with 1 and with 2 workers (speedup at both sizes; start-up and the final clustering are
 * serial, so they weigh more on the small one), and peak RSS of 4× against 1× (it should stay
 * flat). Then the cross-thread index alone on 200k comments with planted near-duplicates: recall
 * and precision of the planted pairs.
 * `--size N` multiplies every input; `--crossdup 1000000` runs the index at the 1M-comment target;
 * `--no-batch` skips the CLI runs; `--rounds N` repeats the four runs N times in turn and reports
 * each configuration's median run and the median of the rounds' speedups (one round's ratio moves
 * by ±0.2 on a shared machine).
 * Each round also runs the ceiling (bench/batch-ceiling.mjs) at both sizes with 1 and 2 workers:
 * the same worker function over the export held in memory, with nothing else running, which is
 * what 2-against-1 scaling this machine allows for this workload; `--no-ceiling` skips it.
 * The process ceiling goes one step further (`--no-ceiling` skips it too): at 4× input, one process doing
 * every block against 2 processes started together, each doing every other block, sharing nothing; and
 * as a control, a loop of integer arithmetic that touches no memory, in 1 process against 2. If the
 * control scales 2× and the workload does not, the cores are whole and what they share (cache, memory
 * bandwidth) is what holds the workload back, for any design: threads, processes or machines' worth of
 * shards on 2 cores.
 * Peak RSS and CPU seconds come from /usr/bin/time (the pool's workers are threads of the same
 * process); the main thread's own CPU from /proc/thread-self/stat, read as the process exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateExport, writeExport } from './gen-export.mjs';
import { CrossDupIndex, signComment, DEFAULT_SIGN } from '../src/node/crossdup/index.ts';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const size = opt('size', 1);
const crossdupComments = opt('crossdup', 200_000 * size);
const roundCount = Math.max(1, opt('rounds', 1));
const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'threadmap-bench-'));
const hasTime = existsSync('/usr/bin/time');

async function makeExport(comments, name) {
  const path = join(tmp, name);
  await writeExport(path, { comments, seed: 42 });
  return path;
}

// Preloaded into the CLI: on exit, the main thread's CPU seconds (utime + stime of this thread
// only, in clock ticks of 1/100 s) on stderr, for its share of the process's CPU.
const mainCpu = join(tmp, 'main-cpu.mjs');
writeFileSync(
  mainCpu,
  `import { readFileSync } from 'node:fs';
process.on('exit', () => {
  const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  process.stderr.write('main-cpu ' + (Number(f[11]) + Number(f[12])) / 100 + '\\n');
});
`,
);
const hasProc = existsSync('/proc/thread-self/stat');

function run(input, workers, label) {
  const out = join(tmp, `out-${label}`);
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const node = [process.execPath, ...(hasProc ? ['--import', mainCpu] : [])];
  const argv = [...(hasTime ? ['-f', 'time %M %U %S', ...node] : node.slice(1)), cli, 'batch', input, '--out', out, '--workers', String(workers), '--quiet'];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`batch failed: ${r.stderr}`);
  const field = (name) => r.stderr.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ').slice(1).map(Number) ?? [];
  const [rssKb = NaN, user = NaN, sys = NaN] = field('time');
  const [main = NaN] = field('main-cpu');
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const mb = summary.run.bytesRead / 1e6;
  const row = {
    run: label,
    workers,
    threads: summary.threads.in,
    comments: summary.comments.in,
    failed: summary.threads.failed,
    seconds: +seconds.toFixed(2),
    'CPU s': +(user + sys).toFixed(1),
    'main CPU %': Math.round((100 * main) / (user + sys)),
    'comments/s': Math.round(summary.comments.in / seconds),
    'MB/s': +(mb / seconds).toFixed(2),
    'peak RSS MB': Math.round(rssKb / 1024),
    'x-thread clusters': summary.duplicates.crossThreadClusters,
  };
  rmSync(out, { recursive: true, force: true });
  return { row, seconds };
}

if (!existsSync(cli) || !existsSync(join(root, 'dist', 'batch-worker.cjs'))) {
  console.error('build first: npm run build');
  process.exit(1);
}

/**
 * The ceiling (bench/batch-ceiling.mjs): the pool's worker function over the same export preloaded
 * in memory, in plain worker threads, with no file I/O and no main-thread work, in a process of its own.
 */
function ceiling(input, workers, label) {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'batch-ceiling.mjs'), input, String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ceiling run failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout);
  const row = {
    run: label,
    workers,
    seconds: m.seconds,
    'CPU s': +m.cpuSeconds.toFixed(1),
    'worker threads CPU s': +m.workerSeconds.toFixed(1),
    'V8 helpers CPU s': +m.helperSeconds.toFixed(1),
    'cores busy': +(m.cpuSeconds / m.seconds).toFixed(2),
  };
  return { row, seconds: m.seconds };
}

/** Runs `argvs` as processes started together; resolves to their stdouts once every one has exited. */
function together(argvs) {
  return Promise.all(argvs.map((argv) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ')} exited with ${code}`))));
  })));
}

/**
 * The export's blocks split between `n` processes that share nothing (bench/batch-ceiling.mjs --part),
 * their clocks lined up on one start time: the wall time from that start to the last one done.
 */
async function processCeiling(input, n) {
  // Loading the bundle and the export takes about a second; a process not ready by then starts
  // late and the lateness counts against it, so the figure can only err low.
  const startAt = Date.now() + 4000;
  const script = join(import.meta.dirname, 'batch-ceiling.mjs');
  const outs = await together(Array.from({ length: n }, (_, k) => [script, input, '1', '--part', `${k}/${n}`, '--start-at', String(startAt)]));
  const runs = outs.map((o) => JSON.parse(o));
  const seconds = (Math.max(...runs.map((r) => r.endedAt)) - startAt) / 1000;
  const cpu = runs.reduce((s, r) => s + r.cpuSeconds, 0);
  return { seconds, row: { run: `${n} process${n > 1 ? 'es' : ''}`, seconds: +seconds.toFixed(2), 'CPU s': +cpu.toFixed(1), 'cores busy': +(cpu / seconds).toFixed(2) } };
}

/** The control: a fixed amount of integer arithmetic on registers, in `n` processes started together. */
async function arithmetic(n) {
  const loop = 'let x = 0; for (let i = 0; i < 1e9; i++) x = (x + i * 2654435761) | 0; if (x === 42) console.log(x);';
  const t0 = performance.now();
  await together(Array.from({ length: n }, () => ['-e', loop]));
  return (performance.now() - t0) / 1000;
}

if (!args.includes('--no-batch')) {
  const small = await makeExport(50_000 * size, 'small.jsonl');
  const large = await makeExport(200_000 * size, 'large.jsonl');
  const configs = [[small, 1, '1× input, 1 worker'], [small, 2, '1× input, 2 workers'], [large, 1, '4× input, 1 worker'], [large, 2, '4× input, 2 workers']];
  const ceilings = args.includes('--no-ceiling') ? [] : configs;
  // Rounds run every configuration in turn (the batch's four, then the ceiling's four), so a
  // 1-worker run and the 2-worker run it is compared with are minutes apart at most; on a shared
  // machine one round's ratio can be far off.
  const rounds = [];
  for (let r = 0; r < roundCount; r++) {
    const round = [
      ...configs.map(([input, workers, label]) => run(input, workers, label)),
      ...ceilings.map(([input, workers, label]) => ceiling(input, workers, label)),
    ];
    if (ceilings.length > 0) {
      // Each the same amount of work in 2 processes as in 1, so the ratio of times is the speedup.
      round.push(await processCeiling(large, 1), await processCeiling(large, 2));
      const one = await arithmetic(1);
      const two = await arithmetic(2) / 2;
      round.push({ seconds: one }, { seconds: two });
    }
    rounds.push(round);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  // Per configuration, the run of median wall time.
  const medianRows = (from, count) => Array.from({ length: count }, (_, c) => {
    const byTime = rounds.map((r) => r[from + c]).sort((a, b) => a.seconds - b.seconds);
    return byTime[(byTime.length - 1) >> 1].row;
  });
  const rows = medianRows(0, configs.length);
  const ofRounds = roundCount > 1 ? `; each row the median of ${roundCount} rounds` : '';
  console.log(`threadmap batch (generated export, wall time includes start-up; main CPU % = the main thread's share of the process CPU${ofRounds}):`);
  console.table(rows);
  const speedups = (one, two) => rounds.map((r) => r[one].seconds / r[two].seconds);
  const say = (xs) => (xs.length > 1 ? `${median(xs).toFixed(2)}× (rounds: ${xs.map((x) => x.toFixed(2)).join(', ')})` : `${xs[0].toFixed(2)}×`);
  console.log(`speedup of 2 workers over 1: ${say(speedups(0, 1))} at 1× input, ${say(speedups(2, 3))} at 4× input (target ≥ 1.8×; the machine may be shared)`);
  console.log(`peak RSS, 4× input vs 1× input (2 workers): ${rows[3]['peak RSS MB']} MB vs ${rows[1]['peak RSS MB']} MB (${(rows[3]['peak RSS MB'] / rows[1]['peak RSS MB']).toFixed(2)}×; target flat)`);
  if (ceilings.length > 0) {
    const c = configs.length;
    console.log(`\nceiling: the batch's worker function over the same exports preloaded in memory, in plain worker threads; no file I/O, no pool, no main-thread work, no final clustering (bench/batch-ceiling.mjs${ofRounds}):`);
    console.table(medianRows(c, ceilings.length));
    console.log(`ceiling speedup of 2 workers over 1: ${say(speedups(c, c + 1))} at 1× input, ${say(speedups(c + 2, c + 3))} at 4× input`);
    const p = c + ceilings.length;
    console.log(`\nprocess ceiling at 4× input: the export's blocks in 1 process, then split between 2 processes started together that share nothing (bench/batch-ceiling.mjs --part${ofRounds}):`);
    console.table(medianRows(p, 2));
    console.log(`process ceiling, 2 processes over 1: ${say(speedups(p, p + 1))}`);
    console.log(`control, integer arithmetic that touches no memory, 2 processes over 1: ${say(speedups(p + 2, p + 3))}`);
  }
}

// The cross-thread index alone, in this process: sign, cluster, score against the planted copies.
const truth = new Map();
const index = new CrossDupIndex();
const t0 = performance.now();
let comments = 0;
for (const rec of generateExport({ comments: crossdupComments, seed: 9, broken: 0 })) {
  if (rec.truth) {
    truth.set(`${rec.truth.t}/${rec.truth.c}`, rec.truth.g);
    continue;
  }
  const thread = JSON.parse(rec.line);
  for (const c of thread.comments) {
    comments++;
    const sig = signComment(c.text);
    if (sig) index.add(thread.id, c.id, sig);
  }
}
const t1 = performance.now();
const clusters = index.clusters();
const t2 = performance.now();
const pairs = (k) => (k * (k - 1)) / 2;
const plantedSizes = new Map();
for (const g of truth.values()) plantedSizes.set(g, (plantedSizes.get(g) ?? 0) + 1);
let planted = 0;
for (const k of plantedSizes.values()) planted += pairs(k);
let found = 0;
let right = 0;
for (const c of clusters) {
  found += pairs(c.size);
  const byGroup = new Map();
  for (const m of c.members) {
    const g = truth.get(`${m.threadId}/${m.commentId}`);
    if (g !== undefined) byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
  }
  for (const k of byGroup.values()) right += pairs(k);
}
console.log(`\ncross-thread duplicates (MinHash ${DEFAULT_SIGN.hashes} × LSH ${index.options.bands} bands, threshold ${index.options.threshold}), generation included in signing time:`);
console.table([{
  comments,
  signed: index.size,
  'sign s': +((t1 - t0) / 1000).toFixed(1),
  'cluster s': +((t2 - t1) / 1000).toFixed(1),
  clusters: clusters.length,
  'planted pairs': planted,
  recall: +(right / planted).toFixed(4),
  precision: +(right / found).toFixed(4),
  'heap MB': Math.round(process.memoryUsage().heapUsed / 1e6),
  'RSS MB': Math.round(process.memoryUsage().rss / 1e6),
}]);
rmSync(tmp, { recursive: true, force: true });
