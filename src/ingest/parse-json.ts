import { InputError } from '../errors.js';
import type { ReadContext } from './adapter.js';

/**
 * JSON.parse with an error that names the line and column instead of a character offset.
 */
export function parseJson(input: string, ctx: ReadContext = {}): unknown {
  try {
    return JSON.parse(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position) {
      const { line, column } = lineAndColumn(input, Number(position[1]));
      throw new InputError(`invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { ...ctx, line, column });
    }
    throw new InputError(`invalid JSON: ${message}`, ctx);
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
