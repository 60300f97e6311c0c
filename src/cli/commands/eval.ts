import { parseArgs } from 'node:util';
import { analyzeThread } from '../../analyze.js';
import { UsageError } from '../../errors.js';
import { buildReport, formatTable, readGold, runEval } from '../../eval/index.js';
import type { Command } from '../command.js';
import { readSource } from '../read-source.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the analyzer and two baselines against annotated threads (gold JSONL)',
  usage: 'threadmap eval GOLD.jsonl [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(argv);
    if (positionals.length !== 1) throw new UsageError(`expected one gold file, got ${positionals.length}`);
    const source = await readSource(positionals[0], io.stdin);
    const golds = readGold(source.text, source.name);
    const report = buildReport(runEval(golds, { analyze: (thread) => analyzeThread(thread) }), source.name);
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report));
    return 0;
  },
};

function parseCliArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
