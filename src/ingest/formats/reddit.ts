/**
 * Reddit thread JSON: `/comments/{id}.json` (a two-listing array: `[0]` the `t3` post, `[1]`
 * the `t1` comments nested through `replies`, with `more` stubs) and `/api/morechildren`
 * (`{json:{data:{things:[t1…]}}}`, flat).
 *
 * Comment ids are fullnames (`t3_…`, `t1_…`), so `parent_id` needs no translation. `replies`
 * is `""` when there are none. `more` stubs are not comments: they are reported in
 * `meta.moreStubs` (how many stubs, the comment count they stand for, the ids they list, and the
 * "continue this thread" stubs), never dropped silently.
 */
import type { Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { asArray, asObject, at, inFile, isObject, optNum, optStr, str, wrong, type JsonObject } from './fields.js';
import { fullname, redditComment } from './reddit-comment.js';
import { ThreadBuilder } from './thread-builder.js';
import { isAskSubreddit, markQuestionThread } from './question-threads.js';

const SOURCE = 'reddit';

function kindOf(value: unknown): unknown {
  return isObject(value) ? value.kind : undefined;
}

function detect(value: unknown): boolean {
  if (Array.isArray(value)) {
    if (value.length !== 2 || kindOf(value[0]) !== 'Listing') return false;
    const data = (value[0] as JsonObject).data;
    return isObject(data) && Array.isArray(data.children) && kindOf(data.children[0]) === 't3';
  }
  if (!isObject(value) || !isObject(value.json)) return false;
  const data = value.json.data;
  return isObject(data) && Array.isArray(data.things);
}

/** The `more` stubs of a thread, as reported in `meta.moreStubs`. */
interface MoreReport {
  stubs: number;
  count: number;
  ids: string[];
  continueThread: number;
}

function listingChildren(value: unknown, path: string): { items: unknown[]; path: string } {
  const listing = asObject(value, path);
  const data = asObject(listing.data, at(path, 'data'));
  return { items: asArray(data.children, at(at(path, 'data'), 'children')), path: at(at(path, 'data'), 'children') };
}

/** Reads a Reddit export into threads (one for a thread page, one per link for morechildren). */
export function readReddit(value: unknown): Thread[] {
  if (!Array.isArray(value)) return readMoreChildren(value);
  const top = asArray(value, '$');
  if (top.length < 2) throw wrong('$', 'an array of two listings (post, comments)', value);
  const posts = listingChildren(top[0], '$[0]');
  const first = asObject(posts.items[0], `${posts.path}[0]`);
  const postPath = `${posts.path}[0].data`;
  if (first.kind !== 't3') throw wrong(`${posts.path}[0].kind`, '"t3"', first.kind);
  const post = asObject(first.data, postPath);
  const postComment = redditComment(post, postPath, 't3');
  const b = new ThreadBuilder(postComment.id, SOURCE);
  b.add(postComment);
  const more = emptyMore();
  const comments = listingChildren(top[1], '$[1]');
  walk(comments.items, comments.path, b, more);
  // A stub can list (or share its id with) a comment that is in the listing after all.
  more.ids = more.ids.filter((moreId) => !b.has(moreId));
  const meta: Record<string, unknown> = {};
  const subreddit = optStr(post, 'subreddit', postPath);
  if (subreddit !== undefined) meta.subreddit = subreddit;
  const numComments = optNum(post, 'num_comments', postPath);
  if (numComments !== undefined) meta.numComments = numComments;
  if (more.stubs > 0) meta.moreStubs = more;
  const thread = b.build(optStr(post, 'title', postPath), meta);
  return [isAskSubreddit(subreddit) ? markQuestionThread(thread, postComment.id) : thread];
}

/** Depth-first over nested listings, with an explicit stack so deep threads cannot overflow. */
function walk(items: unknown[], path: string, b: ThreadBuilder, more: MoreReport): void {
  const stack: { items: unknown[]; path: string; i: number }[] = [{ items, path, i: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.items.length) {
      stack.pop();
      continue;
    }
    const k = frame.i++;
    const thingPath = `${frame.path}[${k}]`;
    const thing = asObject(frame.items[k], thingPath);
    const data = asObject(thing.data, `${thingPath}.data`);
    if (thing.kind === 'more') {
      addMore(data, `${thingPath}.data`, more);
      continue;
    }
    if (thing.kind !== 't1') throw wrong(`${thingPath}.kind`, '"t1" or "more"', thing.kind);
    b.add(redditComment(data, `${thingPath}.data`, 't1'));
    const replies = data.replies;
    if (replies === '' || replies === undefined || replies === null) continue;
    const children = listingChildren(replies, `${thingPath}.data.replies`);
    stack.push({ items: children.items, path: children.path, i: 0 });
  }
}

function addMore(data: JsonObject, path: string, more: MoreReport): void {
  more.stubs++;
  more.count += optNum(data, 'count', path) ?? 0;
  const children = asArray(data.children ?? [], at(path, 'children'));
  if (children.length === 0 && str(data, 'id', path) === '_') more.continueThread++;
  children.forEach((c, i) => {
    if (typeof c !== 'string') throw wrong(`${path}.children[${i}]`, 'a string id', c);
    more.ids.push(fullname('t1', c));
  });
}

/** `/api/morechildren`: flat comments of one or more links, grouped by `link_id`. */
function readMoreChildren(value: unknown): Thread[] {
  const root = asObject(value, '$');
  const json = asObject(root.json, '$.json');
  const data = asObject(json.data, '$.json.data');
  const things = asArray(data.things, '$.json.data.things');
  const builders = new Map<string, { b: ThreadBuilder; more: MoreReport }>();
  const threadOf = new Map<string, string>(); // comment fullname -> link
  const stubs: { data: JsonObject; path: string }[] = [];
  things.forEach((t, i) => {
    const path = `$.json.data.things[${i}]`;
    const thing = asObject(t, path);
    const tdata = asObject(thing.data, `${path}.data`);
    if (thing.kind === 'more') {
      stubs.push({ data: tdata, path: `${path}.data` }); // stubs carry no link_id: placed by parent below
      return;
    }
    const link = str(tdata, 'link_id', `${path}.data`);
    let entry = builders.get(link);
    if (!entry) {
      entry = { b: new ThreadBuilder(link, SOURCE), more: emptyMore() };
      builders.set(link, entry);
    }
    threadOf.set(entry.b.add(redditComment(tdata, `${path}.data`, 't1')).id, link);
  });
  for (const stub of stubs) {
    const link = threadOf.get(str(stub.data, 'parent_id', stub.path)) ?? builders.keys().next().value;
    if (link === undefined) throw wrong(stub.path, 'a comment (this listing holds only "more" stubs)', stub.data);
    addMore(stub.data, stub.path, builders.get(link)!.more);
  }
  return [...builders.values()].map(({ b, more }) => b.build(undefined, more.stubs > 0 ? { moreStubs: more, partial: true } : { partial: true }));
}

function emptyMore(): MoreReport {
  return { stubs: 0, count: 0, ids: [], continueThread: 0 };
}

export const redditAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'json',
  detect,
  read: (value: unknown, ctx: ReadContext) => inFile(ctx, () => readReddit(value)),
};
