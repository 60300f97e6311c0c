/**
 * Dice's coefficient over character bigrams (string-similarity): the measure of how closely one
 * passage restates another, robust to small edits and word order.
 */
import stringSimilarity from 'string-similarity';

export function dice(a: string, b: string): number {
  return stringSimilarity.compareTwoStrings(a, b);
}
