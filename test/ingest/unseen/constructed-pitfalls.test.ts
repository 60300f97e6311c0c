/**
 * Pitfalls FORMATS.md lists from other real exports, for which no real file small enough was
 * found (see fixtures/forum-samples-extra/PROVENANCE.md). The inputs here are CONSTRUCTED from the
 * documented field shapes, with made-up text.
 */
import { describe, expect, it } from 'vitest';
import { allComments, readUnseen } from './unseen.js';

describe('documented pitfalls, on constructed inputs', () => {
  it('reddit: a more stub with count 0 that shares its id with a loaded comment reports only what is missing', () => {
    const t1 = (id: string, body: string) => ({ kind: 't1', data: { id, name: `t1_${id}`, parent_id: 't3_p', link_id: 't3_p', author: 'u', body, created_utc: 1600000000.0, edited: 1600000100.5, replies: '' } });
    const text = JSON.stringify([
      { kind: 'Listing', data: { children: [{ kind: 't3', data: { id: 'p', name: 't3_p', title: 'T', selftext: '', author: 'op', created_utc: 1600000000 } }] } },
      { kind: 'Listing', data: { children: [t1('c1', '&gt; the claim\n\nA reply.'), { kind: 'more', data: { count: 0, name: 't1_c1', id: 'c1', parent_id: 't3_p', children: ['c1', 'c9'] } }] } },
    ]);
    const [thread] = readUnseen(text, 'reddit');
    expect(thread!.comments).toHaveLength(2);
    expect(thread!.meta!.moreStubs).toMatchObject({ stubs: 1, ids: ['t1_c9'] });
    expect(thread!.comments[1]!.meta!.editedAt).toBe('2020-09-13T12:28:20.500Z');
  });

  it('mastodon: plain-text content is decoded once, a Tombstone keeps its place as a deleted comment', () => {
    const text = JSON.stringify({ ancestors: [], descendants: [
      { id: 'AbC', created_at: '2023-01-01T00:00:00Z', in_reply_to_id: null, account: { id: '1', acct: 'a@example.social' }, content: 'Rents fell &amp; wages rose.\n\nSo housing got cheaper.' },
      { id: 'AbD', type: 'Tombstone', in_reply_to_id: 'AbC', created_at: '2023-01-02T00:00:00Z' },
      { id: 'AbE', created_at: '2023-01-03T00:00:00Z', in_reply_to_id: 'AbD', account: { id: '2', acct: 'b' }, content: '<p>Not in my city.</p>' },
    ] });
    const [thread] = readUnseen(text, 'mastodon');
    expect(thread!.comments.map((c) => [c.id, c.parentId, c.author, c.deleted ?? false, c.text])).toEqual([
      ['AbC', null, 'a@example.social', false, 'Rents fell & wages rose.\n\nSo housing got cheaper.'],
      ['AbD', 'AbC', null, true, ''],
      ['AbE', 'AbD', 'b', false, 'Not in my city.'],
    ]);
  });

  it('lesswrong: a comment with no postId (tag discussion) is grouped by its tag, not fatal to the file', () => {
    const text = JSON.stringify({ data: { comments: { results: [
      { _id: 'a1', postId: 'p1', parentCommentId: null, user: null, postedAt: '2022-01-01T00:00:00.000Z', contents: { html: '<p>Hello &amp; welcome</p>' } },
      { _id: 'a2', postId: 'p1', parentCommentId: 'a1', user: { displayName: 'B' }, postedAt: '2022-01-02T00:00:00.000Z', contents: null, deleted: true },
      { _id: 'a3', postId: null, tagId: 't9', parentCommentId: null, user: { displayName: 'C' }, postedAt: '2022-01-02T00:00:00.000Z', htmlBody: '<blockquote><p>q</p></blockquote><p>r</p>' },
    ] } } });
    const threads = readUnseen(text, 'lesswrong');
    expect(threads.map((t) => [t.id, t.comments.length])).toEqual([['p1', 2], ['tag:t9', 1]]);
    expect(allComments(threads)[1]).toMatchObject({ deleted: true, author: null, text: '' });
  });

  it('pushshift: an API response {"data": [...]} and a saved array read like a dump', () => {
    const records = [
      { id: 'x1', link_id: 't3_p', parent_id: 't3_p', body: '&gt; hi\n\nyo', author: 'a', created_utc: 1.5e9, subreddit: 's' },
      { id: 'x2', link_id: 't3_p', parent_id: 't1_x1', body: '[removed]', author: '[deleted]', created_utc: '1500000001' },
    ];
    for (const text of [JSON.stringify({ data: records, metadata: {} }), JSON.stringify(records, null, 2)]) {
      const threads = readUnseen(text, 'pushshift');
      expect(allComments(threads).map((c) => [c.id, c.parentId, c.deleted ?? false])).toEqual([['t1_x1', null, false], ['t1_x2', 't1_x1', true]]);
      expect(allComments(threads)[0]!.quotes).toEqual([{ start: 0, end: 4 }]);
    }
  });
});
