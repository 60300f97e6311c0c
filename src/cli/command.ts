import type { Readable, Writable } from 'node:stream';

/** The streams a command talks through; tests pass their own. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

/** One `threadmap <name>` command. `run` resolves to the exit code: 0 ok, 1 bad input, 2 usage. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}
