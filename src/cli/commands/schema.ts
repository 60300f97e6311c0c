import { argumentGraphJsonSchema } from '../../schema/index.js';
import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the output (generated from the zod schemas)',
  usage: 'threadmap schema',
  async run(argv, io) {
    if (argv.length > 0) throw new UsageError(`unexpected argument "${argv[0]}"`);
    io.stdout.write(`${JSON.stringify(argumentGraphJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
