/**
 * The sentences the baselines label. Interim splitter until the core segmenter (src/segment) lands:
 * then this module calls it, so the baselines and the analyzer share one segmentation.
 */
import type { Thread } from '../schema/index.js';

/** A sentence of a comment with its exact offsets. */
export interface SentenceSpan {
  commentId: string;
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[.!?]+["')\]]*(?=\s)/g;

/** The sentences of every comment, in thread order; `> ` quoted lines are not the author's own words. */
export function threadSentences(thread: Thread): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const comment of thread.comments) {
    const text = comment.text;
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      if (!/^\s*>/.test(text.slice(lineStart, lineEnd))) {
        let from = lineStart;
        SENTENCE_END.lastIndex = lineStart;
        const line = text.slice(0, lineEnd);
        for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
          push(out, comment.id, text, from, m.index + m[0].length);
          from = m.index + m[0].length;
        }
        push(out, comment.id, text, from, lineEnd);
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
  }
  return out;
}

function push(out: SentenceSpan[], commentId: string, text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start && /\w/.test(text.slice(start, end))) out.push({ commentId, start, end, text: text.slice(start, end) });
}
