import { describe, expect, it } from 'vitest';
import { allComments, extra, readUnseen } from './unseen.js';

const rows = (xml: string) => [...xml.matchAll(/<row\b[^>]*\/>/g)].map((m) => m[0]);
const attr = (row: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(row)?.[1];

describe('stackexchange on unseen real exports', () => {
  const posts = extra('stackexchange/history-meta__Posts.first10rows.xml');
  const comments = extra('stackexchange/history-meta__Comments.first31rows.xml');

  it('recognises a Posts.xml with a DOCTYPE (it was read as prose) and keeps every question and answer', () => {
    const threads = readUnseen(posts, 'stackexchange');
    const kept = rows(posts).filter((r) => ['1', '2'].includes(attr(r, 'PostTypeId')!));
    expect(allComments(threads)).toHaveLength(kept.length);
    expect(threads.map((t) => t.id)).toEqual(rows(posts).filter((r) => attr(r, 'PostTypeId') === '1').map((r) => attr(r, 'Id')));
    const five = allComments(threads).find((c) => c.id === '5')!;
    expect(five.quotes).toHaveLength(2); // two outer blockquotes; the nested one stays inside the second
    expect(five.text).toContain('> > Wikipedia copy/paste');
    expect(allComments(threads).find((c) => c.id === '8')!.author).toBe('user39'); // deleted user: OwnerDisplayName
  });

  it('reads Comments.xml: mini-markdown and [tag:] links become text, @Name replies are kept in meta', () => {
    const threads = readUnseen(comments, 'stackexchange');
    const all = allComments(threads);
    expect(all).toHaveLength(rows(comments).length);
    const byId = new Map(all.map((c) => [c.id, c]));
    expect(byId.get('c23')!.text).toBe('also for kings, queens, and popes we can make tags for them. example: richard-i');
    expect(byId.get('c18')!.text).toBe('Meta is for discussion about the site, this would be a Question for the site');
    expect(byId.get('c11')!.text).toBe('possible duplicate of Copying from online sources');
    expect(byId.get('c34')!.text).toContain('geo-pol history site <yawn>)');
    expect(byId.get('c2')!.meta!.replyToName).toBe('GPierce');
    expect(byId.get('c28')!.meta!.replyToName).toBe('ChristopherRayl');
    const withAt = rows(comments).filter((r) => /^@/.test(attr(r, 'Text')!)).length;
    expect(all.filter((c) => c.meta!.replyToName !== undefined)).toHaveLength(withAt);
  });

  it('reads both files together: comments join their question thread, answers and all', () => {
    const threads = readUnseen(posts + comments, 'stackexchange');
    const expected = rows(posts).filter((r) => ['1', '2'].includes(attr(r, 'PostTypeId')!)).length + rows(comments).length;
    expect(allComments(threads)).toHaveLength(expected);
    const q4 = threads.find((t) => t.id === '4')!;
    // Comment 8 is on answer 6, which answers question 4.
    expect(q4.comments.find((c) => c.id === 'c8')!.parentId).toBe('6');
  });
});
