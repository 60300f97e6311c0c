/**
 * JSON lines of threads: one whole thread per line, in any JSON format a reader here knows (the
 * generic thread JSON, a Discourse topic, a Hacker News item, ...), as `threadmap batch` reads and
 * writes them. Each line is recognised on its own, so a file may mix formats. Pushshift dumps are
 * JSON lines of comments, not threads: their adapter comes first and takes them.
 */
import { InputError } from '../errors.js';
import type { Thread } from '../schema/index.js';
import type { FormatAdapter, ReadContext } from './adapter.js';
import { parseJson } from './parse-json.js';

/** The JSON readers, given by the registry (formats.ts) so this module does not import it back. */
type JsonAdapters = () => ReadonlyArray<Extract<FormatAdapter, { kind: 'json' }>>;

export function jsonLinesAdapter(jsonAdapters: JsonAdapters): FormatAdapter {
  const readerOf = (value: unknown) => jsonAdapters().find((a) => a.detect(value));
  return {
    name: 'jsonl',
    kind: 'text',
    // Two or more lines, and the first one alone is a thread some reader knows (the whole text is then not one JSON value).
    detect(text) {
      const first = firstLine(text);
      if (first === undefined || first.end >= text.trimEnd().length || text[first.start] !== '{') return false;
      try {
        return readerOf(JSON.parse(text.slice(first.start, first.end))) !== undefined;
      } catch {
        return false;
      }
    },
    read(text, ctx: ReadContext): Thread[] {
      const threads: Thread[] = [];
      let line = 0;
      for (let start = 0; start <= text.length; ) {
        let end = text.indexOf('\n', start);
        if (end === -1) end = text.length;
        line++;
        const body = text.slice(start, end);
        start = end + 1;
        if (body.trim() === '') continue;
        const place = { ...ctx, line };
        let value: unknown;
        try {
          value = parseJson(body);
        } catch (error) {
          // parseJson places the error inside the line (line 1); keep its column, use the file's line.
          throw error instanceof InputError ? new InputError(error.detail, { ...place, column: error.place.column }) : error;
        }
        const reader = readerOf(value);
        if (!reader) throw new InputError('a JSON value that is not a thread format threadmap recognises; each line should hold one thread', place);
        try {
          threads.push(...reader.read(value, ctx));
        } catch (error) {
          throw error instanceof InputError ? error.within(place) : error;
        }
      }
      return threads;
    },
  };
}

/** The first line with something on it: where its text starts (after leading blanks) and ends (before `\r\n`). */
function firstLine(text: string): { start: number; end: number } | undefined {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    const trimmed = line.trimStart();
    if (trimmed !== '') return { start: start + line.length - trimmed.length, end: lineEnd };
    start = end + 1;
  }
  return undefined;
}
