/**
 * The gold file: annotated threads, one JSON object per line (format: ../shared/eval/FORMAT.md).
 * Every problem is reported as an InputError naming the file, the line and the field.
 */
import * as z from 'zod/mini';
import { InputError } from '../errors.js';
import { jsonPath } from '../ingest/zod-errors.js';

const offset = () => z.number().check(z.int(), z.nonnegative());

export const GOLD_LABELS = ['main_claim', 'claim', 'premise'] as const;
export type GoldLabel = (typeof GOLD_LABELS)[number];

export const GOLD_FAMILIES = ['attack', 'support', 'agreement'] as const;
export type GoldFamily = (typeof GOLD_FAMILIES)[number];

export const GoldCommentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  parentId: z.nullable(z.string()),
  author: z.optional(z.nullable(z.string())),
  text: z.string(),
});

export const GoldUnitSchema = z.object({
  id: z.string().check(z.minLength(1)),
  commentId: z.string(),
  start: offset(),
  end: offset(),
  text: z.string(),
  label: z.enum(GOLD_LABELS),
  subtype: z.optional(z.string()),
});
export type GoldUnit = z.infer<typeof GoldUnitSchema>;

export const GoldRelationSchema = z.object({
  from: z.string(),
  to: z.string(),
  label: z.string(),
  family: z.enum(GOLD_FAMILIES),
  crossComment: z.boolean(),
});
export type GoldRelation = z.infer<typeof GoldRelationSchema>;

export const GoldThreadSchema = z.object({
  id: z.string().check(z.minLength(1)),
  source: z.optional(z.string()),
  title: z.optional(z.string()),
  comments: z.array(GoldCommentSchema).check(z.minLength(1)),
  units: z.array(GoldUnitSchema),
  relations: z.array(GoldRelationSchema),
});
export type GoldThread = z.infer<typeof GoldThreadSchema>;

/**
 * Reads a gold file. Blank lines are skipped; every other line must be one annotated thread whose
 * units index into their comments and whose relations name existing units.
 */
export function readGold(text: string, file?: string): GoldThread[] {
  const threads: GoldThread[] = [];
  const ids = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const place = { ...(file ? { file } : {}), line: i + 1 };
    const thread = parseGoldLine(line, place);
    if (ids.has(thread.id)) throw new InputError(`thread id "${thread.id}" appears twice`, { ...place, path: '$.id' });
    ids.add(thread.id);
    threads.push(thread);
  }
  if (threads.length === 0) throw new InputError('no annotated threads (expected one JSON object per line)', file ? { file } : {});
  return threads;
}

/** Parses and checks one line of a gold file; `place` names the file and line in errors. */
export function parseGoldLine(line: string, place: { file?: string; line: number }): GoldThread {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    const column = /position (\d+)/.exec((error as Error).message);
    throw new InputError(`invalid JSON: ${reason}`, column ? { ...place, column: Number(column[1]) + 1 } : place);
  }
  const parsed = GoldThreadSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(describeIssue(issue, valueAt(value, issue.path)), { ...place, path: jsonPath(issue.path) });
  }
  checkConsistency(parsed.data, place);
  return parsed.data;
}

/** Spans index into their comment, unit ids are unique, relations name units, comments form one tree. */
function checkConsistency(thread: GoldThread, place: { file?: string; line: number }): void {
  const at = (path: string) => ({ ...place, threadId: thread.id, path });
  const comments = new Map<string, string>();
  thread.comments.forEach((comment, i) => {
    if (comments.has(comment.id)) throw new InputError(`comment id "${comment.id}" appears twice`, at(`$.comments[${i}].id`));
    comments.set(comment.id, comment.text);
  });
  thread.comments.forEach((comment, i) => {
    if (comment.parentId !== null && !comments.has(comment.parentId)) {
      throw new InputError(`parentId "${comment.parentId}" names no comment of the thread`, at(`$.comments[${i}].parentId`));
    }
  });
  const units = new Set<string>();
  thread.units.forEach((unit, i) => {
    if (units.has(unit.id)) throw new InputError(`unit id "${unit.id}" appears twice`, at(`$.units[${i}].id`));
    units.add(unit.id);
    const text = comments.get(unit.commentId);
    if (text === undefined) throw new InputError(`commentId "${unit.commentId}" names no comment of the thread`, at(`$.units[${i}].commentId`));
    if (unit.end <= unit.start) throw new InputError(`end (${unit.end}) must be greater than start (${unit.start})`, at(`$.units[${i}].end`));
    if (unit.end > text.length) {
      throw new InputError(`end (${unit.end}) is past the end of comment "${unit.commentId}" (${text.length} characters)`, at(`$.units[${i}].end`));
    }
    if (text.slice(unit.start, unit.end) !== unit.text) {
      throw new InputError(`text does not equal the comment's text from start to end (${unit.start}..${unit.end})`, at(`$.units[${i}].text`));
    }
  });
  thread.relations.forEach((relation, i) => {
    if (!units.has(relation.from)) throw new InputError(`from "${relation.from}" names no unit of the thread`, at(`$.relations[${i}].from`));
    if (!units.has(relation.to)) throw new InputError(`to "${relation.to}" names no unit of the thread`, at(`$.relations[${i}].to`));
  });
}

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  values?: unknown[];
  minimum?: unknown;
  origin?: string;
}

/** A readable message from a zod/mini issue (mini ships no locale, so its own messages are generic). */
function describeIssue(issue: Issue, found: unknown): string {
  const field = issue.path.length ? `"${String(issue.path[issue.path.length - 1])}"` : 'the line';
  const oneOf = `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  if (found === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return `missing field ${field} (expected ${issue.code === 'invalid_value' ? oneOf : String(issue.expected)})`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be ${String(issue.expected)}, got ${typeName(found)}`;
    case 'invalid_value':
      return `${field} must be ${oneOf}`;
    case 'too_small':
      return issue.origin === 'number' ? `${field} must be at least ${String(issue.minimum)}` : `${field} must not be empty`;
    case 'not_multiple_of':
      return `${field} must be an integer`;
    default:
      return `${field} is invalid (${issue.code})`;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fraction';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
