/** Fixture loading and the invariants every adapter's output must keep. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { validateThread } from '../../../src/ingest/validate.js';
import type { FormatAdapter } from '../../../src/ingest/adapter.js';
import type { Thread } from '../../../src/schema/index.js';

export const fixture = (path: string): string => readFileSync(new URL(`../../../fixtures/forum-samples/${path}`, import.meta.url), 'utf8');
export const fixtureJson = (path: string): unknown => JSON.parse(fixture(path));

/** Valid schema, unique ids, quote spans that sit on `>` lines, tombstones without author or text. */
export function expectWellFormed(threads: Thread[]): void {
  for (const thread of threads) {
    expect(() => validateThread(thread)).not.toThrow();
    expect(thread.meta?.recordsIn).toBe(thread.comments.length);
    for (const c of thread.comments) {
      for (const q of c.quotes ?? []) {
        expect(q.end).toBeGreaterThan(q.start);
        expect(q.end).toBeLessThanOrEqual(c.text.length);
        expect(c.text[q.start]).toBe('>');
      }
      if (c.deleted) expect([c.author, c.text]).toEqual([null, '']);
      if (c.createdAt !== undefined) expect(c.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  }
}

export const allComments = (threads: Thread[]) => threads.flatMap((t) => t.comments);

/** Whether a JSON adapter recognises a parsed value. */
export function detectsJson(adapter: FormatAdapter, value: unknown): boolean {
  if (adapter.kind !== 'json') throw new Error(`${adapter.name} is not a JSON adapter`);
  return adapter.detect(value);
}
