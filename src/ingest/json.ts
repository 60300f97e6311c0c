/**
 * Generic thread JSON: `{ id?, title?, comments: [{ id, parentId?, author?, text, createdAt? }] }`
 * or a bare array of comments. Comment text is kept byte for byte.
 */
import * as z from 'zod/mini';
import type { Comment, Thread } from '../schema/index.js';
import { stableId } from '../util/hash.js';
import type { FormatAdapter, ReadContext } from './adapter.js';
import { isPlainGeneric } from './prechecks.js';
import { issueToInputError } from './zod-errors.js';

/** Exports often number their ids; they are kept as opaque strings. */
const Id = z.union([z.string().check(z.minLength(1)), z.number()]);

export const GenericComment = z.object({
  id: Id,
  parentId: z.optional(z.nullable(Id)),
  author: z.optional(z.nullable(z.string())),
  text: z.string(),
  createdAt: z.optional(z.nullable(z.string())),
});

export const GenericThread = z.object({
  id: z.optional(Id),
  title: z.optional(z.nullable(z.string())),
  comments: z.array(GenericComment),
});

const GenericInput = z.union([GenericThread, z.array(GenericComment)]);

function isGenericShape(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || isCommentLike(value[0]);
  // Any object with a `comments` key is meant as this format: its reader then names what is wrong.
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'comments');
}

function isCommentLike(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'text' in value && 'id' in value;
}

/** Reads one generic-JSON thread from an already-parsed value. `root` names it in errors. */
export function readGenericJson(value: unknown, ctx: ReadContext = {}, root = '$'): Thread {
  // A value that certainly passes is read as it is (zod's result would hold the same values);
  // otherwise zod decides, validating the shape that was meant, so the error names the real
  // problem rather than the union's.
  let data = value as z.infer<typeof GenericInput>;
  if (!isPlainGeneric(value)) {
    const schema = Array.isArray(value) ? z.array(GenericComment) : GenericThread;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw issueToInputError(parsed.error.issues, value, ctx, root);
    data = parsed.data as z.infer<typeof GenericInput>;
  }
  const list = Array.isArray(data) ? data : data.comments;
  const comments: Comment[] = list.map((c) => {
    const comment: Comment = {
      id: String(c.id),
      parentId: c.parentId === undefined || c.parentId === null ? null : String(c.parentId),
      author: c.author ?? null,
      text: c.text,
    };
    if (typeof c.createdAt === 'string') comment.createdAt = c.createdAt;
    return comment;
  });
  const thread: Thread = {
    id: !Array.isArray(data) && data.id !== undefined ? String(data.id) : stableId('json', comments.map((c) => `${c.id}\u0000${c.text}`).join('\u0001')),
    source: 'json',
    comments,
  };
  if (!Array.isArray(data) && typeof data.title === 'string') thread.title = data.title;
  return thread;
}

export const genericJsonAdapter: FormatAdapter = {
  name: 'json',
  kind: 'json',
  detect: isGenericShape,
  read: (value, ctx) => [readGenericJson(value, ctx)],
};
