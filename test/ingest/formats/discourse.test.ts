import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { discourseAdapter, readDiscourse } from '../../../src/ingest/formats/discourse.js';
import { readInput } from '../../../src/ingest/index.js';
import { analyzeThread } from '../../../src/analyze.js';
import { detectsJson, expectWellFormed, fixture, fixtureJson } from './load.js';

describe('discourse adapter', () => {
  it('reads a real /t/{id}/posts.json: every post in is a comment out, replies by post number', () => {
    const raw = fixtureJson('discourse/criticalfallibilism__t_2108_posts.json') as { post_stream: { posts: { id: number }[] } };
    const [thread] = readDiscourse(raw);
    expectWellFormed([thread!]);
    expect(thread!.comments.map((c) => c.id)).toEqual(raw.post_stream.posts.map((p) => String(p.id)));
    const byNumber = new Map(thread!.comments.map((c) => [c.meta!.postNumber, c]));
    // post 6 replies to post 4; post 2 (reply_to_post_number null) answers the topic, read as post 1.
    expect(byNumber.get(6)!.parentId).toBe(byNumber.get(4)!.id);
    expect(byNumber.get(2)!.parentId).toBe(byNumber.get(1)!.id);
    expect(thread!.title).toBeUndefined(); // this endpoint has no title
  });

  it("leaves out the notice Discourse adds to a topic it made for a blog entry, and keeps the entry's address", () => {
    // Post 1 of this real topic is only the notice: "<hr><small>This is a companion discussion topic for the original entry at <a …>".
    const raw = fixtureJson('discourse/criticalfallibilism__t_2108_posts.json') as { post_stream: { posts: Array<{ cooked: string }> } };
    const [thread] = readDiscourse(raw);
    const opening = thread!.comments[0]!;
    expect(opening.text).toBe('');
    expect(opening.meta!.embedUrl).toBe('https://curi.us/2599-comments-on-the-boyfriends-introduction-to-feminism');
    // The replies discuss the entry: none is read as rebutting the notice.
    const graph = analyzeThread(thread!);
    expect(graph.units.some((u) => u.commentId === opening.id)).toBe(false);
    // An entry embedded with an excerpt keeps the excerpt; the same small print in a later post is the poster's own.
    const withExcerpt = structuredClone(raw);
    const first = withExcerpt.post_stream.posts[0]!;
    first.cooked = `<p>Patriarchy literally means rule by fathers.</p>\n${first.cooked}`;
    withExcerpt.post_stream.posts[3]!.cooked += first.cooked;
    const [again] = readDiscourse(withExcerpt);
    expect(again!.comments[0]!.text).toBe('Patriarchy literally means rule by fathers.');
    expect(again!.comments[3]!.text).toContain('This is a companion discussion topic');
    expect(again!.comments[3]!.meta!.embedUrl).toBeUndefined();
  });

  it('turns quote asides into quotes of the quoted comment, and leaves other topics unresolved', () => {
    const [thread] = readDiscourse(fixtureJson('discourse/criticalfallibilism__t_2108_posts.json'));
    const byNumber = new Map(thread!.comments.map((c) => [c.meta!.postNumber, c]));
    const post6 = byNumber.get(6)!;
    expect(post6.quotes).toHaveLength(2);
    expect(post6.quotes![0]).toMatchObject({ sourceCommentId: byNumber.get(4)!.id, sourceAuthor: 'anonymous45' });
    // The aside's title ("anonymous45:") and avatar are chrome, not text; the nested quote stays nested.
    expect(post6.text.startsWith('> > We can reliably tell men from women')).toBe(true);
    const quoted = post6.text.slice(post6.quotes![0]!.start, post6.quotes![0]!.end);
    expect(quoted).toContain('> Yes, of course');
    expect(quoted).not.toContain('anonymous45:');
    const post20 = byNumber.get(20)!;
    expect(post20.quotes![1]!.sourceCommentId).toBeUndefined(); // data-topic="2081"
    expect(post20.meta!.quoteRefs).toEqual([{ postNumber: '5', topicId: '2108' }, { postNumber: '1', topicId: '2081' }]);
  });

  it('reads the full topic: title, -05:00 times normalised, moderator action flagged and kept', () => {
    const [thread] = readDiscourse(fixtureJson('discourse/discourse_api__topic.json'));
    expectWellFormed([thread!]);
    expect(thread!.title).toBe('THIS SITE IS A SANDBOX -- it is reset every day');
    expect(thread!.comments[0]!.createdAt).toBe('2013-02-04T20:26:26.278Z');
    expect(thread!.comments).toHaveLength(4);
    expect(thread!.meta!.actions).toEqual({ count: 1, ids: ['84'] });
    expect(thread!.comments.find((c) => c.id === '226')!.parentId).toBe('83');
  });

  it('groups /posts.json latest_posts by topic, oldest first, reading raw when it is all there is', () => {
    const threads = readDiscourse(fixtureJson('discourse/discourse_api__posts_latest.json'));
    expectWellFormed(threads);
    expect(threads.map((t) => [t.id, t.comments.length])).toEqual([['11', 2], ['7', 1], ['2', 1]]);
    expect(threads[0]!.comments.map((c) => c.meta!.postNumber)).toEqual([1, 2]);
  });

  // Constructed fixture (no real export had these cases together): onebox, emoji, small action,
  // deleted post, raw [quote] markup, old quote markup without data-username, posts not loaded.
  it('keeps tombstones, flags small actions, drops onebox previews and reads [quote] in raw', () => {
    const [thread] = readDiscourse(fixtureJson('discourse/constructed_topic_edge_cases.json'));
    expectWellFormed([thread!]);
    const [op, action, gone, replier, late] = thread!.comments;
    expect(op!.text).toBe('Remote work raises productivity.\n\nSee the study above. :+1:');
    expect(action!.meta).toMatchObject({ action: true, postType: 3 });
    expect(gone).toMatchObject({ author: null, text: '', deleted: true, parentId: '9001' });
    expect(replier!.parentId).toBe('9004'); // replies to the tombstone stay attached
    expect(replier!.text).toBe('> Remote work raises productivity.\n\nOnly for some tasks.\n\n> A quote from another topic.');
    expect(replier!.quotes).toEqual([
      { start: 0, end: 34, sourceCommentId: '9001', sourceAuthor: 'opener' },
      { start: replier!.text.indexOf('> A quote'), end: replier!.text.length, sourceAuthor: 'someone' },
    ]);
    // Old markup names the author only in its title (`opener:`).
    expect(late!.quotes).toEqual([{ start: 0, end: 34, sourceCommentId: '9001', sourceAuthor: 'opener' }]);
    expect(late!.parentId).toBeNull();
    expect(thread!.meta!.missing).toEqual({ count: 1, ids: ['post_number:3'], orphans: ['9006'] });
    expect(thread!.meta!.notLoaded).toEqual({ count: 2, ids: ['9007', '9008'] });
    expect(thread!.meta!.deleted).toBe(1);
  });

  it('is recognised by --from auto and names the JSON path of a malformed post', () => {
    expect(readInput(fixture('discourse/discourse_api__topic.json')).format).toBe('discourse');
    const bad = { post_stream: { posts: [{ id: 1, post_number: 1, cooked: '<p>x</p>' }, { id: 2, post_number: 'two', cooked: '' }] } };
    expect(detectsJson(discourseAdapter, bad)).toBe(true);
    expect(() => readDiscourse(bad)).toThrow(InputError);
    expect(() => readDiscourse(bad)).toThrow('$.post_stream.posts[1].post_number: expected a number');
    expect(() => readInput(JSON.stringify(bad), { from: 'discourse', file: 't.json' })).toThrow(/^t\.json, \$\.post_stream\.posts\[1\]\.post_number/);
  });
});
