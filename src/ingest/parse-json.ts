import { InputError } from '../errors.js';
import type { ReadContext } from './adapter.js';

/**
 * JSON.parse with an error that names the line and column. Node's own message does not always
 * carry a position, so on failure a small scanner finds where the text stops being JSON.
 */
export function parseJson(input: string, ctx: ReadContext = {}): unknown {
  try {
    return JSON.parse(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { offset, expected } = locateJsonError(input);
    const { line, column } = lineAndColumn(input, offset);
    const found = offset >= input.length ? 'the end of the input' : JSON.stringify(input.slice(offset, offset + 12));
    void message;
    throw new InputError(`invalid JSON: expected ${expected}, found ${found}`, { ...ctx, line, column });
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

/** Where and why a text is not JSON. An iterative scan (no recursion), so deep nesting cannot overflow the stack. */
export function locateJsonError(text: string): { offset: number; expected: string } {
  let i = 0;
  const stack: Array<'{' | '['> = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (expected: string) => ({ offset: i, expected });
  // state: 'value' expects a value; 'after' expects , or a closer; 'key' expects a string key or }
  let state: 'value' | 'after' | 'key' | 'first-value' | 'first-key' = 'value';
  for (;;) {
    ws();
    if (state === 'value' || state === 'first-value') {
      const c = text[i];
      if (state === 'first-value' && c === ']') {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (c === '{') {
        stack.push('{');
        i++;
        state = 'first-key';
        continue;
      }
      if (c === '[') {
        stack.push('[');
        i++;
        state = 'first-value';
        continue;
      }
      if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return { offset: -end, expected: 'a closed string' };
        i = end;
      } else {
        const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
        if (!m) return fail('a value');
        i += m[0].length;
      }
      state = 'after';
    } else if (state === 'key' || state === 'first-key') {
      if (state === 'first-key' && text[i] === '}') {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (text[i] !== '"') return fail('a property name in double quotes');
      const end = scanString(text, i);
      if (end < 0) return { offset: -end, expected: 'a closed string' };
      i = end;
      ws();
      if (text[i] !== ':') return fail("':'");
      i++;
      state = 'value';
    } else {
      const top = stack.at(-1);
      if (!top) return i >= text.length ? { offset: i, expected: 'the end' } : fail('the end of the input');
      if (text[i] === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
        stack.pop();
        i++;
      } else return fail(top === '{' ? "',' or '}'" : "',' or ']'");
    }
  }
}

/** The offset after a JSON string starting at `start`, or minus the offset of the problem. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i++;
    else if (c < 32) return -i;
  }
  return -text.length;
}
