/**
 * What a comment is on a question-and-answer site, as its format says (`comment.meta.postType`,
 * set by the Stack Exchange reader from `PostTypeId`): the question, an answer to it, or a comment
 * on either. An answer answers its question rather than disputing it, so the analyzer reads a
 * question post's questions as questions and draws no model rebuttals from an answer; the debate
 * threads the models learned from never said this.
 */
import type { Comment } from './thread.js';

export function isQuestionPost(comment: Comment): boolean {
  return comment.meta?.postType === 'question';
}

/** Whether `comment` answers `parent`, a question post. */
export function answersQuestion(comment: Comment, parent: Comment | undefined): boolean {
  return comment.meta?.postType === 'answer' && parent !== undefined && isQuestionPost(parent);
}
