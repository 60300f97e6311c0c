import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../src/analyze.js';
import { validateThread } from '../../src/ingest/validate.js';
import type { Thread } from '../../src/schema/index.js';

const thread = (comments: Array<[string, string | null]>): Thread => ({
  id: 't',
  source: 'json',
  comments: comments.map(([id, parentId]) => ({ id, parentId, author: null, text: `Comment ${id} says something.` })),
});

describe('thread validation', () => {
  it('rejects duplicate comment ids, naming both places', () => {
    expect(() => validateThread(thread([['a', null], ['b', 'a'], ['a', 'b']]))).toThrowError('thread "t", $.comments[2].id, comment "a": duplicate comment id (also at $.comments[0])');
  });

  it('reads a parent that points nowhere as top-level, and says so', () => {
    const v = validateThread(thread([['a', null], ['b', 'ghost']]));
    expect(v.parentOf.get('b')).toBeNull();
    expect(v.diagnostics).toEqual([expect.objectContaining({ code: 'parent-missing', commentId: 'b' })]);
  });

  it('cuts a reply cycle once and keeps every comment', () => {
    const v = validateThread(thread([['a', 'c'], ['b', 'a'], ['c', 'b'], ['d', 'd']]));
    const cuts = v.diagnostics.filter((d) => d.code === 'parent-cycle');
    expect(cuts).toHaveLength(2);
    expect([...v.parentOf.values()].filter((p) => p === null)).toHaveLength(2);
    const graph = analyzeThread(thread([['a', 'c'], ['b', 'a'], ['c', 'b']]));
    expect(graph.thread.comments).toHaveLength(3);
    expect(graph.thread.comments[0]!.parentId).toBe('c'); // the input is reported as given
  });

  it('rejects a hand-built thread with wrong types, naming the path', () => {
    const bad = { id: 't', source: 'json', comments: [{ id: 'a', parentId: null, author: null, text: null }] } as unknown as Thread;
    expect(() => validateThread(bad)).toThrowError('thread "t", $.comments[0].text: expected string, got null');
  });
});
