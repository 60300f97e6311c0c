import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../../src/analyze.js';
import { readHackerNews } from '../../../src/ingest/formats/hackernews.js';
import { readPushshift } from '../../../src/ingest/formats/pushshift.js';
import { readReddit } from '../../../src/ingest/formats/reddit.js';
import type { Thread } from '../../../src/schema/index.js';
import { expectWellFormed, fixture, fixtureJson } from './load.js';

const postTypes = (thread: Thread) => Object.fromEntries(thread.comments.filter((c) => c.meta?.postType !== undefined).map((c) => [c.id, c.meta!.postType]));

describe('threads that open with a question: Ask HN, Reddit Ask* communities', () => {
  it('an "Ask HN:" story is the question, its direct replies answers, and deeper replies a discussion again', () => {
    const [thread] = readHackerNews(fixtureJson('hackernews/constructed_algolia_item.json'));
    expectWellFormed([thread!]);
    expect(thread!.title).toBe('Ask HN: Is static typing worth it?');
    expect(postTypes(thread!)).toEqual({ '4001': 'question', '4002': 'answer', '4005': 'answer' });
  });

  it('reads the prefix on the real Firebase "Ask HN" item too, and leaves an ordinary link story alone', () => {
    const [ask] = readHackerNews(fixtureJson('hackernews/firebase_readme_item_121003.json'));
    expect(ask!.title).toMatch(/^Ask HN: /);
    expect(postTypes(ask!)).toEqual({ '121003': 'question' });
    const [link] = readHackerNews(fixtureJson('hackernews/circumflex__hnpwa_item_25015967.trimmed.json'));
    expect(postTypes(link!)).toEqual({});
  });

  it('an answer does not rebut the question it answers', () => {
    // The same real-shaped thread analysed as a question and, with its title changed, as an ordinary story.
    const raw = fixtureJson('hackernews/constructed_algolia_item.json') as { title: string };
    const asked = analyzeThread(readHackerNews(raw)[0]!);
    const told = analyzeThread(readHackerNews({ ...raw, title: 'Static typing is worth it' })[0]!);
    const rebutsFromAnswers = (g: typeof asked) =>
      g.edges.filter((e) => e.type === 'rebuts' && ['4002', '4005'].includes(g.units.find((u) => u.id === e.from)!.commentId) && g.units.find((u) => u.id === e.to)!.commentId === '4001');
    expect(rebutsFromAnswers(told).length).toBeGreaterThan(0);
    expect(rebutsFromAnswers(asked)).toEqual([]);
  });

  it('a Reddit thread posted to an Ask* community: the post is the question, top-level comments answer it', () => {
    const raw = fixtureJson('reddit/graw__thread.json') as Array<{ data: { children: Array<{ data: Record<string, unknown> }> } }>;
    const post = raw[0]!.data.children[0]!.data;
    expect(post.subreddit).toBe('self');
    const [plain] = readReddit(raw);
    expect(postTypes(plain!)).toEqual({});
    // The same real thread, as if posted to AskReddit.
    const asked = structuredClone(raw);
    asked[0]!.data.children[0]!.data.subreddit = 'AskReddit';
    const [thread] = readReddit(asked);
    const root = thread!.comments[0]!;
    const types = postTypes(thread!);
    expect(types[root.id]).toBe('question');
    const direct = thread!.comments.filter((c) => c.parentId === root.id);
    expect(direct.length).toBeGreaterThan(0);
    expect(Object.keys(types)).toHaveLength(1 + direct.length);
    expect(direct.every((c) => types[c.id] === 'answer')).toBe(true);
  });

  it('a Pushshift dump whose submission names an Ask* community, and not one whose submission is missing', () => {
    const lines = fixture('pushshift/constructed_comments.ndjson').split('\n');
    const asked = lines.map((l) => (l.includes('"title"') ? l.replace('"subreddit":"economics"', '"subreddit":"askeconomics"') : l)).join('\n');
    const threads = readPushshift(asked);
    const withPost = threads.find((t) => t.meta?.submission === true)!;
    const types = postTypes(withPost);
    expect(types[withPost.id]).toBe('question');
    expect(withPost.comments.filter((c) => c.parentId === withPost.id).every((c) => types[c.id] === 'answer')).toBe(true);
    for (const t of threads.filter((t) => t.meta?.submission !== true)) expect(postTypes(t)).toEqual({});
    expect(readPushshift(lines.join('\n')).map(postTypes).every((p) => Object.keys(p).length === 0)).toBe(true);
  });
});
