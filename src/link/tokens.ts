/**
 * Content words of a text, lower-cased and Porter-stemmed, stop words dropped: the vocabulary the
 * unit index and the similarity scores work in. Stems are memoised per word, so stemming costs
 * one lookup for the common words of a large export.
 */
import { words as STOP_WORDS } from 'natural/lib/natural/util/stopwords.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const stop = new Set<string>([...(STOP_WORDS as string[]), 'just', 'really', 'also', 'even', 'would', 'could', 'think', 'don', 'doesn', 'isn', 'aren', 'didn', 'won', 'can', 'will', 'one', 'get', 'like', 'much', 'many', 'lot', 'thing', 'things', 'way']);
const stems = new Map<string, string>();
const MAX_MEMO = 200_000;

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = (PorterStemmer as { stem(w: string): string }).stem(word);
    if (stems.size < MAX_MEMO) stems.set(word, s);
  }
  return s;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Stemmed content terms, in order, repeats kept (term frequency matters). */
export function terms(text: string): string[] {
  const out: string[] = [];
  // Contractions split at the apostrophe ("don't" → "don", "t"): the stub is a stop word, the rest too short.
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || stop.has(w) || /^\d+$/.test(w) && w.length < 3) continue;
    out.push(stem(w));
  }
  return out;
}
