/**
 * Mastodon (and Pleroma/Akkoma) statuses: a status context `{ancestors, descendants}` (optionally
 * with the focal `status` beside them), a single status, or an array of statuses. Descendants
 * are a flat list in thread order, so the tree comes from `in_reply_to_id`; deleted statuses
 * vanish, leaving replies with a dangling parent (reported in `meta.missing`). Ids are opaque
 * strings (alphanumeric on Akkoma). An embedded `quote` (Akkoma, Mastodon 4.5) is shown as a
 * `> ` passage after the text, pointing at the quoted status. A content warning goes to
 * `meta.contentWarning`.
 */
import type { Comment, Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { decodeEntities, htmlToText, plainToText, type MarkupResult, type QuoteMark } from '../markup/index.js';
import { asArray, asObject, id, inFile, isObject, optId, optStr, type JsonObject } from './fields.js';
import { ThreadBuilder, makeComment } from './thread-builder.js';
import { optTime } from './time.js';

const SOURCE = 'mastodon';

function isStatus(value: unknown): value is JsonObject {
  return isObject(value) && 'id' in value && isObject(value.account) && typeof value.content === 'string' && typeof value.created_at === 'string';
}

function detect(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && isStatus(value[0]);
  if (!isObject(value)) return false;
  if (Array.isArray(value.ancestors) && Array.isArray(value.descendants)) return true;
  return isStatus(value);
}

/**
 * Pleroma and bridges can send plain text; anything with a tag is read as HTML. Plain text still
 * arrives HTML-escaped (`&amp;`), so its entities are decoded once and its line breaks kept.
 */
function contentMarkup(content: string): MarkupResult {
  return /<[a-zA-Z/]/.test(content) ? htmlToText(content) : plainToText(decodeEntities(content));
}

/**
 * A deleted status: an ActivityPub Tombstone (`type: "Tombstone"`, as Pleroma/Akkoma may list one
 * in a thread) or a status with neither account nor content left.
 */
function isTombstone(o: JsonObject): boolean {
  return o.type === 'Tombstone' || ((o.account === undefined || o.account === null) && typeof o.content !== 'string');
}

/** Appends the quoted status as a `> ` passage and records it as a quote of that status. */
function withQuote(m: MarkupResult, quoted: MarkupResult, source: { id: string; author?: string }): MarkupResult {
  if (quoted.text === '') return m;
  const sep = m.text === '' ? '' : '\n\n';
  const start = m.text.length + sep.length;
  const body = quoted.text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
  const mark: QuoteMark = { start, end: start + body.length, sourceRef: source.id };
  if (source.author !== undefined) mark.sourceAuthor = source.author;
  return { text: m.text + sep + body, quotes: [...m.quotes, mark], code: m.code };
}

function quotedStatus(o: JsonObject): JsonObject | undefined {
  const q = o.quote;
  if (!isObject(q)) return undefined;
  if (isObject(q.quoted_status)) return q.quoted_status; // Mastodon 4.5 quote object
  return typeof q.content === 'string' ? q : undefined;
}

function acct(o: JsonObject, path: string): string | null {
  if (o.account === undefined || o.account === null) return null;
  const account = asObject(o.account, `${path}.account`);
  return optStr(account, 'acct', `${path}.account`) ?? optStr(account, 'username', `${path}.account`) ?? null;
}

function toComment(status: JsonObject, path: string): Comment {
  if (isTombstone(status)) {
    const parentId = optId(status, 'in_reply_to_id', path) ?? optId(status, 'inReplyTo', path) ?? null;
    return makeComment({ id: id(status, 'id', path), parentId, author: null, createdAt: optTime(status, 'created_at', path), deleted: true, meta: { tombstone: true } }, null);
  }
  // A boost wraps the boosted status: read the boosted words, remember who boosted.
  const boosted = isObject(status.reblog) ? status.reblog : undefined;
  const o = boosted ?? status;
  const opath = boosted ? `${path}.reblog` : path;
  const meta: Record<string, unknown> = {};
  if (boosted) meta.boostedBy = acct(status, path);
  const cw = optStr(o, 'spoiler_text', opath);
  if (cw) meta.contentWarning = cw;
  const editedAt = optTime(o, 'edited_at', opath);
  if (editedAt !== undefined) meta.editedAt = editedAt;
  const visibility = optStr(o, 'visibility', opath);
  if (visibility !== undefined) meta.visibility = visibility;
  const url = optStr(o, 'url', opath) ?? optStr(o, 'uri', opath);
  if (url !== undefined) meta.url = url;
  let markup = contentMarkup(optStr(o, 'content', opath) ?? '');
  const quoted = quotedStatus(o);
  if (quoted) {
    const qpath = isObject(o.quote) && isObject(o.quote.quoted_status) ? `${opath}.quote.quoted_status` : `${opath}.quote`;
    const author = acct(quoted, qpath);
    markup = withQuote(markup, contentMarkup(optStr(quoted, 'content', qpath) ?? ''), author === null ? { id: id(quoted, 'id', qpath) } : { id: id(quoted, 'id', qpath), author });
  }
  const comment = makeComment(
    { id: id(status, 'id', path), parentId: optId(o, 'in_reply_to_id', opath) ?? null, author: acct(o, opath), createdAt: optTime(status, 'created_at', path), meta },
    markup,
    (q) => q.sourceRef ?? null,
  );
  return comment;
}

/** Reads Mastodon statuses into one thread. */
export function readMastodon(value: unknown): Thread[] {
  const statuses: { o: JsonObject; path: string }[] = [];
  const push = (items: unknown[], path: string) => items.forEach((s, i) => statuses.push({ o: asObject(s, `${path}[${i}]`), path: `${path}[${i}]` }));
  if (Array.isArray(value)) push(value, '$');
  else {
    const root = asObject(value, '$');
    if (Array.isArray(root.ancestors) || Array.isArray(root.descendants)) {
      push(asArray(root.ancestors ?? [], '$.ancestors'), '$.ancestors');
      if (root.status !== undefined) statuses.push({ o: asObject(root.status, '$.status'), path: '$.status' });
      push(asArray(root.descendants ?? [], '$.descendants'), '$.descendants');
    } else statuses.push({ o: root, path: '$' });
  }
  const comments = statuses.map(({ o, path }) => toComment(o, path));
  const root = comments.find((c) => c.parentId === null) ?? comments[0];
  const b = new ThreadBuilder(root?.id ?? 'mastodon', SOURCE);
  for (const c of comments) b.add(c);
  return [b.build(undefined, {})];
}

export const mastodonAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'json',
  detect,
  read: (value: unknown, ctx: ReadContext) => inFile(ctx, () => readMastodon(value)),
};
