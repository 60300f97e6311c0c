/**
 * Threads that open with a question by their venue's convention: an "Ask HN:" story, a post in one
 * of Reddit's Ask* communities (AskReddit, askscience, AskHistorians, …). Their replies answer the
 * question rather than dispute it, as a Stack Exchange answer does, so the readers mark them the way
 * the Stack Exchange reader does (`meta.postType`, see schema/post-type.ts): the opening post a
 * `question`, each direct reply to it an `answer`. Replies to replies keep no post type: there the
 * thread is a discussion again.
 */
import type { Comment, Thread } from '../../schema/index.js';

/** "Ask HN: …" is Hacker News's own prefix for a question to the community (HNPWA also types the item `ask`). */
export function isAskHn(title: string | undefined, itemType?: string): boolean {
  return itemType === 'ask' || (title !== undefined && /^\s*ask hn\s*:/i.test(title));
}

/** Reddit communities whose posts are questions by rule: the name starts with "Ask" (AskReddit, askscience, AskUK). */
export function isAskSubreddit(subreddit: string | undefined): boolean {
  return subreddit !== undefined && /^ask[a-z0-9_]/i.test(subreddit);
}

/**
 * Marks the comment `rootId` of `thread` a question post and each comment that replies to it
 * directly an answer; a post type the format gave already is kept. Returns the thread.
 */
export function markQuestionThread(thread: Thread, rootId: string): Thread {
  const root = thread.comments.find((c) => c.id === rootId);
  if (!root) return thread;
  setPostType(root, 'question');
  for (const c of thread.comments) if (c.parentId === rootId) setPostType(c, 'answer');
  return thread;
}

function setPostType(comment: Comment, postType: 'question' | 'answer'): void {
  if (comment.meta?.postType !== undefined) return;
  comment.meta = { ...comment.meta, postType };
}
