/**
 * Hand-written checks for the two shapes every thread passes through (the generic JSON input and
 * the Thread handed to analysis), run before their zod schemas: zod builds a result object, a
 * payload and an issue list for each of thousands of values per thread, and in a batch that was
 * about 3% of a worker's time. A check answers only "certainly valid"; anything else (a wrong
 * type, an unusual object, a value it does not know) goes to zod as before, which then names the
 * problem. What a check returns is what zod would have returned (new objects, keys in the
 * schema's order, optional keys kept when present), so results do not change: test/ingest/prechecks
 * compares the two on generated inputs.
 */
import type { Comment, Quote, Thread } from '../schema/index.js';

/** A plain object from JSON.parse or an object literal (no class, no null prototype). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** zod's `z.number()`: finite numbers only. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The generic format's id: a non-empty string or a number. */
function isId(value: unknown): boolean {
  return typeof value === 'string' ? value.length > 0 : isNumber(value);
}

function isOptionalNullableString(o: Record<string, unknown>, key: string): boolean {
  const v = o[key];
  return v === undefined || v === null || typeof v === 'string';
}

/** A generic-JSON comment (json.ts's GenericComment) that zod would accept. */
function isGenericComment(c: unknown): boolean {
  if (!isPlainObject(c)) return false;
  const parentId = c.parentId;
  return (
    isId(c.id) &&
    (parentId === undefined || parentId === null || isId(parentId)) &&
    isOptionalNullableString(c, 'author') &&
    typeof c.text === 'string' &&
    isOptionalNullableString(c, 'createdAt')
  );
}

/**
 * Whether a parsed generic-JSON value certainly passes json.ts's schema (GenericThread, or an
 * array of GenericComment). Its reader only takes fields from zod's result, which holds the same
 * values, so a valid value can be read as it is.
 */
export function isPlainGeneric(value: unknown): boolean {
  if (Array.isArray(value)) return allGenericComments(value);
  if (!isPlainObject(value)) return false;
  const id = value.id;
  return (id === undefined || isId(id)) && isOptionalNullableString(value, 'title') && Array.isArray(value.comments) && allGenericComments(value.comments);
}

/** A loop, not `every`: `every` passes over the holes of a sparse array, which zod reads as undefined. */
function allGenericComments(list: unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (!isGenericComment(list[i])) return false;
  return true;
}

/** A copy of a `meta` record as zod's z.record(z.string(), z.unknown()) makes it; undefined when unsure. */
function plainRecord(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // zod assigns each key in turn; "__proto__" would reach the prototype: left to zod itself.
    if (key === '__proto__') return undefined;
    out[key] = value[key];
  }
  return out;
}

function isOffset(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function plainQuote(q: unknown): Quote | undefined {
  if (!isPlainObject(q) || !isOffset(q.start) || !isOffset(q.end)) return undefined;
  const out: Quote = { start: q.start as number, end: q.end as number };
  for (const key of ['sourceCommentId', 'sourceAuthor'] as const) {
    if (!(key in q)) continue;
    const v = q[key];
    if (v !== undefined && v !== null && typeof v !== 'string') return undefined;
    out[key] = v;
  }
  return out;
}

function plainComment(c: unknown): Comment | undefined {
  if (!isPlainObject(c)) return undefined;
  const { id, parentId, author, text } = c;
  if (typeof id !== 'string' || id.length === 0) return undefined;
  if (parentId !== null && typeof parentId !== 'string') return undefined;
  if (author !== null && typeof author !== 'string') return undefined;
  if (typeof text !== 'string') return undefined;
  const out: Comment = { id, parentId, author } as Comment;
  if ('createdAt' in c) {
    if (c.createdAt !== undefined && typeof c.createdAt !== 'string') return undefined;
    out.createdAt = c.createdAt;
  }
  out.text = text;
  if ('quotes' in c) {
    if (c.quotes === undefined) out.quotes = undefined;
    else if (!Array.isArray(c.quotes)) return undefined;
    else {
      const quotes: Quote[] = [];
      for (const q of c.quotes) {
        const copy = plainQuote(q);
        if (!copy) return undefined;
        quotes.push(copy);
      }
      out.quotes = quotes;
    }
  }
  if ('deleted' in c) {
    if (c.deleted !== undefined && typeof c.deleted !== 'boolean') return undefined;
    out.deleted = c.deleted;
  }
  if ('meta' in c) {
    const meta = c.meta === undefined ? undefined : plainRecord(c.meta);
    if (c.meta !== undefined && !meta) return undefined;
    out.meta = meta;
  }
  return out;
}

/**
 * ThreadSchema's result for a thread that certainly passes it (a new thread, comments, quotes and
 * meta records, keys in the schema's order), or undefined: then ThreadSchema decides.
 */
export function plainThread(input: unknown): Thread | undefined {
  if (!isPlainObject(input)) return undefined;
  const { id, source, comments } = input;
  if (typeof id !== 'string' || typeof source !== 'string' || !Array.isArray(comments)) return undefined;
  const out = { id, source } as Thread;
  if ('title' in input) {
    if (input.title !== undefined && typeof input.title !== 'string') return undefined;
    out.title = input.title;
  }
  const list: Comment[] = [];
  for (const c of comments) {
    const copy = plainComment(c);
    if (!copy) return undefined;
    list.push(copy);
  }
  out.comments = list;
  if ('meta' in input) {
    const meta = input.meta === undefined ? undefined : plainRecord(input.meta);
    if (input.meta !== undefined && !meta) return undefined;
    out.meta = meta;
  }
  return out;
}
