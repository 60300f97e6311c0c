/**
 * Checks a Thread before analysis: types (for library callers who build objects by hand),
 * unique comment ids, and a reply tree that holds together. Parents that point nowhere or form
 * a cycle do not stop the analysis: those comments are read as roots, and a diagnostic says so.
 */
import { InputError } from '../errors.js';
import { ThreadSchema, type Diagnostic, type Thread } from '../schema/index.js';
import { plainThread } from './prechecks.js';
import { issueToInputError } from './zod-errors.js';

export interface ValidatedThread {
  thread: Thread;
  diagnostics: Diagnostic[];
  /** Each comment's usable parent (null when missing, dangling or in a cycle). */
  parentOf: Map<string, string | null>;
}

export function validateThread(input: Thread): ValidatedThread {
  const thread = plainThread(input) ?? parseThread(input);
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, number>();
  thread.comments.forEach((c, i) => {
    const first = byId.get(c.id);
    if (first !== undefined) {
      throw new InputError(`duplicate comment id (also at $.comments[${first}])`, { threadId: thread.id, path: `$.comments[${i}].id`, commentId: c.id });
    }
    byId.set(c.id, i);
  });

  const parentOf = new Map<string, string | null>();
  for (const c of thread.comments) {
    if (c.parentId === null) parentOf.set(c.id, null);
    else if (!byId.has(c.parentId)) {
      parentOf.set(c.id, null);
      diagnostics.push({ level: 'warning', code: 'parent-missing', message: `parent "${c.parentId}" is not in the thread; read as a top-level comment`, commentId: c.id });
    } else if (c.parentId === c.id) {
      parentOf.set(c.id, null);
      diagnostics.push({ level: 'warning', code: 'parent-cycle', message: 'comment is its own parent; read as a top-level comment', commentId: c.id });
    } else parentOf.set(c.id, c.parentId);
  }
  breakCycles(thread, parentOf, diagnostics);
  return { thread, diagnostics, parentOf };
}

/** ThreadSchema's result, or its first problem as an InputError. */
function parseThread(input: Thread): Thread {
  const parsed = ThreadSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const threadId = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : undefined;
  throw issueToInputError(parsed.error.issues, input, threadId ? { threadId } : {});
}

/** Walks each chain once (colouring visited nodes), so the check is linear in the thread. */
function breakCycles(thread: Thread, parentOf: Map<string, string | null>, diagnostics: Diagnostic[]): void {
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = known to reach a root
  for (const c of thread.comments) {
    const walk: string[] = [];
    let id: string | null = c.id;
    while (id !== null && state.get(id) === undefined) {
      state.set(id, 1);
      walk.push(id);
      id = parentOf.get(id) ?? null;
    }
    if (id !== null && state.get(id) === 1) {
      // `id` closes a loop: cut it there.
      parentOf.set(id, null);
      diagnostics.push({ level: 'warning', code: 'parent-cycle', message: 'reply chain forms a cycle; cut here and read as a top-level comment', commentId: id });
    }
    for (const w of walk) state.set(w, 2);
  }
}
