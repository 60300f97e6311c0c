import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readLessWrong } from '../../../src/ingest/formats/lesswrong.js';
import { readInput } from '../../../src/ingest/index.js';
import { allComments, expectWellFormed, fixture, fixtureJson } from './load.js';

// The data is CONSTRUCTED: no real ForumMagnum GraphQL result was available. It follows the
// documented fields: _id, postId, parentCommentId, user (null for deleted accounts), postedAt,
// htmlBody or contents{html|markdown|plaintextMainText}, deleted.
const raw = fixtureJson('lesswrong/constructed_comments_graphql.json') as { data: { comments: { results: unknown[] } } };

describe('lesswrong adapter', () => {
  it('groups comments by post; every comment in (plus the post) is a comment out', () => {
    const threads = readLessWrong(raw);
    expectWellFormed(threads);
    expect(allComments(threads)).toHaveLength(raw.data.comments.results.length + 1);
    expect(threads.map((t) => [t.id, t.title, t.comments.length])).toEqual([
      ['p9XkQ2', 'Forecasting is underrated', 5],
      ['q7OtherPost', undefined, 1],
    ]);
    expect(threads[1]!.comments[0]!.parentId).toBeNull(); // that post is not in the export
  });

  it('reads html, markdown and plain contents into the same layout', () => {
    const [post, other] = readLessWrong(raw);
    const [op, ben, anon, gone, dee] = post!.comments;
    expect(op!.text).toBe('Most organisations would decide better if they kept score of their predictions.\n\nThree reasons follow.\n\n1. Feedback\n2. Calibration\n3. Accountability');
    expect(ben!.parentId).toBe('p9XkQ2');
    expect(ben!.text).toBe('> kept score of their predictions\n\nScoring only helps when questions resolve quickly.');
    expect(ben!.meta!.code).toEqual([{ at: ben!.text.length, text: 'brier = mean((p - outcome) ** 2)' }]);
    expect(anon).toMatchObject({ author: null, parentId: 'cA1' });
    expect(anon!.meta!.authorDeleted).toBe(true);
    expect(anon!.text).toBe('Not true: long-range questions can be scored with proper scoring rules.\n\n> resolve quickly\n\nsee above.');
    expect(gone).toMatchObject({ deleted: true, author: null, text: '' });
    expect(dee!.parentId).toBe('cA3');
    expect(other!.comments[0]!.text).toBe('A comment on another post in the same result set.');
  });

  it('marks a question post and the comments that answer it (Posts.question, Comments.answer) as meta.postType', () => {
    const [thread] = readLessWrong({
      data: {
        post: { result: { _id: 'q1', title: 'How should a small team forecast?', question: true, htmlBody: '<p>What is the cheapest way for a small team to keep score of its forecasts over several years?</p>' } },
        comments: {
          results: [
            { _id: 'a1', postId: 'q1', parentCommentId: null, answer: true, user: { displayName: 'Ada' }, htmlBody: '<p>Keep a shared sheet and score every question with the Brier score once it resolves.</p>' },
            { _id: 'c1', postId: 'q1', parentCommentId: 'a1', answer: false, user: { displayName: 'Ben' }, htmlBody: '<p>That is not true for long questions, which never resolve in time.</p>' },
          ],
        },
      },
    });
    expect(thread!.comments.map((c) => [c.id, c.parentId, c.meta?.postType])).toEqual([
      ['q1', null, 'question'],
      ['a1', 'q1', 'answer'],
      ['c1', 'a1', undefined],
    ]);
  });

  it('is recognised by --from auto and names the path of a bad field', () => {
    expect(readInput(fixture('lesswrong/constructed_comments_graphql.json')).format).toBe('lesswrong');
    const bad = structuredClone(raw) as { data: { comments: { results: { postedAt?: unknown }[] } } };
    bad.data.comments.results[2]!.postedAt = 'yesterday';
    expect(() => readLessWrong(bad)).toThrow(InputError);
    expect(() => readLessWrong(bad)).toThrow('$.data.comments.results[2].postedAt: expected a timestamp');
  });
});
