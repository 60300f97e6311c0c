/**
 * segment: each comment's text, less the passages dedupe set aside, into sentences with exact
 * offsets, and its quoted passages (`> ` lines, or the quotes an adapter recorded) kept apart:
 * a quote is evidence of what a reply targets, not a unit of the reply.
 */
import type { Thread } from '../schema/index.js';
import { clauseSpans } from './clauses.js';
import { sentenceSpans } from './sentences.js';
import { isSpaceCode } from '../util/chars.js';

export type LineKind = 'text' | 'list-item' | 'heading';

export interface Sentence {
  commentIndex: number;
  start: number;
  end: number;
  text: string;
  /**
   * Index of the paragraph within the comment. A comment that separates paragraphs with blank lines
   * is read as Markdown reads it: a single newline is a soft break inside a paragraph. In a comment
   * with no blank line at all (a paste of lines) every line is a paragraph.
   */
  paragraph: number;
  /** Position of the sentence within its comment (0-based). */
  position: number;
  /** How the line it sits on reads: a list item, a heading line, or running text. */
  lineKind: LineKind;
  /** True for the only sentence of its line. */
  wholeLine: boolean;
  /** Position of this clause within its sentence: 0 for a sentence's first (or only) clause. */
  clause: number;
  /** The quote passage just before this sentence's paragraph in the same comment, if any. */
  afterQuote?: number;
}

export interface QuotePassage {
  commentIndex: number;
  start: number;
  end: number;
  /** The quoted words, without the `> ` markers. */
  text: string;
  /** The quoted comment, when the source format named it. */
  sourceCommentId?: string | null;
}

export interface Segmentation {
  sentences: Sentence[];
  quotes: QuotePassage[];
}

const QUOTE_MARK = /^[ \t]*>[ \t]?/;
const FENCE = /^[ \t]*(```|~~~)/;
const LIST_MARK = /^[ \t]*(?:[-*+•‣◦]|\d{1,3}[.)]|\(?[a-z][.)])[ \t]+/;
const HEADING_MARK = /^[ \t]*#{1,6}[ \t]+/;

export function segment(thread: Thread, setAside: Array<Array<[number, number]>>): Segmentation {
  const sentences: Sentence[] = [];
  const quotes: QuotePassage[] = [];
  thread.comments.forEach((comment, commentIndex) => {
    segmentComment(comment.text, commentIndex, comment.parentId === null, setAside[commentIndex] ?? [], comment.quotes ?? [], sentences, quotes);
  });
  return { sentences, quotes };
}

/** Two lines of text with a blank line between them (a blank line at the end separates nothing). */
const SEPARATED_PARAGRAPHS = /\S[ \t]*\r?\n[ \t]*\r?\n\s*\S/;

function segmentComment(
  text: string,
  commentIndex: number,
  isRoot: boolean,
  aside: Array<[number, number]>,
  recorded: NonNullable<Thread['comments'][number]['quotes']>,
  sentences: Sentence[],
  quotes: QuotePassage[],
): void {
  let position = 0;
  let paragraph = -1;
  let lines = 0;
  const softBreaks = SEPARATED_PARAGRAPHS.test(text);
  // Whether a paragraph ended since the last text line: a blank line, a quote, code or a set-aside copy.
  let broken = true;
  let previousKind: LineKind | undefined;
  let inFence = false;
  let openQuote: QuotePassage | undefined;
  let lastQuote: number | undefined;
  let asideIndex = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1) nl = text.length;
    const lineEnd = nl;
    const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 16));
    // Each line mark needs its own first character after the indent: most lines try none of the patterns.
    const mark = firstMarkChar(head);
    while (asideIndex < aside.length && aside[asideIndex]![1] <= lineStart) asideIndex++;
    const range = aside[asideIndex];
    const indent = leadingSpace(text, lineStart, lineEnd);
    const setAsideLine = range !== undefined && range[0] <= lineStart + indent && range[1] >= trimEnd(text, lineStart, lineEnd);

    if ((mark === 96 || mark === 126) && FENCE.test(head)) {
      inFence = !inFence;
      broken = true;
    } else if (inFence || setAsideLine) {
      // code and set-aside copies make no units
      broken = true;
    } else if (mark === 62 && QUOTE_MARK.test(head)) {
      broken = true;
      const body = lineStart + QUOTE_MARK.exec(head)![0].length;
      const words = text.slice(body, lineEnd).trimEnd();
      if (openQuote) {
        openQuote.end = trimEnd(text, lineStart, lineEnd);
        openQuote.text += words ? ` ${words}` : '';
      } else {
        openQuote = { commentIndex, start: lineStart + leadingSpace(text, lineStart, lineEnd), end: trimEnd(text, lineStart, lineEnd), text: words };
        const source = recorded.find((q) => q.start <= openQuote!.start + 2 && q.end >= openQuote!.start);
        if (source?.sourceCommentId) openQuote.sourceCommentId = source.sourceCommentId;
        quotes.push(openQuote);
        lastQuote = quotes.length - 1;
      }
    } else if (lineStart + indent < lineEnd) {
      openQuote = undefined;
      // Hard-wrapped text (an email, a terminal paste) carries on across the newline: read the
      // wrapped lines as one, as Markdown renders them.
      let end = lineEnd;
      let physical = lineStart;
      while (nl < text.length && wrapsInto(text, physical, nl, aside, asideIndex)) {
        physical = nl + 1;
        nl = text.indexOf('\n', physical);
        if (nl === -1) nl = text.length;
        end = nl;
      }
      let from = lineStart;
      let lineKind: LineKind = 'text';
      const list = mayOpenList(mark) ? LIST_MARK.exec(head) : null;
      const heading = mark === 35 ? HEADING_MARK.exec(head) : null;
      if (heading) {
        from += heading[0].length;
        lineKind = 'heading';
      } else if (list) {
        from += list[0].length;
        lineKind = 'list-item';
      }
      // A list item or heading is a paragraph of its own, as is whatever follows one.
      if (!softBreaks || broken || lineKind !== 'text' || previousKind !== 'text') paragraph++;
      broken = false;
      previousKind = lineKind;
      // A root comment's first line is its title: the thread's claim, kept whole.
      const title = isRoot && lines++ === 0;
      const first = sentences.length;
      for (const [s, e] of sentenceSpans(text, from, end)) {
        const clauses = title ? [[s, e] as [number, number]] : clauseSpans(text, s, e);
        for (let clause = 0; clause < clauses.length; clause++) {
          const [start, end] = clauses[clause]!;
          const sentence: Sentence = { commentIndex, start, end, text: text.slice(start, end), paragraph, position: position++, lineKind, wholeLine: false, clause };
          if (lastQuote !== undefined) sentence.afterQuote = lastQuote;
          sentences.push(sentence);
        }
      }
      if (sentences.length === first + 1) sentences[first]!.wholeLine = true;
    } else {
      // A blank line ends a quote but not the reply to it.
      openQuote = undefined;
      broken = true;
    }
    lineStart = nl + 1;
  }
}

/** Shortest line that reads as wrapped by width rather than ended by its writer. */
const WRAPPED_LINE = 40;

/**
 * Whether the line `text[start, nl)` runs on into the next line: it is long, stops mid-sentence (no
 * closing punctuation), and the next line is plain text that starts in lower case or follows a comma. A line that ends a thought, a short label line, a
 * list, a quote, a heading or code keeps its own line.
 */
function wrapsInto(text: string, start: number, nl: number, aside: Array<[number, number]>, asideIndex: number): boolean {
  const last = trimEnd(text, start, nl) - 1;
  if (last - start + 1 < WRAPPED_LINE) return false;
  const endsWith = text[last]!;
  if (ENDS_LINE.includes(endsWith)) return false;
  let next = nl + 1;
  while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
  if (next >= text.length) return false;
  const c = text[next]!;
  if (!(/\p{Ll}/u.test(c) || (endsWith === ',' && /\p{L}/u.test(c)))) return false;
  if (mayOpenList(c.charCodeAt(0)) && LIST_MARK.test(text.slice(nl + 1, nl + 17))) return false;
  // A set-aside copy starting on the next line is not read into this one.
  for (let k = asideIndex; k < aside.length && aside[k]![0] <= next; k++) if (aside[k]![1] > next) return false;
  return true;
}

/** Characters a writer ends a line with on purpose. */
const ENDS_LINE = '.!?:;…"”)]*_`';

/** The first character code of `head` after spaces and tabs (-1 if none): the one a line mark starts with. */
function firstMarkChar(head: string): number {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c !== 32 && c !== 9) return c;
  }
  return -1;
}

/** Whether a LIST_MARK can start with this character: a bullet, a digit, "(" or a lower-case letter. */
function mayOpenList(c: number): boolean {
  return LIST_OPENERS.includes(String.fromCharCode(c)) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

const LIST_OPENERS = '-*+•‣◦(';

function leadingSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i - start;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}
