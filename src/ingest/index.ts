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
  if (from !== 'auto') {
    const adapter = FORMAT_ADAPTERS.find((a) => a.name === from);
    if (!adapter) throw new InputError(`unknown format "${from}"; expected one of ${formatNames().join(', ')}`);
    return { threads: runAdapter(adapter, input, ctx), format: adapter.name };
  }
  const adapter = detectFormat(input);
  return { threads: runAdapter(adapter, input, ctx), format: adapter.name };
}

/** Recognises the format of raw input; falls back to plain text. */
export function detectFormat(input: string): FormatAdapter {
  const json = looksLikeJson(input) ? tryParseJson(input) : undefined;
  for (const adapter of FORMAT_ADAPTERS) {
    if (adapter.kind === 'json') {
      if (json !== undefined && adapter.detect(json.value)) return adapter;
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
