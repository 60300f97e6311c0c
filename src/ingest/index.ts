/**
 * ingest: raw input (a string) to Thread[]. The format is named or recognised (`auto`).
 */
import { InputError } from '../errors.js';
import type { Thread } from '../schema/index.js';
import type { FormatAdapter, ReadContext } from './adapter.js';
import { FORMAT_ADAPTERS } from './formats.js';
import { parseJson } from './parse-json.js';

export type { FormatAdapter, ReadContext } from './adapter.js';
export { FORMAT_ADAPTERS } from './formats.js';

export interface ReadOptions extends ReadContext {
  /** A format name from FORMAT_ADAPTERS, or `auto` (the default) to recognise it. */
  from?: string;
}

export interface ReadResult {
  threads: Thread[];
  /** The format that read the input (the one `auto` picked). */
  format: string;
}

/** The names `--from` accepts. */
export function formatNames(): string[] {
  return ['auto', ...FORMAT_ADAPTERS.map((a) => a.name)];
}

/** Reads raw input into threads, with the named or recognised format. Throws InputError. */
export function readInput(input: string, options: ReadOptions = {}): ReadResult {
  const from = options.from ?? 'auto';
  const ctx: ReadContext = options.file ? { file: options.file } : {};
  if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
  if (input.trim() === '') throw new InputError('the input is empty: nothing to analyze', ctx);
  const nul = input.indexOf('\u0000');
  if (nul !== -1) throw new InputError(`binary data (a NUL character at offset ${nul}); expected text or JSON`, ctx);
  if (from !== 'auto') {
    const adapter = FORMAT_ADAPTERS.find((a) => a.name === from);
    if (!adapter) throw new InputError(`unknown format "${from}"; expected one of ${formatNames().join(', ')}`);
    return { threads: runAdapter(adapter, input, ctx), format: adapter.name };
  }
  const adapter = detectFormat(input);
  // A file named as JSON that no JSON reader could take is broken JSON, not prose: say where it breaks.
  if (adapter.kind === 'text' && adapter.name === 'text' && options.file && JSON_FILE.test(options.file)) parseJson(input, ctx);
  return { threads: runAdapter(adapter, input, ctx), format: adapter.name };
}

const JSON_FILE = /\.(?:json|jsonl|ndjson)$/i;

/** Recognises the format of raw input; falls back to plain text. */
export function detectFormat(input: string): FormatAdapter {
  const json = looksLikeJson(input) ? tryParseJson(input) : undefined;
  for (const adapter of FORMAT_ADAPTERS) {
    if (adapter.kind === 'json') {
      if (json !== undefined && adapter.detect(json.value)) return adapter;
    } else if (json !== undefined && adapter.name === 'text') {
      // Valid JSON that no JSON reader knows is a mistake to report, not prose to analyze.
      const names = FORMAT_ADAPTERS.filter((a) => a.kind === 'json').map((a) => a.name).join(', ');
      throw new InputError(`valid JSON, but not a thread format threadmap recognises (${names}); expected e.g. { "comments": [ { "id", "text" } ] }, or name the format with --from`);
    } else if (adapter.detect(input)) {
      return adapter;
    }
  }
  // Unreachable while the plain-text reader accepts everything; kept as a clear error.
  throw new InputError('could not recognise the input format; name it with --from');
}

function runAdapter(adapter: FormatAdapter, input: string, ctx: ReadContext): Thread[] {
  if (adapter.kind === 'json') return adapter.read(parseJson(input, ctx), ctx);
  return adapter.read(input, ctx);
}

function looksLikeJson(input: string): boolean {
  const first = input.trimStart()[0];
  return first === '{' || first === '[';
}

function tryParseJson(input: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(input) };
  } catch {
    return undefined;
  }
}
