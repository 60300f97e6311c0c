/**
 * Plain-text pastes. A paste is cut into comments at explicit separators (`---` rules, or
 * `Name:` / `@name` header lines when at least two of them appear); without those, blank lines
 * separate comments; with neither (a paste of lines, like a thread copied from a page), the whole
 * paste is one comment whose lines are its paragraphs. Comment text is a slice of the input,
 * byte for byte, so offsets into it are offsets into the paste.
 */
import type { Comment, Thread } from '../schema/index.js';
import { stableId } from '../util/hash.js';
import type { FormatAdapter } from './adapter.js';

interface Line {
  start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  end: number;
  text: string;
}

interface Chunk {
  start: number;
  end: number;
  author: string | null;
}

const RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$/;
const HANDLE = '[A-Za-z0-9_][\\w.\\-]{0,38}';
const HEADER = new RegExp(`^[ \\t]*(?:@(${HANDLE})|u/(${HANDLE})|(${HANDLE}):|(${HANDLE}) (?:wrote|said|replied):?)[ \\t]*$`);
/** Words that end with a colon as section labels, not as speakers. */
const LABELS = new Set([
  'note', 'edit', 'update', 'summary', 'conclusion', 'tldr', 'example', 'examples', 'question', 'answer', 'source',
  'sources', 'reply', 'quote', 'ps', 'background', 'context', 'caption', 'body', 'plan', 'pipeline', 'title', 'abstract',
  'introduction', 'intro', 'result', 'results', 'warning', 'disclaimer', 'references', 'links', 'premise', 'claim',
]);

export function readPlainText(text: string): Thread {
  const lines = splitLines(text);
  const chunks = chunkByRules(lines) ?? chunkByChatLines(lines) ?? chunkByHeaders(lines) ?? chunkByBlankLines(lines) ?? [{ start: 0, end: text.length, author: null }];
  const comments: Comment[] = [];
  for (const chunk of chunks) {
    const { start, end } = trimBlankEdges(text, chunk.start, chunk.end);
    if (start >= end && chunk.author === null) continue;
    const id = `c${comments.length + 1}`;
    comments.push({ id, parentId: comments.at(-1)?.id ?? null, author: chunk.author, text: text.slice(start, end) });
  }
  return { id: stableId('text', text), source: 'text', comments };
}

export const plainTextAdapter: FormatAdapter = {
  name: 'text',
  kind: 'text',
  detect: () => true,
  // Plain text cannot be malformed, so the reader needs no context for error messages.
  read: (text) => [readPlainText(text)],
};

function splitLines(text: string): Line[] {
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

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

function chunkByRules(lines: Line[]): Chunk[] | undefined {
  if (!lines.some((l) => RULE.test(l.text))) return undefined;
  return cutAt(lines, (l) => (RULE.test(l.text) ? { author: null } : undefined));
}

function headerAuthor(line: Line): string | undefined {
  const m = HEADER.exec(line.text);
  if (!m) return undefined;
  const name = m[1] ?? m[2] ?? m[3] ?? m[4];
  if (!name || LABELS.has(name.toLowerCase().replace(/[^a-z]/g, ''))) return undefined;
  return name;
}

function chunkByHeaders(lines: Line[]): Chunk[] | undefined {
  let headers = 0;
  for (const line of lines) if (headerAuthor(line) !== undefined) headers++;
  // One "Name:" line is more often a label than a speaker; a conversation has turns.
  if (headers < 2) return undefined;
  return cutAt(lines, (l) => {
    const author = headerAuthor(l);
    return author === undefined ? undefined : { author };
  });
}

function chunkByBlankLines(lines: Line[]): Chunk[] | undefined {
  const content = lines.filter((l) => !isBlank(l));
  if (content.length === 0) return undefined;
  const first = lines.indexOf(content[0]!);
  const last = lines.indexOf(content.at(-1)!);
  const hasInnerBlank = lines.slice(first, last).some(isBlank);
  if (!hasInnerBlank) return undefined;
  const chunks: Chunk[] = [];
  let open: Line | undefined;
  let prev: Line | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      if (open && prev) chunks.push({ start: open.start, end: prev.end, author: null });
      open = undefined;
    } else {
      open ??= line;
      prev = line;
    }
  }
  if (open && prev) chunks.push({ start: open.start, end: prev.end, author: null });
  return chunks;
}

/** `[12:01] alice: text` or `12:01 <alice> text`: a chat log, one turn per stamped line (continuation lines join it). */
const CHAT_LINE = new RegExp(`^[ \\t]*\\[?\\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[AaPp][Mm])?\\]?[ \\t]+(?:<(${HANDLE})>|(${HANDLE}):)[ \\t]+`);

function chunkByChatLines(lines: Line[]): Chunk[] | undefined {
  let stamped = 0;
  for (const line of lines) if (CHAT_LINE.test(line.text)) stamped++;
  if (stamped < 2) return undefined;
  const chunks: Chunk[] = [];
  for (const line of lines) {
    const m = CHAT_LINE.exec(line.text);
    if (m) chunks.push({ start: line.start + m[0].length, end: line.end, author: m[1] ?? m[2] ?? null });
    else if (chunks.length > 0 && line.text.trim() !== '') chunks.at(-1)!.end = line.end;
    else if (chunks.length === 0 && line.text.trim() !== '') chunks.push({ start: line.start, end: line.end, author: null });
  }
  return chunks;
}

/** Cuts at separator lines; the separator line itself belongs to no comment. */
function cutAt(lines: Line[], separator: (l: Line) => { author: string | null } | undefined): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { start: lines[0]?.start ?? 0, end: lines[0]?.start ?? 0, author: null };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const sep = separator(line);
    if (sep) {
      if ((current.end > current.start || current.author !== null)) chunks.push(current);
      const next = lines[i + 1];
      current = { start: next?.start ?? line.end, end: next?.start ?? line.end, author: sep.author };
    } else {
      current.end = line.end;
    }
  }
  if ((current.end > current.start || current.author !== null)) chunks.push(current);
  return chunks;
}

function trimBlankEdges(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
