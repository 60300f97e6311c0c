/**
 * The registry of source formats, in detection order: specific formats first, the generic
 * JSON and plain-text readers last (they accept almost anything). Add an adapter with one line.
 */
import type { FormatAdapter } from './adapter.js';
import { postPageAdapter } from './formats/post-page.js';
import { genericJsonAdapter } from './json.js';
import { plainTextAdapter } from './text.js';

export const FORMAT_ADAPTERS: readonly FormatAdapter[] = [
  // specific formats go here, before the generic readers
  postPageAdapter,
  genericJsonAdapter,
  plainTextAdapter,
];
