import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readHackerNews } from '../../../src/ingest/formats/hackernews.js';
import { readInput } from '../../../src/ingest/index.js';
import { expectWellFormed, fixture, fixtureJson } from './load.js';

interface Nested { id: number; deleted?: boolean; dead?: boolean; content: string; comments: Nested[] }
const countNested = (items: Nested[]): number => items.reduce((n, c) => n + 1 + countNested(c.comments), 0);
const flagged = (items: Nested[], key: 'deleted' | 'dead'): number => items.reduce((n, c) => n + (c[key] ? 1 : 0) + flagged(c.comments, key), 0);

describe('hacker news adapter', () => {
  // The real HNPWA thread (2170 comments, 1.4 MB) is TRIMMED for the fixture to four top-level
  // subtrees (the 1st, 2nd, 3rd and 19th, which holds a <pre> block), each kept whole.
  const raw = fixtureJson('hackernews/circumflex__hnpwa_item_25015967.trimmed.json') as { comments: Nested[] };

  it('reads the nested HNPWA shape: every comment in is a comment out, parents from nesting', () => {
    const [thread] = readHackerNews(raw);
    expectWellFormed([thread!]);
    expect(thread!.comments).toHaveLength(1 + countNested(raw.comments));
    expect(thread!.title).toBe('Biden wins White House, vowing new direction for divided U.S.');
    const first = raw.comments.find((c) => c.comments.length > 0)!;
    const child = first.comments[0]!;
    expect(thread!.comments.find((c) => c.id === String(child.id))!.parentId).toBe(String(first.id));
    expect(thread!.comments[0]!.createdAt).toBe('2020-11-07T16:25:47.000Z'); // int epoch
  });

  it('keeps deleted items as tombstones and dead items with their text, flagged', () => {
    const [thread] = readHackerNews(raw);
    expect(thread!.comments.filter((c) => c.deleted)).toHaveLength(flagged(raw.comments, 'deleted'));
    const dead = thread!.comments.filter((c) => c.meta?.dead && !c.deleted);
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.every((c) => c.text.length > 0 && c.author !== null)).toBe(true);
  });

  it('reads unclosed <p> as paragraphs, &gt; paragraphs as quotes, <pre> as code kept apart', () => {
    const [thread] = readHackerNews(raw);
    const dang = thread!.comments.find((c) => c.author === 'dang')!;
    expect(dang.text).toContain("make sure you're up on the site guidelines"); // &#x27; decoded
    expect(dang.text).toContain('\n\nEdit: There are now multiple pages');
    expect(dang.text).toContain('https://news.ycombinator.com/newsguidelines.html'); // &#x2F; decoded
    const quoting = thread!.comments.filter((c) => c.quotes);
    expect(quoting.length).toBeGreaterThan(10);
    for (const c of quoting) for (const q of c.quotes!) expect(c.text.slice(q.start, q.start + 2)).toMatch(/^>/);
    const withCode = thread!.comments.find((c) => c.meta?.code)!;
    expect(withCode.meta!.code).toEqual([{ at: expect.any(Number), text: '  Good new ideas:' }]);
    expect(withCode.text).not.toContain('Good new ideas');
  });

  it('reads Firebase items: kids not fetched are reported, the parent of a lone comment is missing', () => {
    const [story] = readHackerNews(fixtureJson('hackernews/firebase_readme_item_8863.json'));
    expectWellFormed([story!]);
    expect(story!.title).toBe('My YC app: Dropbox - Throw away your USB drive');
    expect((story!.meta!.notLoaded as { count: number }).count).toBe(33);
    const [comment] = readHackerNews(fixtureJson('hackernews/firebase_readme_item_2921983.json'));
    expect(comment!.comments[0]).toMatchObject({ id: '2921983', parentId: '2921506', author: 'norvig' });
    expect(comment!.meta!.missing).toMatchObject({ count: 1, ids: ['2921506'] });
    const [ask] = readHackerNews(fixtureJson('hackernews/firebase_readme_item_121003.json'));
    expect(ask!.comments[0]!.text.startsWith('or HN: the Next Iteration\n\nI get the impression')).toBe(true);
  });

  // CONSTRUCTED: no real Algolia items/{id} file was available; the fixture follows the documented
  // fields (author and text null when deleted, parent_id, nested children).
  it('reads the Algolia shape with its null-author tombstones', () => {
    const [thread] = readHackerNews(fixtureJson('hackernews/constructed_algolia_item.json'));
    expectWellFormed([thread!]);
    expect(thread!.comments.map((c) => [c.id, c.parentId, c.author])).toEqual([
      ['4001', null, 'story_author'], ['4002', '4001', 'typed_fan'], ['4003', '4002', null], ['4004', '4003', 'late_reply'], ['4005', '4001', 'dynamic_fan'],
    ]);
    expect(thread!.comments[2]).toMatchObject({ deleted: true, text: '' });
    expect(thread!.comments[1]!.text).toBe('Yes. Refactoring is far safer.\n\n> Especially for small teams.\n\nSmall teams have the least time for regressions.');
    expect(thread!.comments[4]!.text).toBe('No / it depends on the domain & team.');
  });

  it('is recognised by --from auto (all three shapes) and names the path of a bad field', () => {
    expect(readInput(fixture('hackernews/firebase_readme_item_8863.json')).format).toBe('hn');
    expect(readInput(fixture('hackernews/constructed_algolia_item.json')).format).toBe('hn');
    const bad = structuredClone(raw);
    (bad.comments[1]!.comments[0] as unknown as { content: unknown }).content = ['x'];
    expect(() => readHackerNews(bad)).toThrow(InputError);
    expect(() => readHackerNews(bad)).toThrow('$.comments[1].comments[0].content: expected a string or null, got an array');
  });
});
