/**
 * Export timestamps to ISO 8601 UTC strings. Forums write float epochs (Reddit), int epochs
 * (HN), epoch strings (2015 Pushshift dumps), ISO with an offset (Discourse 2013) and ISO
 * without a zone that means UTC (Stack Exchange).
 */
import { InputError } from '../../errors.js';
import { at, type JsonObject } from './fields.js';

const EPOCH = /^-?\d+(?:\.\d+)?$/;
const NO_ZONE = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** An ISO string for a timestamp value, or undefined when it cannot be read. */
export function toIso(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string' && EPOCH.test(value.trim())) ms = Number(value.trim()) * 1000;
  else if (typeof value === 'string') ms = Date.parse(NO_ZONE.test(value) ? `${value}Z` : value);
  else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(Math.round(ms));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An optional timestamp field; a value that is present but unreadable is an error. */
export function optTime(o: JsonObject, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  const iso = toIso(v);
  if (iso === undefined) {
    throw new InputError(`expected a timestamp (epoch seconds or ISO 8601), got ${JSON.stringify(v).slice(0, 40)}`, { path: at(path, key) });
  }
  return iso;
}
