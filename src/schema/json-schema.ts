import * as z from 'zod/mini';
import { ArgumentGraphSchema } from './graph.js';
import { ThreadSchema } from './thread.js';

/** The JSON Schema of the output contract, generated from the zod schemas (never written by hand). */
export function argumentGraphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ArgumentGraphSchema) as Record<string, unknown>;
}

/** The JSON Schema of the Thread type alone (what adapters produce). */
export function threadJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ThreadSchema) as Record<string, unknown>;
}
