/**
 * The publishing app's post page, as the app prints it: a `← @handle` line, the title, a publish
 * line (`published · May 11, 5:53 PM · ...`), then the sections Plan / Body / Caption / Pipeline /
 * Chat References, each under a heading line of its own. The Body and Caption are the post's
 * argument and become the thread's comments; the Plan (the drafter's brief) is kept as metadata.
 */
import { InputError } from '../../errors.js';
import type { Comment, Thread } from '../../schema/index.js';
import { stableId } from '../../util/hash.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import {
  ARGUMENT_SECTIONS,
  POST_SECTION_NAMES,
  type Post,
  type PostSection,
  type PostSectionName,
} from './post-schema.js';

interface Line {
  start: number;
  /** End of the content, before `\r\n` / `\n`. */
  end: number;
  text: string;
}

/** `← @handle` (the back arrow is optional; so is the `@`-less form the app never prints). */
const HANDLE_LINE = /^[ \t]*(?:←[ \t]*)?@([A-Za-z0-9_][\w.-]{0,63})[ \t]*$/;
/** A heading is a section name alone on its line, optionally with a parenthetical: `Plan (drafter input)`. */
const HEADING = /^(Plan|Body|Caption|Pipeline|Chat References)(?:[ \t]+\([^)\n]*\))?[ \t]*$/;
const STATUS_WORD = /^(published|draft|scheduled|queued|failed|archived|unpublished)\b/i;

/**
 * Reads a post page into a Post. Offsets index into `text` as given. Throws InputError (with the
 * line) when the text has no title or neither a Body nor a Caption section.
 */
export function parsePost(text: string, ctx: ReadContext = {}): Post {
  const lines = splitLines(text);
  const headings = findHeadings(lines);
  const firstHeading = headings[0]?.index ?? lines.length;
  const header = readHeader(lines.slice(0, firstHeading));
  const place = ctx.file ? { file: ctx.file } : {};
  if (header.title === null) {
    throw new InputError('not a post page: expected the post title before the first section', { ...place, line: 1 });
  }
  const sections: PostSection[] = headings.map((h, k) => {
    const contentEnd = headings[k + 1]?.index ?? lines.length;
    const span = trimBlankLines(lines, h.index + 1, contentEnd, text);
    const line = lines[h.index] as Line;
    return { name: h.name, heading: line.text.trim(), headingLine: h.index + 1, text: text.slice(span.start, span.end), ...span };
  });
  if (!sections.some((s) => ARGUMENT_SECTIONS.includes(s.name))) {
    throw new InputError('not a post page: expected a "Body" or "Caption" section heading on a line of its own', {
      ...place,
      line: firstHeading < lines.length ? firstHeading + 1 : 1,
    });
  }
  return {
    author: header.author,
    title: header.title,
    publishLine: header.publishLine,
    status: header.publishLine ? (STATUS_WORD.exec(header.publishLine)?.[1]?.toLowerCase() ?? null) : null,
    sections,
  };
}

/** The named section of a post, if the page has it. */
export function postSection(post: Post, name: PostSectionName): PostSection | undefined {
  return post.sections.find((s) => s.name === name);
}

/**
 * The post as a Thread: one comment per argument section (`body`, `caption`), both top-level
 * (neither answers the other). Each comment's `meta` says which section it is and where the
 * section starts in the page; the Plan, publish line and pipeline go to `thread.meta`.
 */
export function postToThread(post: Post, page: string): Thread {
  const comments: Comment[] = [];
  for (const section of post.sections) {
    if (!ARGUMENT_SECTIONS.includes(section.name)) continue;
    comments.push({
      id: section.name.toLowerCase(),
      parentId: null,
      author: post.author,
      text: section.text,
      meta: { section: section.name, pageOffset: section.start },
    });
  }
  const meta: Record<string, unknown> = { author: post.author, publishLine: post.publishLine, status: post.status };
  const plan = postSection(post, 'Plan');
  if (plan) meta.plan = plan.text;
  const pipeline = postSection(post, 'Pipeline');
  if (pipeline) meta.pipeline = pipeline.text;
  return { id: stableId('post', page), source: 'post', title: post.title, comments, meta };
}

/**
 * Recognises a post page cheaply: the first non-blank line is a `← @handle` line, and a `Body` or
 * `Caption` heading stands on a line of its own further down.
 */
export function looksLikePostPage(text: string): boolean {
  const head = text.slice(0, 256).replace(/^\s+/, '');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (!HANDLE_LINE.test(firstLine)) return false;
  return /(?:^|\n)[ \t]*(?:Body|Caption)[ \t]*\r?(?:\n|$)/.test(text);
}

/** `--from post`: a publishing-app post page, one thread. */
export const postPageAdapter: FormatAdapter = {
  name: 'post',
  kind: 'text',
  detect: looksLikePostPage,
  read: (text, ctx) => [postToThread(parsePost(text, ctx), text)],
};

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const isBlank = (line: Line) => line.text.trim() === '';

/**
 * Heading lines, in page order. A section name is taken as a heading only after a blank line (or
 * at the top) and only when it comes later in the app's order than the heading before it, so a
 * paragraph that happens to read "Plan" inside the Body is not mistaken for one.
 */
function findHeadings(lines: Line[]): { index: number; name: PostSectionName }[] {
  const found: { index: number; name: PostSectionName }[] = [];
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const m = HEADING.exec(line.text.trim());
    if (!m) continue;
    const order = POST_SECTION_NAMES.indexOf(m[1] as PostSectionName);
    const prev = lines[i - 1];
    if (order <= last || (prev !== undefined && !isBlank(prev))) continue;
    found.push({ index: i, name: m[1] as PostSectionName });
    last = order;
  }
  return found;
}

function readHeader(lines: Line[]): { author: string | null; title: string | null; publishLine: string | null } {
  const filled = lines.filter((l) => !isBlank(l)).map((l) => l.text.trim());
  let k = 0;
  const handle = filled[0] !== undefined ? HANDLE_LINE.exec(filled[0]) : null;
  const author = handle ? (handle[1] as string) : null;
  if (handle) k++;
  const title = filled[k] ?? null;
  const rest = filled.slice(k + 1);
  // The publish line is the `·`-separated status line; without one, the line after the title.
  const publishLine = rest.find((l) => l.includes('·') || STATUS_WORD.test(l)) ?? rest[0] ?? null;
  return { author, title, publishLine };
}

/** The span of lines [from, to) without blank lines at either edge or trailing spaces. */
function trimBlankLines(lines: Line[], from: number, to: number, text: string): { start: number; end: number } {
  let a = from;
  let b = to;
  while (a < b && isBlank(lines[a] as Line)) a++;
  while (b > a && isBlank(lines[b - 1] as Line)) b--;
  if (a >= b) {
    const at = (lines[from - 1] as Line).end;
    return { start: at, end: at };
  }
  let end = (lines[b - 1] as Line).end;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { start: (lines[a] as Line).start, end };
}
