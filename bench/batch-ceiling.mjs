#!/usr/bin/env node
/**
 * The machine's ceiling for the batch workload: the batch's own worker function (the default
 * export of the built dist/batch-worker.cjs, the function the pool runs) over the blocks of an
 * export preloaded in memory, in N plain worker_threads, with no file I/O, no pool, no messages
 * per block and no main-thread work. What 1 against 2 workers gives here is the best a batch of
 * this workload can scale on this machine; the real batch adds reading, writing, the pool and the
 * final clustering on top.
 *
 *   node bench/batch-ceiling.mjs EXPORT.jsonl WORKERS   → prints one JSON line {workers, seconds, cpuSeconds, blocks}
 *   node bench/batch-ceiling.mjs EXPORT.jsonl 1 --part K/N --start-at EPOCH_MS
 *                                                      → only blocks K, K+N, K+2N, …; the clock starts at EPOCH_MS
 *
 * With --part, N such processes started together split the export between them with nothing shared at all:
 * not a process, not a heap, not V8's helper threads. What N processes take against one process doing
 * every block is the most any parallel design of this workload can gain on this machine (the "process
 * ceiling" of bench/batch.bench.mjs). --start-at lines the processes' clocks up, so that one that loaded
 * its bundle first does not run alone for a while; each then reports the epoch at which it finished.
 *
 * The file is read and cut into blocks of whole lines (~128 KB, cut at the last line end before
 * 128 KB, as the batch's reader cuts them) into one SharedArrayBuffer before the clock starts. Each
 * worker loads the worker bundle, then waits; the clock starts when all are loaded, and each takes
 * the next block by an atomic counter (the pool's dynamic balance without its messages), copies
 * it (the pool's workers get their own copy) and runs it with the batch's options (signing on).
 * The clock stops when the last worker is done. CPU seconds are the whole process's over that span.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { detectFormat } from '../dist/index.js';

const BLOCK = 128 * 1024;

/** CPU seconds of the calling thread (utime + stime from /proc, in ticks of 1/100 s), or NaN without /proc. */
function threadCpu() {
  if (!existsSync('/proc/thread-self/stat')) return NaN;
  const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

if (isMainThread) {
  const [file, workersArg, ...rest] = process.argv.slice(2);
  const workers = Number(workersArg);
  const flag = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  const [part, parts] = (flag('--part') ?? '0/1').split('/').map(Number);
  const startAt = Number(flag('--start-at') ?? 0);
  if (!file || !(workers >= 1) || !(parts >= 1 && part >= 0 && part < parts)) {
    console.error('usage: node bench/batch-ceiling.mjs EXPORT.jsonl WORKERS [--part K/N --start-at EPOCH_MS]');
    process.exit(2);
  }
  const bytes = readFileSync(file);
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  // The format, recognised once from the first line, as the batch does (a generated export: no blank first line).
  const from = detectFormat(bytes.subarray(0, bytes.indexOf(0x0a)).toString()).name;
  // Blocks as [start, end, first line, lines] quadruples.
  const blocks = [];
  let start = 0;
  let line = 1;
  let skipped = 0;
  while (start < bytes.length) {
    let end = bytes.length - start <= BLOCK ? bytes.length : bytes.lastIndexOf(0x0a, start + BLOCK - 1) + 1;
    if (end <= start) end = (bytes.indexOf(0x0a, start + BLOCK) + 1) || bytes.length;
    const first = line;
    for (let at = bytes.indexOf(0x0a, start); at !== -1 && at < end; at = bytes.indexOf(0x0a, at + 1)) line++;
    if ((blocks.length / 4 + skipped) % parts === part) blocks.push(start, end, first, line - first + (bytes[end - 1] === 0x0a ? 0 : 1));
    else skipped++;
    start = end;
  }
  const table = new Float64Array(new SharedArrayBuffer(blocks.length * 8));
  table.set(blocks);
  // [0]: next block to take; [1]: the start signal.
  const control = new Int32Array(new SharedArrayBuffer(8));
  const bundle = join(import.meta.dirname, '..', 'dist', 'batch-worker.cjs');
  const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { bundle, file, from, bytes: shared, table, control } }));
  const settled = (type) => Promise.all(pool.map((w) => new Promise((resolve, reject) => {
    const on = (m) => {
      if (m.type === type) {
        w.off('message', on);
        resolve(m);
      }
    };
    w.on('message', on);
    w.once('error', reject);
  })));
  await settled('ready');
  if (startAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
  const cpu0 = process.cpuUsage();
  const main0 = threadCpu();
  const t0 = performance.now();
  const done = settled('done');
  Atomics.store(control, 1, 1);
  Atomics.notify(control, 1);
  const reports = await done;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const main = threadCpu() - main0;
  await Promise.all(pool.map((w) => w.terminate()));
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const workerSeconds = reports.reduce((s, r) => s + r.cpu, 0);
  // helpers: V8's background threads (optimizing compilation, concurrent marking, parallel scavenges) and libuv's.
  const fixed = (x) => +x.toFixed(2);
  console.log(JSON.stringify({ workers, seconds: fixed(seconds), cpuSeconds: fixed(cpuSeconds), systemSeconds: fixed(cpu.system / 1e6), workerSeconds: fixed(workerSeconds), helperSeconds: fixed(cpuSeconds - workerSeconds - main), mainSeconds: fixed(main), blocks: blocks.length / 4, endedAt: Date.now() }));
} else {
  const { bundle, file, from, bytes, table, control } = workerData;
  const runTask = createRequire(import.meta.url)(bundle).default;
  const options = { sign: true };
  parentPort.postMessage({ type: 'ready' });
  Atomics.wait(control, 1, 0);
  const cpu0 = threadCpu();
  const count = table.length / 4;
  for (let b = Atomics.add(control, 0, 1); b < count; b = Atomics.add(control, 0, 1)) {
    const [start, end, line, lines] = table.subarray(4 * b, 4 * b + 4);
    const task = { kind: 'lines', file, from, line, offset: start, lines, bytes: bytes.slice(start, end) };
    runTask({ task, options });
  }
  parentPort.postMessage({ type: 'done', cpu: threadCpu() - cpu0 });
}
