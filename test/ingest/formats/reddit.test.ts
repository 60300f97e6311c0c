import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readReddit } from '../../../src/ingest/formats/reddit.js';
import { readInput } from '../../../src/ingest/index.js';
import { allComments, expectWellFormed, fixture, fixtureJson } from './load.js';

interface Thing { kind: string; data: { replies?: unknown; count?: number; children?: unknown[] } }

/** Counts t1 and more things in the raw nested listing, independently of the adapter. */
function countRaw(children: Thing[], acc = { t1: 0, more: 0, moreCount: 0 }) {
  for (const c of children) {
    if (c.kind === 'more') {
      acc.more++;
      acc.moreCount += c.data.count ?? 0;
    } else {
      acc.t1++;
      const replies = c.data.replies as { data: { children: Thing[] } } | '';
      if (replies) countRaw(replies.data.children, acc);
    }
  }
  return acc;
}

describe('reddit adapter', () => {
  const raw = fixtureJson('reddit/graw__thread.json') as { data: { children: Thing[] } }[];

  it('reads a real thread: the post plus every t1 comment, more stubs reported not dropped', () => {
    const [thread] = readReddit(raw);
    expectWellFormed([thread!]);
    const counts = countRaw(raw[1]!.data.children);
    expect(thread!.comments).toHaveLength(1 + counts.t1); // 199 t1 + the t3 post
    expect(thread!.id).toBe('t3_1cebxh');
    expect(thread!.comments[0]!.createdAt).toBe('2013-04-15T16:44:39.000Z'); // float epoch
    const more = thread!.meta!.moreStubs as { stubs: number; count: number; ids: string[]; continueThread: number };
    expect(more.stubs).toBe(counts.more);
    expect(more.count).toBe(counts.moreCount);
    expect(more.continueThread).toBeGreaterThan(0); // `count: 0, id: "_"` stubs
    expect(more.ids.every((id) => id.startsWith('t1_'))).toBe(true);
  });

  it('keeps [deleted]/[removed] as tombstones and a deleted account\'s words as text', () => {
    const [thread] = readReddit(raw);
    const comments = thread!.comments;
    const tombstones = comments.filter((c) => c.deleted);
    expect(tombstones.length).toBe(5); // four [deleted] bodies, one [removed]
    expect(tombstones.filter((c) => c.meta?.removed)).toHaveLength(1);
    const kept = comments.filter((c) => c.meta?.authorDeleted);
    expect(kept.length).toBe(17);
    expect(kept.every((c) => c.author === null && c.text.length > 0)).toBe(true);
    // Replies to a tombstone stay attached to it.
    const ids = new Set(tombstones.map((c) => c.id));
    expect(comments.some((c) => c.parentId !== null && ids.has(c.parentId))).toBe(true);
  });

  it('decodes the body\'s entities exactly once: &gt; quotes become quotes, &lt;3 becomes <3', () => {
    const [thread] = readReddit(raw);
    const quoting = thread!.comments.find((c) => c.text.startsWith('> because <3'))!;
    expect(quoting.quotes).toEqual([{ start: 0, end: '> because <3'.length }]);
    expect(quoting.text).toContain("\n\nWell said. Manly tears falling.");
  });

  it('reads body_html (double-escaped) the same way when body is absent', () => {
    const [thread] = readReddit(raw);
    const stripped = structuredClone(raw);
    const strip = (children: Thing[]) => {
      for (const c of children) {
        if (c.kind !== 't1') continue;
        delete (c.data as { body?: string }).body;
        const replies = c.data.replies as { data: { children: Thing[] } } | '';
        if (replies) strip(replies.data.children);
      }
    };
    strip(stripped[1]!.data.children);
    const [fromHtml] = readReddit(stripped);
    const a = thread!.comments.find((c) => c.text.startsWith('> because <3'))!;
    const b = fromHtml!.comments.find((c) => c.id === a.id)!;
    expect(b.text).toBe(a.text);
    expect(b.quotes).toEqual(a.quotes);
  });

  it('reads /api/morechildren (flat) with parents from parent_id and stubs placed by parent', () => {
    const rawMore = fixtureJson('reddit/graw__morechildren.json') as { json: { data: { things: Thing[] } } };
    const threads = readReddit(rawMore);
    expectWellFormed(threads);
    const things = rawMore.json.data.things;
    expect(allComments(threads)).toHaveLength(things.filter((t) => t.kind === 't1').length);
    expect((threads[0]!.meta!.moreStubs as { stubs: number }).stubs).toBe(things.filter((t) => t.kind === 'more').length);
  });

  it('reads the newer field set and is recognised by --from auto', () => {
    const { threads, format } = readInput(fixture('reddit/go-reddit__post.json'));
    expect(format).toBe('reddit');
    expectWellFormed(threads);
    expect(threads[0]!.title).toBe('Test');
  });

  it('names the JSON path of a malformed comment', () => {
    const bad = structuredClone(raw);
    (bad[1]!.data.children[4]!.data as { body?: unknown }).body = 42;
    expect(() => readReddit(bad)).toThrow(InputError);
    expect(() => readReddit(bad)).toThrow('$[1].data.children[4].data.body: expected a string or null, got number 42');
  });
});
