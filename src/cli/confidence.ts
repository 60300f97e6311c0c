import { UsageError } from '../errors.js';

/**
 * `--min-confidence P`, as analyze and batch take it: the floor for model-drawn edges
 * (LinkOptions.minModelConfidence), a number from 0 to 1. Undefined when the flag is absent.
 */
export function minConfidenceOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const p = Number(value);
  if (value.trim() === '' || !Number.isFinite(p) || p < 0 || p > 1) throw new UsageError(`--min-confidence expects a number from 0 to 1, got "${value}"`);
  return p;
}
