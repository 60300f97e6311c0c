/**
 * LessWrong / EA Forum (ForumMagnum) GraphQL results: `{data:{comments:{results:[…]}}}`, a flat
 * list of comments with `_id`, `postId`, `parentCommentId` (null: top-level), `user`
 * (null for deleted accounts), `postedAt`, and the body as `htmlBody` or
 * `contents{html|markdown|plaintextMainText}`. An optional `data.post.result` (or `data.post`)
 * becomes the opening post. Comments are grouped into one thread per `postId`.
 */
import type { Comment, Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { htmlToText, markdownToText, plainToText, type MarkupResult } from '../markup/index.js';
import { asArray, asObject, id, inFile, isObject, optBool, optId, optNum, optStr, type JsonObject } from './fields.js';
import { ThreadBuilder, makeComment } from './thread-builder.js';
import { optTime } from './time.js';

const SOURCE = 'lesswrong';
/** The thread of comments that name no post (and no tag). */
const NO_POST = '(no post)';

function commentsOf(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.data)) return undefined;
  const comments = value.data.comments;
  return isObject(comments) ? comments.results : undefined;
}

function detect(value: unknown): boolean {
  const results = commentsOf(value);
  if (!Array.isArray(results)) return false;
  const first: unknown = results[0];
  return results.length === 0 || (isObject(first) && '_id' in first && ('postId' in first || 'parentCommentId' in first));
}

/** `htmlBody`, else `contents.html`, `contents.markdown`, `contents.plaintextMainText`. */
function bodyOf(o: JsonObject, path: string): MarkupResult | null {
  const htmlBody = optStr(o, 'htmlBody', path);
  if (htmlBody !== undefined) return htmlToText(htmlBody);
  if (o.contents === undefined || o.contents === null) return null;
  const cpath = `${path}.contents`;
  const contents = asObject(o.contents, cpath);
  const html = optStr(contents, 'html', cpath);
  if (html !== undefined) return htmlToText(html);
  const md = optStr(contents, 'markdown', cpath);
  if (md !== undefined) return markdownToText(md);
  const plain = optStr(contents, 'plaintextMainText', cpath) ?? optStr(contents, 'plaintextDescription', cpath);
  return plain === undefined ? null : plainToText(plain);
}

function authorOf(o: JsonObject, path: string): string | null {
  if (o.user === undefined || o.user === null) return null;
  const user = asObject(o.user, `${path}.user`);
  return optStr(user, 'displayName', `${path}.user`) ?? optStr(user, 'username', `${path}.user`) ?? optStr(user, 'slug', `${path}.user`) ?? null;
}

function toComment(o: JsonObject, path: string, parentId: string | null): Comment {
  const deleted = optBool(o, 'deleted', path) === true;
  const meta: Record<string, unknown> = {};
  const score = optNum(o, 'baseScore', path);
  if (score !== undefined) meta.baseScore = score;
  if (o.user === null) meta.authorDeleted = true;
  if (optBool(o, 'deletedPublic', path)) meta.deletedPublic = true;
  const topLevel = optStr(o, 'topLevelCommentId', path);
  if (topLevel !== undefined) meta.topLevelCommentId = topLevel;
  // A question post and the comments marked as its answers (ForumMagnum's Posts.question, Comments.answer); see schema/post-type.ts.
  if (optBool(o, 'question', path)) meta.postType = 'question';
  else if (optBool(o, 'answer', path)) meta.postType = 'answer';
  return makeComment({ id: id(o, '_id', path), parentId, author: authorOf(o, path), createdAt: optTime(o, 'postedAt', path), deleted, meta }, bodyOf(o, path));
}

/** Reads ForumMagnum comment results into one thread per post. */
export function readLessWrong(value: unknown): Thread[] {
  const root = asObject(value, '$');
  const data = asObject(root.data, '$.data');
  const results = asArray(asObject(data.comments, '$.data.comments').results, '$.data.comments.results');
  let post: { o: JsonObject; path: string } | undefined;
  if (isObject(data.post)) {
    const inner = isObject(data.post.result) ? { o: data.post.result, path: '$.data.post.result' } : { o: data.post, path: '$.data.post' };
    if ('_id' in inner.o) post = inner;
  }
  const groups = new Map<string, ThreadBuilder>();
  const titles = new Map<string, string>();
  const group = (postId: string): ThreadBuilder => {
    let b = groups.get(postId);
    if (!b) groups.set(postId, (b = new ThreadBuilder(postId, SOURCE)));
    return b;
  };
  if (post) {
    const postId = id(post.o, '_id', post.path);
    group(postId).add(toComment(post.o, post.path, null));
    const title = optStr(post.o, 'title', post.path);
    if (title !== undefined) titles.set(postId, title);
  }
  results.forEach((r, i) => {
    const path = `$.data.comments.results[${i}]`;
    const o = asObject(r, path);
    // Tag and shortform discussions have no post: group them by their tag, or apart.
    const postId = optId(o, 'postId', path) ?? (optId(o, 'tagId', path) !== undefined ? `tag:${optId(o, 'tagId', path)}` : NO_POST);
    const parent = optStr(o, 'parentCommentId', path) ?? null;
    const b = group(postId);
    // A top-level comment answers the post, when the post is in the export.
    b.add(toComment(o, path, parent ?? (post && b.has(postId) ? postId : null)));
  });
  return [...groups.entries()].map(([postId, b]) => b.build(titles.get(postId), { postId, postIncluded: b.has(postId) }));
}

export const lessWrongAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'json',
  detect,
  read: (value: unknown, ctx: ReadContext) => inFile(ctx, () => readLessWrong(value)),
};
