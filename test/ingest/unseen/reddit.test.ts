import { describe, expect, it } from 'vitest';
import { allComments, extra, readUnseen } from './unseen.js';

interface Thing { kind: string; data: { replies?: unknown; body?: string } }

/** t1 things in a nested listing, counted apart from the adapter. */
function countT1(children: Thing[]): number {
  let n = 0;
  for (const c of children) {
    if (c.kind !== 't1') continue;
    n++;
    const replies = c.data.replies as { data: { children: Thing[] } } | '';
    if (replies) n += countT1(replies.data.children);
  }
  return n;
}

describe('reddit on unseen real exports', () => {
  it('reads the newer field set (author_fullname, all_awardings, depth) with nested replies', () => {
    const text = extra('reddit/graw__thread_with_preview.trimmed.json');
    const raw = JSON.parse(text) as { data: { children: Thing[] } }[];
    const threads = readUnseen(text, 'reddit');
    const comments = allComments(threads);
    expect(comments).toHaveLength(1 + countT1(raw[1]!.data.children));
    expect(comments.map((c) => [c.id, c.parentId, c.author])).toEqual([
      ['t3_116yyx6', null, 'low-vibe'],
      ['t1_j99ekok', 't3_116yyx6', 'Doc-Zoidberg'],
      ['t1_j99w7mc', 't1_j99ekok', 'fiskfisk'],
    ]);
    expect(comments[2]!.text).toBe("Look up Megavalanche - it's crazy.");
    expect(comments[1]!.createdAt).toBe('2023-02-20T06:46:29.000Z');
  });

  it('reads a post with no comments: one comment, the post, from its markdown selftext', () => {
    const threads = readUnseen(extra('reddit/snoo-wrapped__t3_ovklvg.json'), 'reddit');
    expect(allComments(threads)).toEqual([expect.objectContaining({ id: 't3_ovklvg', parentId: null, author: 'phoenix_starship', text: 'This is the body of the submission.' })]);
    expect(threads[0]!.title).toBe('Test post please ignore');
  });
});
