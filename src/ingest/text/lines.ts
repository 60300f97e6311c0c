/**
 * Lines of a paste with their offsets, and the chunk a reader cuts from them. Every reader of
 * the plain-text paste works on these, so a comment's text is always `paste.slice(start, end)`.
 */

export interface Line {
  start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  end: number;
  text: string;
}

/** A quoted passage inside a chunk, in paste offsets, with the author its attribution names. */
export interface ChunkQuote {
  start: number;
  end: number;
  sourceAuthor: string | null;
}

/** One comment to be: a span of the paste, and what the layout says about it. */
export interface Chunk {
  start: number;
  end: number;
  author: string | null;
  /**
   * Index (into the reader's chunk list) of the chunk this one replies to, or null for a root.
   * Absent: the reply-to-previous default (a paste says nothing more).
   */
  parent?: number | null;
  quotes?: ChunkQuote[];
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    start = nl + 1;
  }
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

export function trimBlankEdges(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The span from line `from` to line `to` (inclusive) after dropping, at both ends, the lines
 * `drop` says are not the comment's (blank lines, chrome, signatures). Chrome in the middle of a
 * comment stays: cutting it out would make the text two slices.
 */
export function spanBetween(lines: Line[], from: number, to: number, drop: (line: Line) => boolean): { start: number; end: number } | undefined {
  while (from <= to && drop(lines[from]!)) from++;
  while (to >= from && drop(lines[to]!)) to--;
  if (from > to) return undefined;
  return { start: lines[from]!.start, end: lines[to]!.end };
}
