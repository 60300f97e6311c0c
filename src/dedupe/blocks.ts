/**
 * The blocks dedupe compares: each non-blank line of a comment that is not a quote. Lines, not
 * blank-line paragraphs, because pastes often lose their blank lines; a repeated paragraph of
 * several lines shows up as a run of repeated lines and is recorded once.
 */
import type { Thread } from '../schema/index.js';
import { normalizeForMatch } from './normalize.js';

export interface Block {
  comment: number;
  start: number;
  end: number;
  /** The comparison form (normalizeForMatch). */
  norm: string;
}

const GREATER_THAN = 62;

export function commentBlocks(thread: Thread): Block[] {
  const blocks: Block[] = [];
  thread.comments.forEach((comment, index) => {
    const text = comment.text;
    let lineStart = 0;
    while (lineStart <= text.length) {
      let nl = text.indexOf('\n', lineStart);
      if (nl === -1) nl = text.length;
      let start = lineStart;
      let end = nl;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      // A quote line: its first non-space character is ">" (the line is trimmed already).
      if (end > start && text.charCodeAt(start) !== GREATER_THAN) {
        blocks.push({ comment: index, start, end, norm: normalizeForMatch(text.slice(start, end)) });
      }
      lineStart = nl + 1;
    }
  });
  return blocks;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000;
}
