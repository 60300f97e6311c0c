/**
 * Typed reads of parsed export JSON. Each read names the JSON path of a wrong value
 * (`$[1].data.children[4].data.body`), so a malformed export gives an InputError a user can act
 * on instead of a TypeError deep inside an adapter. Paths are only built when something is wrong.
 */
import { InputError } from '../../errors.js';
import type { ReadContext } from '../adapter.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** The error for a value that is not what the format requires. */
export function wrong(path: string, expected: string, value: unknown): InputError {
  return new InputError(`expected ${expected}, got ${describe(value)}`, { path });
}

/** `path.key`, written as JSON paths are (`$.a`, `$[0].b`). */
export function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function asObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw wrong(path, 'an object', value);
  return value;
}

export function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw wrong(path, 'an array', value);
  return value;
}

/** A required string field. */
export function str(o: JsonObject, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw wrong(at(path, key), 'a string', v);
  return v;
}

/** An optional string field: absent and null read as undefined. */
export function optStr(o: JsonObject, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrong(at(path, key), 'a string or null', v);
  return v;
}

export function optNum(o: JsonObject, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw wrong(at(path, key), 'a number or null', v);
  return v;
}

export function num(o: JsonObject, key: string, path: string): number {
  const v = optNum(o, key, path);
  if (v === undefined) throw wrong(at(path, key), 'a number', o[key]);
  return v;
}

export function optBool(o: JsonObject, key: string, path: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw wrong(at(path, key), 'true, false or null', v);
  return v;
}

/** A required id: a non-empty string or a finite number, normalised to an opaque string. */
export function id(o: JsonObject, key: string, path: string): string {
  const v = optId(o, key, path);
  if (v === undefined) throw wrong(at(path, key), 'an id (string or number)', o[key]);
  return v;
}

export function optId(o: JsonObject, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw wrong(at(path, key), 'an id (string or number)', v);
}

/** Runs an adapter body, placing any InputError it throws in the input file. */
export function inFile<T>(ctx: ReadContext, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError && ctx.file) throw error.within({ file: ctx.file });
    throw error;
  }
}
