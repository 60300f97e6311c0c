import type { Thread } from '../schema/index.js';

/** What a reader knows about where its input came from, for error messages. */
export interface ReadContext {
  /** The file name, when the input came from a file. */
  file?: string;
}

/**
 * One source format. An adapter is a pure function from the parsed export to Threads.
 * `kind: 'json'` adapters receive the already-parsed JSON value (parsed once for all of them);
 * `kind: 'text'` adapters receive the raw string.
 */
export type FormatAdapter =
  | {
      name: string;
      kind: 'json';
      /** True when the value is, beyond reasonable doubt, this format. Must be cheap. */
      detect(value: unknown): boolean;
      read(value: unknown, ctx: ReadContext): Thread[];
    }
  | {
      name: string;
      kind: 'text';
      detect(text: string): boolean;
      read(text: string, ctx: ReadContext): Thread[];
    };
