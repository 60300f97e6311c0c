/**
 * Hacker News in its three shapes: HNPWA / node-hnapi (`comments[]` nested, HTML `content`,
 * `level`, no parent field), the Algolia items API (`children[]` nested, `author`/`text` null
 * when deleted, `parent_id`) and Firebase items (one item or an array: `by`, `text`, `parent`,
 * `kids` as ids only, `deleted`/`dead` flags).
 *
 * HN HTML separates paragraphs with unclosed `<p>` and quotes with a plain `&gt; ` at the start
 * of a paragraph, which the HTML reader turns into quote spans. Deleted items are tombstones;
 * dead items keep their text and are flagged `meta.dead`.
 */
import type { Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { htmlToText } from '../markup/index.js';
import { asArray, asObject, at, id, inFile, isObject, optBool, optId, optNum, optStr, wrong, type JsonObject } from './fields.js';
import { ThreadBuilder, makeComment } from './thread-builder.js';
import { optTime } from './time.js';
import { isAskHn, markQuestionThread } from './question-threads.js';

const SOURCE = 'hn';
const ITEM_TYPES = new Set(['story', 'comment', 'job', 'poll', 'pollopt']);

type Shape = 'hnpwa' | 'algolia' | 'firebase';

function shapeOf(value: unknown): Shape | undefined {
  if (Array.isArray(value)) return value.length > 0 && shapeOf(value[0]) === 'firebase' ? 'firebase' : undefined;
  if (!isObject(value) || (typeof value.id !== 'number' && typeof value.id !== 'string')) return undefined;
  if (Array.isArray(value.comments) && ('comments_count' in value || 'time_ago' in value || 'level' in value)) return 'hnpwa';
  if (Array.isArray(value.children) && ('created_at_i' in value || 'story_id' in value)) return 'algolia';
  if (typeof value.type === 'string' && ITEM_TYPES.has(value.type) && typeof value.time === 'number' && !('comments' in value)) return 'firebase';
  return undefined;
}

function detect(value: unknown): boolean {
  return shapeOf(value) !== undefined;
}

/** Reads a Hacker News export (any of its three shapes) into one thread. */
export function readHackerNews(value: unknown): Thread[] {
  const shape = shapeOf(value);
  if (shape === 'hnpwa') return [readNested(asObject(value, '$'), 'comments')];
  if (shape === 'algolia') return [readNested(asObject(value, '$'), 'children')];
  if (shape === 'firebase') return [readFirebase(value)];
  throw wrong('$', 'a Hacker News item (HNPWA, Algolia or Firebase shape)', value);
}

const html = (text: string | undefined) => (text === undefined ? null : htmlToText(text, { textQuotes: true }));

/** An item of the nested shapes: HNPWA (`user`, `content`, `time`) or Algolia (`author`, `text`, `created_at`). */
function nestedComment(o: JsonObject, path: string, parentId: string | null, isRoot: boolean) {
  const itemId = id(o, 'id', path);
  const author = optStr(o, 'user', path) ?? optStr(o, 'author', path) ?? null;
  const text = optStr(o, 'content', path) ?? optStr(o, 'text', path);
  // Algolia marks deletion only by a null author and text; HNPWA sets `deleted`.
  const deleted = optBool(o, 'deleted', path) === true || (!isRoot && 'author' in o && author === null && text === undefined);
  const meta: Record<string, unknown> = {};
  if (optBool(o, 'dead', path)) meta.dead = true;
  const points = optNum(o, 'points', path);
  if (points !== undefined) meta.points = points;
  const url = optStr(o, 'url', path);
  if (url !== undefined) meta.url = url;
  const createdAt = optTime(o, 'time', path) ?? optTime(o, 'created_at', path);
  return makeComment({ id: itemId, parentId, author, createdAt, deleted, meta }, deleted ? null : html(text));
}

function readNested(root: JsonObject, childrenKey: 'comments' | 'children'): Thread {
  const rootComment = nestedComment(root, '$', null, true);
  const b = new ThreadBuilder(rootComment.id, SOURCE);
  b.add(rootComment);
  const stack: { items: unknown[]; path: string; parent: string; i: number }[] = [
    { items: asArray(root[childrenKey], at('$', childrenKey)), path: at('$', childrenKey), parent: rootComment.id, i: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.items.length) {
      stack.pop();
      continue;
    }
    const path = `${frame.path}[${frame.i}]`;
    const item = asObject(frame.items[frame.i++], path);
    const comment = b.add(nestedComment(item, path, frame.parent, false));
    const kids = item[childrenKey];
    if (kids !== undefined && kids !== null) stack.push({ items: asArray(kids, at(path, childrenKey)), path: at(path, childrenKey), parent: comment.id, i: 0 });
  }
  const meta: Record<string, unknown> = { shape: childrenKey === 'comments' ? 'hnpwa' : 'algolia' };
  const count = optNum(root, 'comments_count', '$');
  if (count !== undefined) meta.commentsCount = count;
  const title = optStr(root, 'title', '$');
  const thread = b.build(title, meta);
  return isAskHn(title, optStr(root, 'type', '$')) ? markQuestionThread(thread, rootComment.id) : thread;
}

function readFirebase(value: unknown): Thread {
  const items = Array.isArray(value) ? value.map((v, i) => ({ item: asObject(v, `$[${i}]`), path: `$[${i}]` })) : [{ item: asObject(value, '$'), path: '$' }];
  const story = items.find(({ item }) => item.type === 'story' || item.type === 'job' || item.type === 'poll');
  const first = story ?? items[0]!;
  const b = new ThreadBuilder(id(first.item, 'id', first.path), SOURCE);
  let title: string | undefined;
  for (const { item, path } of items) {
    const deleted = optBool(item, 'deleted', path) === true;
    const meta: Record<string, unknown> = { type: optStr(item, 'type', path) };
    if (optBool(item, 'dead', path)) meta.dead = true;
    const score = optNum(item, 'score', path);
    if (score !== undefined) meta.score = score;
    const url = optStr(item, 'url', path);
    if (url !== undefined) meta.url = url;
    const kids = item.kids === undefined ? [] : asArray(item.kids, at(path, 'kids'));
    if (kids.length > 0) meta.kids = kids.map((k, i) => optId({ k }, 'k', `${at(path, 'kids')}[${i}]`));
    title ??= item === first.item ? optStr(item, 'title', path) : undefined;
    const parentId = optId(item, 'parent', path) ?? null;
    b.add(makeComment({ id: id(item, 'id', path), parentId, author: optStr(item, 'by', path) ?? null, createdAt: optTime(item, 'time', path), deleted, meta }, html(optStr(item, 'text', path))));
  }
  // Firebase lists kids by id only; the ones not fetched are reported like missing parents.
  const notLoaded = items.flatMap(({ item }) => (Array.isArray(item.kids) ? item.kids.map(String) : [])).filter((k) => !b.has(k));
  const thread = b.build(title, notLoaded.length > 0 ? { shape: 'firebase', notLoaded: { count: notLoaded.length, ids: notLoaded } } : { shape: 'firebase' });
  return story && isAskHn(title) ? markQuestionThread(thread, id(story.item, 'id', story.path)) : thread;
}

export const hackerNewsAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'json',
  detect,
  read: (value: unknown, ctx: ReadContext) => inFile(ctx, () => readHackerNews(value)),
};
