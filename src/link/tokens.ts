/**
 * Content words of a text, lower-cased and Porter-stemmed, stop words dropped: the vocabulary the
 * unit index and the similarity scores work in. Stems are memoised per word, so stemming costs
 * one lookup for the common words of a large export.
 */
import { words as STOP_WORDS } from 'natural/lib/natural/util/stopwords.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isWordCode } from '../util/chars.js';

const stop = new Set<string>([...(STOP_WORDS as string[]), 'just', 'really', 'also', 'even', 'would', 'could', 'think', 'don', 'doesn', 'isn', 'aren', 'didn', 'won', 'can', 'will', 'one', 'get', 'like', 'much', 'many', 'lot', 'thing', 'things', 'way']);
const stems = new Map<string, string>();
/** Per word seen: its term, or '' for a word that is no term (a stop word, too short, a small number). */
const termOfWord = new Map<string, string>();
const MAX_MEMO = 200_000;

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = (PorterStemmer as { stem(w: string): string }).stem(word);
    if (stems.size < MAX_MEMO) stems.set(word, s);
  }
  return s;
}

/**
 * Stemmed content terms, in order, repeats kept (term frequency matters). Contractions split at
 * the apostrophe ("don't" → "don", "t"): the stub is a stop word, the rest too short.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && isWordCode(lower.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const w = lower.slice(start, i);
    start = -1;
    let term = termOfWord.get(w);
    if (term === undefined) {
      term = w.length < 2 || stop.has(w) || (w.length < 3 && isDigits(w)) ? '' : stem(w);
      if (termOfWord.size < MAX_MEMO) termOfWord.set(w, term);
    }
    if (term !== '') out.push(term);
  }
  return out;
}

function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
