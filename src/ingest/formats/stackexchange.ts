/**
 * Stack Exchange data dump XML: `Posts.xml` (`<row>` attributes: `Id`, `PostTypeId` 1 question /
 * 2 answer, `ParentId`, `Body` HTML, `OwnerUserId` missing for deleted users, `CreationDate`
 * ISO without a zone = UTC) and `Comments.xml` (`PostId`, `Text` in a mini-Markdown; a leading `@Name` names whom it answers, kept in `meta.replyToName`). Either file, or
 * both concatenated, reads as one thread per question: answers reply to their question,
 * comments to their post (comment ids get a `c` prefix: they are numbered apart from posts).
 * Tag-wiki rows (PostTypeId 4, 5) and other non-thread posts are skipped and counted in
 * `meta.skippedRows`. The file starts with a byte-order mark and uses CRLF; rows are read in one
 * linear pass without an XML library.
 */
import { InputError } from '../../errors.js';
import type { Comment, Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { decodeEntities, htmlToText, markdownToText } from '../markup/index.js';
import { lineAndColumn } from '../parse-json.js';
import { ThreadBuilder, makeComment } from './thread-builder.js';
import { toIso } from './time.js';

const SOURCE = 'stackexchange';
const QUESTION = '1';
const ANSWER = '2';

/** The XML prolog a dump may open with: declaration, doctype (re-exported dumps), comments. */
const PROLOG = /^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:posts|comments)>/;

function detect(text: string): boolean {
  const head = text.slice(0, 2000);
  return PROLOG.test(head) && head.includes('<row');
}

/**
 * Comments use a mini-Markdown: links, bold, italic, code and `[tag:x]` / `[meta-tag:x]` links.
 * Tag links become the tag name, then the rest is read as inline Markdown.
 */
function commentMarkup(text: string) {
  return markdownToText(text.replace(/\[(?:meta-)?tag:([^\]\s]+)\]/g, '$1'));
}

/** `@Name` at the start of a comment names whom it answers (a display name, often abbreviated). */
function replyToName(text: string): string | undefined {
  return /^\s*@([\p{L}\p{N}_.-]+)/u.exec(text)?.[1];
}

type Attrs = Map<string, string>;
interface Row {
  section: 'posts' | 'comments';
  attrs: Attrs;
  offset: number;
}

const MARKUP = /<(posts|comments)\b[^>]*>|<row\b/g;
const ATTR = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/y;
const ROW_END = /\s*\/?>/y;

/** Every `<row>` with its attributes (decoded once) and the section it is in. */
export function readRows(xml: string, ctx: ReadContext = {}): Row[] {
  const rows: Row[] = [];
  let section: Row['section'] | undefined;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(xml); m !== null; m = MARKUP.exec(xml)) {
    if (m[1]) {
      section = m[1] as Row['section'];
      continue;
    }
    const place = () => ({ ...ctx, ...lineAndColumn(xml, m!.index) });
    if (!section) throw new InputError('a <row> outside <posts> or <comments>', place());
    const attrs: Attrs = new Map();
    let k = m.index + 4;
    for (;;) {
      ATTR.lastIndex = k;
      const a = ATTR.exec(xml);
      if (!a) break;
      attrs.set(a[1]!, decodeEntities(a[2]!));
      k = ATTR.lastIndex;
    }
    ROW_END.lastIndex = k;
    if (!ROW_END.test(xml)) throw new InputError('malformed <row>: expected Name="value" attributes and />', place());
    MARKUP.lastIndex = ROW_END.lastIndex;
    rows.push({ section, attrs, offset: m.index });
  }
  return rows;
}

function required(row: Row, name: string, xml: string, ctx: ReadContext): string {
  const v = row.attrs.get(name);
  if (v === undefined || v === '') throw new InputError(`<row> has no ${name} attribute`, { ...ctx, ...lineAndColumn(xml, row.offset), path: `@${name}` });
  return v;
}

function author(row: Row, idKey: string, nameKey: string): string | null {
  return row.attrs.get(nameKey) ?? (row.attrs.get(idKey) !== undefined ? `user${row.attrs.get(idKey)}` : null);
}

/** Reads Posts.xml and/or Comments.xml text into one thread per question. */
export function readStackExchange(xml: string, ctx: ReadContext = {}): Thread[] {
  const rows = readRows(xml, ctx);
  const builders = new Map<string, ThreadBuilder>();
  const titles = new Map<string, string>();
  const threadOfPost = new Map<string, string>();
  const skipped: Record<string, number> = {};
  const builder = (threadId: string): ThreadBuilder => {
    let b = builders.get(threadId);
    if (!b) builders.set(threadId, (b = new ThreadBuilder(threadId, SOURCE)));
    return b;
  };
  const time = (row: Row): string | undefined => {
    const v = row.attrs.get('CreationDate');
    if (v === undefined) return undefined;
    const iso = toIso(v);
    if (iso === undefined) throw new InputError(`CreationDate is not a date: ${JSON.stringify(v)}`, { ...ctx, ...lineAndColumn(xml, row.offset), path: '@CreationDate' });
    return iso;
  };

  for (const row of rows) {
    if (row.section !== 'posts') continue;
    const postId = required(row, 'Id', xml, ctx);
    const type = required(row, 'PostTypeId', xml, ctx);
    if (type !== QUESTION && type !== ANSWER) {
      skipped[`PostTypeId ${type}`] = (skipped[`PostTypeId ${type}`] ?? 0) + 1;
      continue;
    }
    const threadId = type === QUESTION ? postId : required(row, 'ParentId', xml, ctx);
    threadOfPost.set(postId, threadId);
    const meta: Record<string, unknown> = { postType: type === QUESTION ? 'question' : 'answer' };
    const score = row.attrs.get('Score');
    if (score !== undefined) meta.score = Number(score);
    const tags = row.attrs.get('Tags');
    if (tags) meta.tags = tags.match(/[^<>|]+/g) ?? [];
    const accepted = row.attrs.get('AcceptedAnswerId');
    if (accepted) meta.acceptedAnswerId = accepted;
    if (row.attrs.get('OwnerUserId') === undefined) meta.ownerDeleted = true;
    const comment = makeComment(
      { id: postId, parentId: type === QUESTION ? null : threadId, author: author(row, 'OwnerUserId', 'OwnerDisplayName'), createdAt: time(row), meta },
      htmlToText(row.attrs.get('Body') ?? ''),
    );
    const b = builder(threadId);
    if (type === QUESTION) {
      b.addFirst(comment);
      const title = row.attrs.get('Title');
      if (title !== undefined) titles.set(threadId, title);
    } else b.add(comment);
  }
  for (const row of rows) {
    if (row.section !== 'comments') continue;
    const postId = required(row, 'PostId', xml, ctx);
    const text = row.attrs.get('Text') ?? '';
    const meta: Record<string, unknown> = { postType: 'comment' };
    const replyTo = replyToName(text);
    if (replyTo !== undefined) meta.replyToName = replyTo;
    const comment: Comment = makeComment(
      { id: `c${required(row, 'Id', xml, ctx)}`, parentId: postId, author: author(row, 'UserId', 'UserDisplayName'), createdAt: time(row), meta },
      commentMarkup(text),
    );
    builder(threadOfPost.get(postId) ?? postId).add(comment);
  }
  if (builders.size === 0) throw new InputError('no questions, answers or comments in the dump', ctx);
  const skippedRows = Object.keys(skipped).length > 0 ? skipped : undefined;
  return [...builders.entries()].map(([threadId, b], i) =>
    b.build(titles.get(threadId), i === 0 && skippedRows ? { questionIncluded: b.has(threadId), skippedRows } : { questionIncluded: b.has(threadId) }),
  );
}

export const stackExchangeAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'text',
  detect,
  read: (text: string, ctx: ReadContext) => readStackExchange(text, ctx),
};
