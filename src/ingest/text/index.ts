/**
 * Plain-text pastes. The layouts a paste is read by, most specific first: an email (header
 * blocks, attributed `> ` quotes, signatures), a thread copied from a web page (comment headers
 * between UI chrome lines), `---` rules, a chat log, `Name:` / `@name` header lines (when at
 * least two appear), blank lines; with none of these (a paste of lines) the whole paste is one
 * comment whose lines are its paragraphs. Comment text is a slice of the input, byte for byte,
 * so offsets into it are offsets into the paste; what a layout says is not the comment's (a
 * "Reply" button, a signature) is left out by where the slice starts and ends, never rewritten.
 */
import type { Comment, Quote, Thread } from '../../schema/index.js';
import { stableId } from '../../util/hash.js';
import type { FormatAdapter } from '../adapter.js';
import { chunkEmail } from './email.js';
import { splitLines, trimBlankEdges, type Chunk, type Line } from './lines.js';
import { chunkByBlankLines, chunkByChatLines, chunkByHeaders, chunkByRules } from './separators.js';
import { chunkWebCopy } from './web-copy.js';

export function readPlainText(text: string): Thread {
  const lines = splitLines(text);
  const email = chunkEmail(lines);
  const web = email ? undefined : chunkWebCopy(lines);
  const cut: Cut = email ? { layout: 'email', chunks: email } : web ? { layout: 'web-copy', chunks: web.chunks } : cutAtSeparators(lines) ?? { layout: 'lines', chunks: [{ start: 0, end: text.length, author: null }] };
  // Which layout cut the paste: `analyze --verbose` says it, so a user can see why a paste became the comments it did.
  const thread: Thread = { id: stableId('text', text), source: 'text', comments: toComments(text, cut.chunks), meta: { layout: cut.layout } };
  if (web?.title) thread.title = web.title;
  return thread;
}

/** How a paste was cut into comments. */
export type PasteLayout = 'email' | 'web-copy' | 'rules' | 'chat' | 'headers' | 'blank-lines' | 'lines';

interface Cut {
  layout: PasteLayout;
  chunks: Chunk[];
}

/** The separator readers, in order: the first that finds its separators cuts the paste. */
const SEPARATED: ReadonlyArray<[PasteLayout, (lines: Line[]) => Chunk[] | undefined]> = [
  ['rules', chunkByRules],
  ['chat', chunkByChatLines],
  ['headers', chunkByHeaders],
  ['blank-lines', chunkByBlankLines],
];

function cutAtSeparators(lines: Line[]): Cut | undefined {
  for (const [layout, read] of SEPARATED) {
    const chunks = read(lines);
    if (chunks) return { layout, chunks };
  }
  return undefined;
}

export const plainTextAdapter: FormatAdapter = {
  name: 'text',
  kind: 'text',
  detect: () => true,
  // Plain text cannot be malformed, so the reader needs no context for error messages.
  read: (text) => [readPlainText(text)],
};

function toComments(text: string, chunks: Chunk[]): Comment[] {
  const comments: Comment[] = [];
  const idOf: Array<string | undefined> = [];
  for (const chunk of chunks) {
    const { start, end } = trimBlankEdges(text, chunk.start, chunk.end);
    if (start >= end && chunk.author === null) {
      idOf.push(undefined);
      continue;
    }
    const id = `c${comments.length + 1}`;
    idOf.push(id);
    const previous = comments.at(-1)?.id ?? null;
    // A parent the layout named; the previous comment when it named none (or named a dropped chunk).
    const parentId = chunk.parent === undefined ? previous : chunk.parent === null ? null : idOf[chunk.parent] ?? previous;
    const comment: Comment = { id, parentId, author: chunk.author, text: text.slice(start, end) };
    const quotes = (chunk.quotes ?? []).filter((q) => q.start >= start && q.end <= end).map((q): Quote => ({ start: q.start - start, end: q.end - start, sourceAuthor: q.sourceAuthor }));
    if (quotes.length > 0) comment.quotes = quotes;
    comments.push(comment);
  }
  return comments;
}
