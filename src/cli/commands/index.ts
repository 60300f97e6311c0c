/** The command table of the CLI: one line per command. */
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { batchCommand } from './batch.js';
import { evalCommand } from './eval.js';
import { schemaCommand } from './schema.js';

export const COMMANDS: readonly Command[] = [
  analyzeCommand,
  schemaCommand,
  evalCommand,
  batchCommand,
];
