/**
 * The `threadmap` command. Output to stdout, diagnostics to stderr; exit 0 ok, 1 bad input, 2 usage.
 * A user's mistake is one clear line on stderr, never a stack trace.
 */
import { InputError, UsageError } from '../errors.js';
import type { CliIO } from './command.js';
import { COMMANDS } from './commands/index.js';

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`threadmap: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, command.usage, io);
  }
}

export function reportError(error: unknown, usage: string, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr.write(`threadmap: ${error.message}\n\nusage: ${usage}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    io.stderr.write(`threadmap: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`threadmap: internal error: ${message}\n`);
  if (process.env.THREADMAP_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 70;
}

declare const __THREADMAP_VERSION__: string | undefined;
const VERSION = typeof __THREADMAP_VERSION__ === 'string' ? __THREADMAP_VERSION__ : '0.0.0-dev';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `threadmap: maps the arguments of discussion threads\n\nusage: threadmap <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "threadmap <command> --help" for a command's options.\n`;
}
