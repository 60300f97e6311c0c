import { parseArgs } from 'node:util';
import { analyzeThread } from '../../analyze.js';
import { UsageError } from '../../errors.js';
import { exporterNames, findExporter } from '../../export/index.js';
import { formatNames, readInput } from '../../ingest/index.js';
import type { Command } from '../command.js';
import { minConfidenceOption } from '../confidence.js';
import { readSource } from '../read-source.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'analyze one thread (or every thread in a file) and print its argument graph',
  usage: `threadmap analyze [FILE|-] [--from ${formatNames().join('|')}] [--to ${exporterNames().join('|')}] [--min-confidence P] [--verbose]`,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(argv);
    if (positionals.length > 1) throw new UsageError(`expected one input file, got ${positionals.length}`);
    const from = values.from ?? 'auto';
    if (!formatNames().includes(from)) throw new UsageError(`unknown --from "${from}"; expected ${formatNames().join(', ')}`);
    const to = values.to ?? 'json';
    const exporter = findExporter(to);
    if (!exporter) throw new UsageError(`unknown --to "${to}"; expected ${exporterNames().join(', ')}`);

    const minModelConfidence = minConfidenceOption(values['min-confidence']);

    const source = await readSource(positionals[0], io.stdin);
    const { threads, format } = readInput(source.text, { from, file: source.name });
    const graphs = threads.map((thread) => analyzeThread(thread, minModelConfidence === undefined ? {} : { link: { minModelConfidence } }));
    if (values.verbose) {
      // Records the reader saw (adapters count them in meta.recordsIn) against comments in the output: they must agree.
      const recordsIn = threads.reduce((n, t) => n + (typeof t.meta?.recordsIn === 'number' ? t.meta.recordsIn : t.comments.length), 0);
      const commentsOut = graphs.reduce((n, g) => n + g.thread.comments.length, 0);
      // A paste says which layout cut it (an email, a web-page copy, blank lines, ...): why it became these comments.
      const layouts = [...new Set(threads.map((t) => t.meta?.layout).filter((l): l is string => typeof l === 'string'))];
      const how = layouts.length > 0 ? ` (${layouts.join(', ')})` : '';
      io.stderr.write(`threadmap: read ${source.name} as ${format}${how}: ${threads.length} thread(s), ${recordsIn} comment(s) in, ${commentsOut} out\n`);
    }
    // One thread prints one object (the contract); several print one per line for the JSON formats.
    if (graphs.length === 1 || to !== 'json') {
      for (const graph of graphs) io.stdout.write(exporter.render(graph));
    } else {
      for (const graph of graphs) io.stdout.write(`${JSON.stringify(graph)}\n`);
    }
    return 0;
  },
};

function parseCliArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'min-confidence': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
