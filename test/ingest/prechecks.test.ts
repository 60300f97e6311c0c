/**
 * The hand-written shape checks (src/ingest/prechecks.ts) against the zod schemas they stand in for:
 * on generated values, valid and not, a check that says "valid" must be one zod accepts, and
 * plainThread must return what zod returns, down to key order and optional keys left undefined.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { GenericComment, GenericThread } from '../../src/ingest/json.js';
import { isPlainGeneric, plainThread } from '../../src/ingest/prechecks.js';
import { ThreadSchema } from '../../src/schema/index.js';

/** Values as JSON and hand-built threads hold them, odd ones included. */
const odd = fc.oneof(
  fc.constantFrom(undefined, null, '', 'x', 0, -0, 1.5, 2 ** 53, -1, Infinity, NaN, true, false, [], {}),
  fc.string({ maxLength: 4 }),
  fc.integer(),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, odd), { nil: undefined, freq: 3 });
/**
 * An object with some of the keys (absent, or present with a generated value, now and then an odd
 * one); the `required` ones are present unless `sometimes` drops them, so most objects are valid.
 */
const someOf = (keys: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, fc.oneof({ arbitrary: v, weight: 12 }, { arbitrary: odd, weight: 1 })])), { requiredKeys: required }),
      fc.constantFrom(...required, '', '', '', '', '', '', ''),
    )
    .map(([o, drop]) => {
      if (drop) delete (o as Record<string, unknown>)[drop];
      return o;
    });

const quote = someOf({ start: fc.nat(), end: fc.nat(), sourceCommentId: fc.string(), sourceAuthor: fc.string(), extra: fc.string() }, ['start', 'end']);
const meta = fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), odd);
const comment = someOf({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  parentId: fc.option(fc.string({ maxLength: 3 }), { nil: null }),
  author: fc.option(fc.string(), { nil: null }),
  createdAt: fc.string(),
  text: fc.string(),
  quotes: fc.array(quote, { maxLength: 2 }),
  deleted: fc.boolean(),
  meta,
  extra: fc.string(),
}, ['id', 'parentId', 'author', 'text']);
const thread = someOf({ id: fc.string(), source: fc.string(), title: fc.string(), comments: fc.array(comment, { maxLength: 3 }), meta, extra: fc.string() }, ['id', 'source', 'comments']);

/** JSON with key order: what a line of results.jsonl would hold. */
function ordered(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));
}

/** Every key, in order, with where it is: undefined-valued keys count. */
function keysOf(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((k) => [`${path}.${k}`, ...keysOf((value as Record<string, unknown>)[k], `${path}.${k}`)]);
}

describe('plain shape checks', () => {
  it('plainThread returns what ThreadSchema returns, or leaves the thread to it', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(thread, fc.array(comment, { maxLength: 2 }), odd), (input) => {
        const mine = plainThread(input);
        const parsed = ThreadSchema.safeParse(input);
        if (!mine) return;
        fast++;
        expect(parsed.success).toBe(true);
        expect(ordered(mine)).toBe(ordered(parsed.data));
        expect(keysOf(mine)).toEqual(keysOf(parsed.data));
      }),
      { numRuns: 20000 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('isPlainGeneric says valid only when the generic schema agrees', () => {
    const genComment = someOf({ id: fc.oneof(fc.string({ maxLength: 2 }), fc.double()), parentId: fc.option(fc.oneof(fc.string({ maxLength: 2 }), fc.integer())), author: fc.option(fc.string()), text: fc.string(), createdAt: fc.option(fc.string()), extra: fc.string() }, ['id', 'text']);
    const gen = someOf({ id: fc.oneof(fc.string({ maxLength: 2 }), fc.double()), title: fc.option(fc.string()), comments: fc.array(genComment, { maxLength: 3 }) }, ['comments']);
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(gen, fc.array(genComment, { maxLength: 3 }), odd), (value) => {
        if (!isPlainGeneric(value)) return;
        fast++;
        expect((Array.isArray(value) ? z.array(GenericComment) : GenericThread).safeParse(value).success).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('leaves sparse arrays and prototype tricks to zod', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(isPlainGeneric([, { id: 'a', text: 'x' }])).toBe(false);
    expect(plainThread({ id: 't', source: 's', comments: [], meta: JSON.parse('{"__proto__": {"x": 1}}') })).toBeUndefined();
    expect(plainThread(Object.assign(Object.create(null), { id: 't', source: 's', comments: [] }))).toBeUndefined();
  });
});
