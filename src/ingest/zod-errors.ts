import { InputError, type Place } from '../errors.js';

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  expected?: unknown;
}

/** A JSON path such as `$.comments[3].text` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[], root = '$'): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`;
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

/** The first zod issue as an InputError naming the JSON path, what was expected and what was found. */
export function issueToInputError(issues: readonly Issue[], input: unknown, place: Place = {}, root = '$'): InputError {
  const issue = issues[0];
  if (!issue) return new InputError('invalid input', place);
  const path = jsonPath(issue.path, root);
  const found = valueAt(input, issue.path);
  const what =
    issue.code === 'invalid_type' && issue.expected !== undefined
      ? `expected ${String(issue.expected)}, got ${found === undefined ? 'nothing' : describe(found)}`
      : issue.message;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new InputError(`${what}${more}`, { ...place, path });
}
