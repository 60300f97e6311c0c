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
 * One word as the linker reads it: the lower-cased word, its term ('' when it is no term: a stop
 * word, a single letter, a small number), and a mark that word-overlap counting stamps (see
 * shareIn in words.ts). Shared by every text that uses the word, so one lookup serves both.
 */
export interface Word {
  word: string;
  term: string;
  mark: number;
}

const wordMemo = new Map<string, Word>();

/** The shared record of word `w` (lower-cased); past the memo's cap, `overflow` keeps one record per word for its caller. */
export function wordOf(w: string, overflow?: Map<string, Word>): Word {
  let word = wordMemo.get(w) ?? overflow?.get(w);
  if (word === undefined) {
    word = { word: w, term: w.length < 2 || stop.has(w) || (w.length < 3 && isDigits(w)) ? '' : stem(w), mark: 0 };
    if (wordMemo.size < MAX_MEMO) wordMemo.set(w, word);
    else overflow?.set(w, word);
  }
  return word;
}

/** The words of a text in order (runs of word characters, lower-cased: normalizeForMatch's words). */
export function wordsOf(text: string, overflow?: Map<string, Word>): Word[] {
  const out: Word[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && isWordCode(lower.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    out.push(wordOf(lower.slice(start, i), overflow));
    start = -1;
  }
  return out;
}

/** The terms of a word list, in order, repeats kept. */
export function termsOfWords(words: readonly Word[]): string[] {
  const out: string[] = [];
  for (const w of words) if (w.term !== '') out.push(w.term);
  return out;
}

/**
 * Stemmed content terms, in order, repeats kept (term frequency matters). Contractions split at
 * the apostrophe ("don't" → "don", "t"): the stub is a stop word, the rest too short.
 */
export function terms(text: string): string[] {
  return termsOfWords(wordsOf(text, new Map()));
}

function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
