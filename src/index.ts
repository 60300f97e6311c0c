/**
 * threadmap: a thread in, an argument graph out. This entry is browser-safe (no Node built-ins).
 */
export { analyze, analyzeThread } from './analyze.js';
export { readInput, detectFormat, formatNames, FORMAT_ADAPTERS } from './ingest/index.js';
export type { ReadOptions, ReadResult, FormatAdapter, ReadContext } from './ingest/index.js';
export { InputError, UsageError, formatPlace } from './errors.js';
export type { Place } from './errors.js';
export { DEFAULT_OPTIONS, resolveOptions } from './options.js';
export type { AnalyzeOptions, AnalyzeOptionsInput, DedupeOptions, LinkOptions } from './options.js';
export * from './schema/index.js';
export { EXPORTERS, exporterNames, findExporter, toJson, toOutline, toAif, toAifDocument, toArgdown, toDot, toGraphml, toMermaid } from './export/index.js';
export type { Exporter } from './export/index.js';
// The publishing app's post page (Post, parsePost) and the chat references panel (browser-safe; DOM only when rendering).
export * from './panel/index.js';
