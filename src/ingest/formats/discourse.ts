/**
 * Discourse topic JSON: `GET /t/{id}.json` (with title and the full `post_stream.stream`),
 * `GET /t/{id}/posts.json` (posts only) and `GET /posts.json` (`latest_posts` of many topics).
 *
 * Comment ids are the global post ids. `reply_to_post_number` names a post *number* in the same
 * topic (null: a reply to the topic, read as a reply to post 1). Quote asides name the quoted
 * post by number (`data-post`) and topic (`data-topic`): quotes of this topic point at the
 * quoted comment. Link previews (onebox asides) are not quotes. Moderator and small-action
 * posts (post_type 2 and 3, "closed the topic") are kept but flagged, since they are not
 * arguments. Posts listed in `post_stream.stream` but not loaded are reported in
 * `meta.notLoaded`. Posts are read in `post_number` order whatever order the endpoint used
 * (`?post_number=N` windows come newest first).
 */
import type { Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { htmlToText, markdownToText, type MarkupResult } from '../markup/index.js';
import { asArray, asObject, at, id, inFile, isObject, num, optId, optBool, optNum, optStr, wrong, type JsonObject } from './fields.js';
import { ThreadBuilder, makeComment } from './thread-builder.js';
import { optTime } from './time.js';

const SOURCE = 'discourse';
/** post_type values that are forum actions, not people's posts. */
const ACTION_TYPES = new Set([2, 3]);

function isPostLike(value: unknown): boolean {
  return isObject(value) && 'post_number' in value && ('cooked' in value || 'raw' in value);
}

function detect(value: unknown): boolean {
  if (!isObject(value)) return false;
  const stream = value.post_stream;
  if (isObject(stream) && Array.isArray(stream.posts)) return stream.posts.length === 0 || isPostLike(stream.posts[0]);
  return Array.isArray(value.latest_posts) && value.latest_posts.length > 0 && isPostLike(value.latest_posts[0]);
}

interface TopicPosts {
  topicId: string;
  title?: string;
  createdAt?: string;
  posts: { post: JsonObject; path: string }[];
  stream?: unknown[];
}

/** Reads a Discourse export into one thread per topic. */
export function readDiscourse(value: unknown): Thread[] {
  const root = asObject(value, '$');
  return groupTopics(root).map(readTopic);
}

function groupTopics(root: JsonObject): TopicPosts[] {
  if (root.post_stream !== undefined) {
    const stream = asObject(root.post_stream, '$.post_stream');
    const posts = asArray(stream.posts, '$.post_stream.posts').map((p, i) => {
      const path = `$.post_stream.posts[${i}]`;
      return { post: asObject(p, path), path };
    });
    // `?post_number=N` windows list posts newest first; a thread reads in post order.
    if (posts.some((p, i) => i > 0 && postNumber(p.post, p.path) < postNumber(posts[i - 1]!.post, posts[i - 1]!.path))) {
      posts.sort((a, b) => postNumber(a.post, a.path) - postNumber(b.post, b.path));
    }
    const topicId = (root.id !== undefined ? id(root, 'id', '$') : undefined) ?? (posts[0] ? optId(posts[0].post, 'topic_id', posts[0].path) : undefined) ?? 'topic';
    const topic: TopicPosts = { topicId, posts };
    const title = optStr(root, 'title', '$');
    if (title !== undefined) topic.title = title;
    const createdAt = optTime(root, 'created_at', '$');
    if (createdAt !== undefined) topic.createdAt = createdAt;
    if (stream.stream !== undefined) topic.stream = asArray(stream.stream, '$.post_stream.stream');
    return [topic];
  }
  const byTopic = new Map<string, TopicPosts>();
  asArray(root.latest_posts, '$.latest_posts').forEach((p, i) => {
    const path = `$.latest_posts[${i}]`;
    const post = asObject(p, path);
    const topicId = id(post, 'topic_id', path);
    let topic = byTopic.get(topicId);
    if (!topic) {
      topic = { topicId, posts: [] };
      const title = optStr(post, 'topic_title', path);
      if (title !== undefined) topic.title = title;
      byTopic.set(topicId, topic);
    }
    topic.posts.push({ post, path });
  });
  // /posts.json lists newest first; a thread reads oldest first.
  for (const topic of byTopic.values()) topic.posts.sort((a, b) => postNumber(a.post, a.path) - postNumber(b.post, b.path));
  return [...byTopic.values()];
}

function postNumber(post: JsonObject, path: string): number {
  return num(post, 'post_number', path);
}

function readTopic(topic: TopicPosts): Thread {
  const b = new ThreadBuilder(topic.topicId, SOURCE);
  const idByNumber = new Map<number, string>();
  for (const { post, path } of topic.posts) idByNumber.set(postNumber(post, path), id(post, 'id', path));
  const opening = idByNumber.get(1) ?? null;
  const actions: string[] = [];

  for (const { post, path } of topic.posts) {
    const commentId = id(post, 'id', path);
    const number = postNumber(post, path);
    const replyTo = optNum(post, 'reply_to_post_number', path);
    const postType = optNum(post, 'post_type', path) ?? 1;
    const deleted = optStr(post, 'deleted_at', path) !== undefined || optBool(post, 'user_deleted', path) === true;
    let parentId: string | null = null;
    if (replyTo !== undefined) parentId = idByNumber.get(replyTo) ?? null;
    else if (number !== 1) parentId = opening;

    const meta: Record<string, unknown> = { postNumber: number, postType };
    if (replyTo !== undefined) meta.replyToPostNumber = replyTo;
    if (optBool(post, 'hidden', path)) meta.hidden = true;
    if (optBool(post, 'user_deleted', path)) meta.userDeleted = true;
    const name = optStr(post, 'name', path);
    if (name) meta.name = name;
    const score = optNum(post, 'score', path);
    if (score !== undefined) meta.score = score;
    const updatedAt = optTime(post, 'updated_at', path);
    if (updatedAt !== undefined) meta.updatedAt = updatedAt;
    if (ACTION_TYPES.has(postType)) {
      meta.action = true;
      actions.push(commentId);
    }
    if (postType === 4) meta.whisper = true;

    const markup = deleted ? null : postMarkup(post, path, number === 1);
    if (markup?.embedUrl !== undefined) meta.embedUrl = markup.embedUrl;
    if (markup && markup.quotes.length > 0) {
      meta.quoteRefs = markup.quotes.map((q) => ({ postNumber: q.sourceRef ?? null, topicId: q.sourceTopic ?? null }));
    }
    const comment = makeComment(
      { id: commentId, parentId, author: optStr(post, 'username', path) ?? null, createdAt: optTime(post, 'created_at', path), deleted, meta },
      markup,
      (q) => {
        if (q.sourceRef === undefined || (q.sourceTopic !== undefined && q.sourceTopic !== topic.topicId)) return null;
        return idByNumber.get(Number(q.sourceRef)) ?? null;
      },
    );
    b.add(comment);
    if (replyTo !== undefined && parentId === null) b.noteMissingParent(commentId, `post_number:${replyTo}`);
  }

  const meta: Record<string, unknown> = { topicId: topic.topicId };
  if (topic.createdAt) meta.createdAt = topic.createdAt;
  if (actions.length > 0) meta.actions = { count: actions.length, ids: actions };
  if (topic.stream) {
    const notLoaded = topic.stream.map(String).filter((s) => !b.has(s));
    if (notLoaded.length > 0) meta.notLoaded = { count: notLoaded.length, ids: notLoaded };
  }
  return b.build(topic.title, meta);
}

/**
 * The notice Discourse appends to the opening post of a topic it made for a page elsewhere (comments
 * embedded in a blog: `TopicEmbed.imported_from_html`): a rule, then in small print "This is a
 * companion discussion topic for the original entry at" and a link to the page, in the forum's
 * language. It is the forum's words, not the poster's; replies discuss the page, not the notice.
 */
const EMBED_NOTICE = /<hr\s*\/?>\s*<small>[^<]*<a\s+href=(["'])([^"']+)\1[^>]*>[^<]*<\/a>\s*<\/small>\s*$/i;

/**
 * `cooked` HTML when present, else the markdown `raw` (with its `[quote]` blocks). In the opening
 * post, an embedded topic's notice is left out of the text and its page's address returned.
 */
function postMarkup(post: JsonObject, path: string, opening: boolean): MarkupResult & { embedUrl?: string } {
  const cooked = optStr(post, 'cooked', path);
  const notice = cooked !== undefined && opening ? EMBED_NOTICE.exec(cooked) : null;
  if (notice) return { ...htmlToText(cooked!.slice(0, notice.index)), embedUrl: notice[2]! };
  if (cooked !== undefined) return htmlToText(cooked);
  const raw = optStr(post, 'raw', path);
  if (raw !== undefined) return markdownToText(raw);
  throw wrong(at(path, 'cooked'), 'a string (cooked HTML or raw markdown)', post.cooked);
}

export const discourseAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'json',
  detect,
  read: (value: unknown, ctx: ReadContext) => inFile(ctx, () => readDiscourse(value)),
};
