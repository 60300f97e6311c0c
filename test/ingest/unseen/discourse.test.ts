import { describe, expect, it } from 'vitest';
import { allComments, extra, readUnseen } from './unseen.js';

interface RawPost { id: number; post_number: number; reply_to_post_number: number | null; cooked: string }

describe('discourse on unseen real exports', () => {
  it('reads a ?post_number= window (newest first, no title, no post 1) in post order, quotes pointing at loaded posts', () => {
    const text = extra('discourse/criticalfallibilism__t_2144_posts_pn_61.first4.json');
    const raw = (JSON.parse(text) as { post_stream: { posts: RawPost[] } }).post_stream.posts;
    const threads = readUnseen(text, 'discourse');
    expect(threads).toHaveLength(1);
    const comments = allComments(threads);
    expect(comments).toHaveLength(raw.length);
    expect(comments.map((c) => c.meta!.postNumber)).toEqual(raw.map((p) => p.post_number).sort((a, b) => a - b));
    const idOf = new Map(raw.map((p) => [p.post_number, String(p.id)]));
    for (const c of comments) {
      const post = raw.find((p) => String(p.id) === c.id)!;
      // reply_to_post_number names a post number; loaded ones become the parent, others are reported.
      expect(c.parentId).toBe(idOf.get(post.reply_to_post_number!) ?? null);
      const asides = [...post.cooked.matchAll(/<aside class="quote[^"]*"[^>]*data-post="(\d+)"/g)].map((m) => Number(m[1]));
      const inlineQuotes = (post.cooked.match(/<blockquote>/g) ?? []).length - asides.length;
      expect(c.quotes ?? []).toHaveLength(asides.length + inlineQuotes);
      asides.forEach((n, k) => expect(c.quotes![k]!.sourceCommentId).toBe(idOf.get(n)));
    }
    expect(threads[0]!.meta!.missing).toMatchObject({ ids: ['post_number:26'] });
    const got = comments.find((c) => c.id === '20216')!;
    expect(got.text).toBe('Got it.\n\n> Or I got them confused in my head and conflated them into one short dystopian book with a bleak ending.\n\nI must have done this then. They morphed into a single book in my mind.');
  });

  it('reads a posts.json page without its opening post: the reply is a top-level comment', () => {
    const threads = readUnseen(extra('discourse/discourse_api__topic_posts.json'), 'discourse');
    expect(threads.map((t) => t.id)).toEqual(['57']);
    expect(allComments(threads)).toEqual([expect.objectContaining({ id: '123456', parentId: null, author: 'Some-username', text: 'Some text.' })]);
  });
});
