/**
 * The sentences the baselines label: the core segmenter's, so the baselines and the analyzer share
 * one segmentation (and `> ` quoted lines, which are not the author's words, make no sentence).
 */
import type { Thread } from '../schema/index.js';
import { segment } from '../segment/index.js';

/** A sentence of a comment with its exact offsets. */
export interface SentenceSpan {
  commentId: string;
  start: number;
  end: number;
  text: string;
}

/** The sentences of every comment, in thread order. Nothing is set aside as a duplicate. */
export function threadSentences(thread: Thread): SentenceSpan[] {
  return segment(
    thread,
    thread.comments.map(() => []),
  ).sentences.map((s) => ({ commentId: thread.comments[s.commentIndex]!.id, start: s.start, end: s.end, text: s.text }));
}
