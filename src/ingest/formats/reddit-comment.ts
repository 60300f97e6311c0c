/**
 * One Reddit comment (`t1` data, a morechildren thing or a Pushshift line) to a Comment. Shared
 * by the Reddit and Pushshift adapters, which read the same fields in different containers.
 */
import type { Comment } from '../../schema/index.js';
import { decodeEntities, htmlToText, markdownToText, type MarkupResult } from '../markup/index.js';
import { id, optBool, optNum, optStr, str, wrong, at, type JsonObject } from './fields.js';
import { makeComment } from './thread-builder.js';
import { optTime } from './time.js';

const DELETED = '[deleted]';
const REMOVED = '[removed]';

/** A fullname (`t1_abc`) for a bare id and its kind prefix; fullnames are kept as they are. */
export function fullname(prefix: 't1' | 't3', value: string): string {
  return /^t\d_/.test(value) ? value : `${prefix}_${value}`;
}

/**
 * The text of a body: `body` is Markdown with `& < >` escaped once (so quotes arrive as `&gt;`);
 * `body_html` is HTML escaped a second time, so it is unescaped once and then read as HTML.
 */
export function redditMarkup(o: JsonObject, path: string, field: 'body' | 'selftext'): MarkupResult | null {
  const md = optStr(o, field, path);
  if (md !== undefined) return markdownToText(md, { entities: true });
  const html = optStr(o, `${field}_html`, path);
  if (html !== undefined) return htmlToText(decodeEntities(html));
  return null;
}

/**
 * Reddit marks deletion with sentinel strings: `[deleted]`/`[removed]` bodies are tombstones,
 * while `author: "[deleted]"` with a real body is a deleted *account* whose words stay.
 */
export function redditComment(o: JsonObject, path: string, kind: 't1' | 't3'): Comment {
  const commentId = fullname(kind, optStr(o, 'name', path) ?? id(o, 'id', path));
  const field = kind === 't1' ? 'body' : 'selftext';
  const rawAuthor = optStr(o, 'author', path) ?? null;
  const body = o[field];
  if (kind === 't1' && body === undefined && o.body_html === undefined) throw wrong(at(path, 'body'), 'a string', body);
  const removed = body === REMOVED;
  const deleted = body === DELETED || removed;
  const meta: Record<string, unknown> = {};
  if (removed) meta.removed = true;
  if (rawAuthor === DELETED && !deleted) meta.authorDeleted = true;
  const score = optNum(o, 'score', path);
  if (score !== undefined) meta.score = score;
  const edited = o.edited;
  if (typeof edited === 'number') meta.editedAt = optTime(o, 'edited', path);
  else if (edited !== undefined && edited !== null) optBool(o, 'edited', path);
  if (kind === 't3') {
    const url = optStr(o, 'url', path);
    if (url !== undefined) meta.url = url;
  }
  const parent = kind === 't1' ? str(o, 'parent_id', path) : null;
  return makeComment(
    {
      id: commentId,
      parentId: parent,
      author: rawAuthor === DELETED ? null : rawAuthor,
      createdAt: optTime(o, 'created_utc', path) ?? optTime(o, 'created', path),
      deleted,
      meta,
    },
    deleted ? null : redditMarkup(o, path, field),
  );
}
