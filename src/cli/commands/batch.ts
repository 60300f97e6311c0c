import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { exporterNames } from '../../export/index.js';
import { formatNames } from '../../ingest/index.js';
import { runBatch } from '../../node/batch/run.js';
import type { Command } from '../command.js';
import { minConfidenceOption } from '../confidence.js';

export const batchCommand: Command = {
  name: 'batch',
  summary: 'analyze many threads (files, folders, JSON lines, Pushshift dumps, .gz) in parallel, resumably',
  usage: `threadmap batch INPUT... --out DIR [--from ${formatNames().join('|')}] [--workers N] [--resume] [--quiet] [--to ${exporterNames().join('|')}] [--timeout SECONDS] [--no-crossdup] [--min-confidence P]`,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    if (positionals.length === 0) throw new UsageError('expected at least one INPUT file or folder');
    if (!values.out) throw new UsageError('--out DIR is required');
    const from = values.from ?? 'auto';
    if (!formatNames().includes(from)) throw new UsageError(`unknown --from "${from}"; expected ${formatNames().join(', ')}`);
    const to = values.to ?? 'json';
    if (!exporterNames().includes(to)) throw new UsageError(`unknown --to "${to}"; expected ${exporterNames().join(', ')}`);
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new UsageError(`--workers expects a whole number ≥ 0, got "${values.workers}"`);
    const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
    if (!(timeout > 0)) throw new UsageError(`--timeout expects seconds > 0, got "${values.timeout}"`);
    const minModelConfidence = minConfidenceOption(values['min-confidence']);

    const summary = await runBatch({
      inputs: positionals,
      out: values.out,
      from,
      to,
      resume: values.resume ?? false,
      timeoutMs: timeout * 1000,
      ...(workers !== undefined ? { workers } : {}),
      ...(values['no-crossdup'] ? { crossdup: false as const } : {}),
      ...(minModelConfidence !== undefined ? { analyze: { link: { minModelConfidence } } } : {}),
      stderr: io.stderr,
      progress: values.quiet ? 'off' : io.isTTY ? 'bar' : 'lines',
    });
    // Exit 0 even when some threads failed: they are in errors.jsonl and counted in the summary.
    return summary.threads.in === 0 && summary.errors > 0 ? 1 : 0;
  },
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        from: { type: 'string' },
        to: { type: 'string' },
        workers: { type: 'string', short: 'j' },
        resume: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        timeout: { type: 'string' },
        'no-crossdup': { type: 'boolean' },
        'min-confidence': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
