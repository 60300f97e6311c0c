/**
 * A thread copied from a web page in a browser (select all, copy, paste). The page's UI comes
 * along as lines of its own between the comments: buttons ("Reply", "Share"), counts ("123
 * points", "1 reply"), timestamps ("7 hr. ago", "10 Jun"), and a header per comment naming its
 * author. This reader finds the headers by the layouts sites print them in, and cuts each
 * comment from the end of its header to the start of the next one, less the chrome lines at
 * either end. Chrome is never rewritten out of a comment: a comment is one slice of the paste,
 * so a button in the middle of one stays (rare: the UI sits between comments).
 *
 * Layouts read (all from real copies, see fixtures/pastes/PROVENANCE.md):
 * - one-line headers: Hacker News `name 3 hours ago | parent | next [–]` (and its story line
 *   `8 points by name 32 minutes ago | hide | past`), old Reddit `[–]name 3 points 5 hours ago`;
 * - stacked headers, a timestamp line with the author's line beside it: new Reddit (`level 2`,
 *   `name`, `·`, `7 hr. ago`), Discourse (`10 Jun▶ replied-to`, `name`), Substack (`name`, `Nov 28`).
 *
 * Reply structure is taken only where the page prints it: Reddit's `level N`, Discourse's
 * `▶ name`, and HN's links (a comment without `parent` is top level, one with `parent` but not
 * `root` is a second-level reply). HN's indentation is lost on copy, so deeper HN replies, and
 * every other layout, reply to the previous comment: the honest default.
 */
import { isBlank, spanBetween, type Chunk, type Line } from './lines.js';

interface Header {
  /** First and last line of the header (a stacked header spans several). */
  first: number;
  last: number;
  author: string | null;
  /** Depth the page printed (Reddit `level N`, HN links), 0 for the post itself. */
  depth?: number;
  /** The author a Discourse post replies to (`▶ name`). */
  replyTo?: string;
  /** An HN story line: the lines above it are the page title, not a comment. */
  story?: boolean;
}

const AGO = String.raw`\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|[smhdwy]|mo)\.?\s+ago`;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = String.raw`(?:\d{1,2} ${MONTH}|${MONTH} \d{1,2})(?:,? \d{4}|\s'\d\d)?`;

/** `name 3 hours ago | parent | next [–]`: the links after the time say where the comment sits. */
const HN_COMMENT = new RegExp(String.raw`^\s*([\w-]{2,32}) (${AGO}|on ${MONTH} \d{1,2}, \d{4})((?: \| [^|]{1,40})*?)\s*(\[[–-]\]|\[\d+ more\])?\s*$`);
/** `8 points by name 32 minutes ago | hide | past | favorite | 10 comments`. */
const HN_STORY = new RegExp(String.raw`^\s*\d+ points? by ([\w-]{2,32}) (?:${AGO}|on ${MONTH} \d{1,2}, \d{4})(?: \| .*)?$`);
/** `[–]name 3 points 5 hours ago*` (old Reddit; a flair is glued to the name on copy). */
const OLD_REDDIT = new RegExp(String.raw`^\s*\[[–-]\](?:\[\d+\])?(\S+).*?(?:-?\d+ points?|score hidden).*?\b(?:${AGO})\*?(?:\s.*)?$`);
/** A line that is only a timestamp: `7 hr. ago`, `· 5h ago`, `10 Jun▶ name`, `Nov 28`, `Mar 4 '15`. */
const TIMESTAMP = new RegExp(String.raw`^\s*(?:[·•]\s*)?(?:${AGO}|${DATE}|just now)\s*(?:(?:▶|►)\s*(\S+))?\s*(?:[·•]\s*edited(?: ${AGO})?)?\s*$`, 'i');
const LEVEL = /^\s*level (\d{1,2})\s*$/i;
/** One handle, `u/name`, or a display name of up to four words with no sentence punctuation. */
const AUTHOR = /^\s*(?:u\/)?(?:[\w][\w.\-]{1,38}|\p{Lu}[\p{L}'’.-]*(?: [\p{L}][\p{L}'’.-]*){1,3})\s*$/u;

/** Buttons and labels a comment's UI prints, each on a line of its own. */
const BUTTONS = new Set([
  'reply', 'share', 'report', 'save', 'award', 'give award', 'permalink', 'embed', 'parent', 'context', 'edit', 'delete',
  'follow', 'like', 'liked', 'quote', 'copy link', 'upvote', 'downvote', 'vote', 'flag', 'bookmark', 'hide', 'more replies',
  'load more comments', 'continue this thread', 'view more comments', 'show more', 'read more', 'see more', 'user avatar',
  'avatar', 'op', 'continue discussion', 'next', 'prev', 'root', 'unvote', 'expand', 'collapse', 'more', 'translate',
]);
const COUNT = /^\s*(?:-?\d[\d,.]*[kKmM]?(?: (?:points?|votes?|upvotes?|likes?|replies|reply|comments?|children|child|more repl(?:y|ies)))?|\d+ repl(?:y|ies) by .{1,60}|like \(\d+\)|\(\d+ child(?:ren)?\)|level \d{1,2})\s*$/i;
/** Old Reddit's action row, glued on copy: `permalinkembedsaveparentreportreply`. */
const ACTION_ROW = /^\s*(?:(?:permalink|embed|save|unsave|parent|report|give ?award|reply|share|context|source|hide|delete|edit|full comments(?: \(\d+\))?)\s*)+$/i;
const MARKS = /^\s*(?:[·•|…]+|\.\.\.|\[[–-]\])\s*$/;

/**
 * Longest line read as chrome or a header: UI lines are short, and testing only short lines keeps
 * the patterns linear on a pasted megabyte of spaces.
 */
const SHORT = 160;

/** A line of page UI: a button, a count, a timestamp or a separator mark. */
export function isChrome(line: Line): boolean {
  if (line.text.length > SHORT) return false;
  const t = line.text.trim().toLowerCase();
  return BUTTONS.has(t) || COUNT.test(line.text) || ACTION_ROW.test(line.text) || MARKS.test(line.text) || TIMESTAMP.test(line.text);
}

function dropLine(line: Line): boolean {
  return isBlank(line) || isChrome(line);
}

/** The comments of a copied web page, or undefined when the paste does not read as one. */
export function chunkWebCopy(lines: Line[]): { chunks: Chunk[]; title?: string } | undefined {
  const headers = findHeaders(lines);
  if (!headers) return undefined;
  const chunks: Chunk[] = [];
  const seen: Seen = { byAuthor: new Map(), byDepth: new Map() };
  let title: string | undefined;
  const firstHeader = headers[0]!;
  const preamble = spanBetween(lines, 0, firstHeader.first - 1, dropLine);
  if (preamble && firstHeader.story) {
    // Above an HN story line is the page title; the story line starts the post.
    title = lines.slice(0, firstHeader.first).filter((l) => !dropLine(l)).at(-1)!.text.trim();
  } else if (preamble) {
    chunks.push({ ...preamble, author: null, parent: null });
    seen.byDepth.set(0, 0);
  }
  const root = chunks.length > 0 || firstHeader.story ? 0 : undefined;
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h]!;
    const end = (headers[h + 1]?.first ?? lines.length) - 1;
    const span = spanBetween(lines, header.last + 1, end, dropLine);
    const at = lines[header.last + 1]?.start ?? lines[header.last]!.end;
    chunks.push({ ...(span ?? { start: at, end: at }), author: header.author, parent: parentOf(header, chunks.length, seen, root) });
    const index = chunks.length - 1;
    if (header.author !== null) seen.byAuthor.set(header.author, index);
    if (header.depth !== undefined) seen.byDepth.set(header.depth, index);
  }
  return title === undefined ? { chunks } : { chunks, title };
}

/** The latest comment of each author and at each printed depth so far: a parent is looked up, not searched for. */
interface Seen {
  byAuthor: Map<string, number>;
  byDepth: Map<number, number>;
}

/** Where the comment after the first `count` chunks sits, from what its header printed; the previous comment when it printed nothing. */
function parentOf(header: Header, count: number, seen: Seen, root: number | undefined): number | null {
  const previous = count > 0 ? count - 1 : null;
  if (header.story) return null;
  if (header.replyTo !== undefined) return seen.byAuthor.get(header.replyTo) ?? previous;
  if (header.depth === undefined) return previous;
  if (header.depth <= 1) return root ?? null;
  return seen.byDepth.get(header.depth - 1) ?? previous;
}

/**
 * The comment headers, or undefined when there are too few to call the paste a web copy: two
 * one-line headers (their layout is specific), or two stacked ones beside some button or count
 * (a timestamp next to a name alone could be a diary).
 */
function findHeaders(lines: Line[]): Header[] | undefined {
  const oneLine: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = oneLineHeader(lines[i]!.text, i);
    if (header) oneLine.push(header);
  }
  if (oneLine.filter((h) => !h.story).length >= 2) return oneLine;
  const stacked = stackedHeaders(lines);
  if (stacked.length < 2) return undefined;
  const inside = new Set(stacked.flatMap((h) => range(h.first, h.last)));
  const ui = lines.filter((l, i) => !inside.has(i) && l.text.length <= SHORT && (BUTTONS.has(l.text.trim().toLowerCase()) || COUNT.test(l.text) || ACTION_ROW.test(l.text))).length;
  return ui >= 1 ? stacked : undefined;
}

function oneLineHeader(text: string, i: number): Header | undefined {
  if (text.length > SHORT) return undefined;
  const story = HN_STORY.exec(text);
  if (story) return { first: i, last: i, author: story[1]!, depth: 0, story: true };
  const hn = HN_COMMENT.exec(text);
  // The links or the [–] toggle tell an HN header from a sentence that happens to end in "ago".
  if (hn && (hn[3] || hn[4])) {
    const links = ` ${hn[3] ?? ''} `;
    const depth = !/\bparent\b/.test(links) ? 1 : /\broot\b/.test(links) ? undefined : 2;
    return depth === undefined ? { first: i, last: i, author: hn[1]! } : { first: i, last: i, author: hn[1]!, depth };
  }
  const old = OLD_REDDIT.exec(text);
  if (old) return { first: i, last: i, author: old[1]! };
  return undefined;
}

/**
 * Headers stacked over several lines around a timestamp line. Whether the author's line comes
 * before the timestamp (Reddit, Substack) or after it (Discourse) is decided once for the page,
 * by which side more timestamps have a name on: a page has one layout.
 */
function stackedHeaders(lines: Line[]): Header[] {
  // Anchors: timestamp lines, and Reddit's `OP` badge under the poster's name.
  const stamps: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.text.length <= SHORT && (TIMESTAMP.test(lines[i]!.text) || lines[i]!.text.trim() === 'OP')) stamps.push(i);
  const before = (t: number) => {
    let i = t - 1;
    while (i >= 0 && MARKS.test(lines[i]!.text)) i--;
    return i >= 0 && isAuthorLine(lines[i]!) ? i : undefined;
  };
  const after = (t: number) => (t + 1 < lines.length && isAuthorLine(lines[t + 1]!) ? t + 1 : undefined);
  const countBefore = stamps.filter((t) => before(t) !== undefined).length;
  const countAfter = stamps.filter((t) => after(t) !== undefined).length;
  const useAfter = countAfter > countBefore;
  const headers: Header[] = [];
  for (const t of stamps) {
    const badge = lines[t]!.text.trim() === 'OP';
    const name = useAfter && !badge ? after(t) : before(t);
    if (name === undefined || (headers.length > 0 && headers.at(-1)!.last >= Math.min(name, t))) continue;
    let first = Math.min(name, t);
    let level: number | undefined;
    // Reddit prints `level N` (after a `User avatar` line) just above the name.
    for (let i = first - 1; i >= 0 && i >= first - 2; i--) {
      const m = LEVEL.exec(lines[i]!.text);
      if (m) {
        level = Number(m[1]);
        first = i;
        break;
      }
      if (!isChrome(lines[i]!)) break;
    }
    if (first > 0 && lines[first - 1]!.text.trim().toLowerCase() === 'user avatar') first--;
    let last = Math.max(name, t);
    // An `OP` badge or a separator mark may follow the header.
    while (last + 1 < lines.length && (MARKS.test(lines[last + 1]!.text) || lines[last + 1]!.text.trim() === 'OP')) last++;
    const header: Header = { first, last, author: lines[name]!.text.trim().replace(/^u\//, '') };
    if (level !== undefined) header.depth = level;
    const replyTo = TIMESTAMP.exec(lines[t]!.text)?.[1];
    if (replyTo !== undefined) header.replyTo = replyTo;
    headers.push(header);
  }
  return headers;
}

function isAuthorLine(line: Line): boolean {
  return line.text.length <= SHORT && AUTHOR.test(line.text) && !isChrome(line) && !LEVEL.test(line.text);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
