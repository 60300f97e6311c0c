/**
 * The explicit separators of a paste that is neither an email nor a copied web page: `---`
 * rules, a chat log's time-stamped turns, `Name:` / `@name` header lines (when at least two
 * appear), else blank lines. Each returns undefined when its separator is absent.
 */
import { isBlank, type Chunk, type Line } from './lines.js';

const RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$/;
export const HANDLE = '[A-Za-z0-9_][\\w.\\-]{0,38}';
const HEADER = new RegExp(`^[ \\t]*(?:@(${HANDLE})|u/(${HANDLE})|(${HANDLE}):|(${HANDLE}) (?:wrote|said|replied):?)[ \\t]*$`);
/** Words that end with a colon as section labels, not as speakers. */
const LABELS = new Set([
  'note', 'edit', 'update', 'summary', 'conclusion', 'tldr', 'example', 'examples', 'question', 'answer', 'source',
  'sources', 'reply', 'quote', 'ps', 'background', 'context', 'caption', 'body', 'plan', 'pipeline', 'title', 'abstract',
  'introduction', 'intro', 'result', 'results', 'warning', 'disclaimer', 'references', 'links', 'premise', 'claim',
]);

export function chunkByRules(lines: Line[]): Chunk[] | undefined {
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

export function chunkByHeaders(lines: Line[]): Chunk[] | undefined {
  let headers = 0;
  for (const line of lines) if (headerAuthor(line) !== undefined) headers++;
  // One "Name:" line is more often a label than a speaker; a conversation has turns.
  if (headers < 2) return undefined;
  return cutAt(lines, (l) => {
    const author = headerAuthor(l);
    return author === undefined ? undefined : { author };
  });
}

export function chunkByBlankLines(lines: Line[]): Chunk[] | undefined {
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

export function chunkByChatLines(lines: Line[]): Chunk[] | undefined {
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
