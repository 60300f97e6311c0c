import { describe, expect, it } from 'vitest';
import { allComments, extra, readUnseen } from './unseen.js';

describe('discourse-archive on an unseen real archive (the plain-text reader kept headers and [quote] as text)', () => {
  const text = extra('text/delving-bitcoin-archive__ln-symmetry-id359.md');

  it('reads every post with its author and time, and resolves [quote="user, post:N, topic:M"] to post N', () => {
    const headers = [...text.matchAll(/^(\S+) \| [\d-]+ [\d:]+ UTC \| #(\d+)$/gm)];
    const threads = readUnseen(text, 'discourse-archive');
    expect(threads[0]!.title).toBe('LN-Symmetry Project Recap');
    const comments = allComments(threads);
    expect(comments.map((c) => [c.id, c.author])).toEqual(headers.map((h) => [h[2], h[1]]));
    expect(comments.map((c) => c.parentId)).toEqual([null, '1', '1', '1']);
    const quotes = [...text.matchAll(/\[quote="(\w+), post:(\d+), topic:359"\]/g)];
    expect(comments.flatMap((c) => c.quotes ?? []).map((q) => [q.sourceAuthor, q.sourceCommentId])).toEqual(quotes.map((q) => [q[1], q[2]]));
    expect(comments[2]!.text.startsWith('> Can you elaborate on precisely why this is the case.')).toBe(true);
    expect(comments.some((c) => c.text.includes('-----') || c.text.includes(' UTC | #'))).toBe(false);
  });
});
