/**
 * Content words of a text, lower-cased and Porter-stemmed, stop words dropped: the vocabulary the
 * unit index and the similarity scores work in. Stems are memoised per word, so stemming costs
 * one lookup for the common words of a large export.
 */
import { words as STOP_WORDS } from 'natural/lib/natural/util/stopwords.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isWordCode } from '../util/chars.js';

const stop = new Set<string>([...(STOP_WORDS as string[]), 'just', 'really', 'also', 'even', 'would', 'could', 'think', 'don', 'doesn', 'isn', 'aren', 'didn', 'won', 'can', 'will', 'one', 'get', 'like', 'much', 'many', 'lot', 'thing', 'things', 'way']);

/** Whether a lower-cased word is one the linker ignores ("this", "would", "think"). */
export function isStopWord(word: string): boolean {
  return stop.has(word);
}

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
  /** A per-word cache for features.ts (its lexical flags), -1 until read. */
  lex: number;
  /** The unit index (unit-index.ts) that last read this word, and the id it gave the word's term there. */
  index: number;
  indexId: number;
}

const wordMemo = new Map<string, Word>();

/** The shared record of word `w` (lower-cased); past the memo's cap, `overflow` keeps one record per word for its caller. */
export function wordOf(w: string, overflow?: Map<string, Word>): Word {
  let word = wordMemo.get(w) ?? overflow?.get(w);
  if (word === undefined) {
    word = { word: w, term: w.length < 2 || stop.has(w) || (w.length < 3 && isDigits(w)) ? '' : stem(w), mark: 0, lex: -1, index: 0, indexId: -1 };
    if (wordMemo.size < MAX_MEMO) wordMemo.set(w, word);
    else overflow?.set(w, word);
  }
  return word;
}

/**
 * An open-addressing table in front of the word memo, keyed by the characters in place: a word
 * already seen is found without slicing it out of its text. Holds only memoised words (shared by
 * every caller), up to a fixed size.
 */
const TABLE_BITS = 19;
let slots: Array<Word | undefined> = new Array<Word | undefined>(1 << 12);
let hashes = new Int32Array(1 << 12);
let filled = 0;

function findWord(lower: string, start: number, end: number, hash: number): Word | undefined {
  const mask = slots.length - 1;
  const len = end - start;
  for (let k = hash & mask; ; k = (k + 1) & mask) {
    const w = slots[k];
    if (w === undefined) return undefined;
    if (hashes[k] !== hash || w.word.length !== len) continue;
    let same = true;
    for (let j = 0; j < len; j++) {
      if (w.word.charCodeAt(j) !== lower.charCodeAt(start + j)) {
        same = false;
        break;
      }
    }
    if (same) return w;
  }
}

function remember(word: Word, hash: number): void {
  if ((filled + 1) * 2 > slots.length) {
    if (slots.length >= 1 << TABLE_BITS) return;
    const old = slots;
    const oldHashes = hashes;
    slots = new Array<Word | undefined>(old.length * 2);
    hashes = new Int32Array(old.length * 2);
    for (let k = 0; k < old.length; k++) if (old[k] !== undefined) place(old[k]!, oldHashes[k]!);
  }
  place(word, hash);
  filled++;
}

function place(word: Word, hash: number): void {
  const mask = slots.length - 1;
  let k = hash & mask;
  while (slots[k] !== undefined) k = (k + 1) & mask;
  slots[k] = word;
  hashes[k] = hash;
}

/** isWordCode for the ASCII range, as a table. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (isWordCode(c) ? 1 : 0));

/**
 * The words of a text in order (runs of word characters, lower-cased: normalizeForMatch's words).
 * `shape.plain` is set to whether the text's words are exactly its runs of ASCII word characters
 * (no `_`, no letters outside ASCII), the words a regular expression's `\b` delimits.
 */
export function wordsOf(text: string, overflow?: Map<string, Word>, shape?: { plain: boolean }): Word[] {
  const out: Word[] = [];
  const lower = text.toLowerCase();
  // The two characters outside ASCII that lower-case into it (Kelvin sign, dotted capital I).
  let plain = !text.includes('\u212a') && !text.includes('\u0130');
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    let inWord: boolean;
    if (c < 128) inWord = ASCII_WORD[c] === 1;
    else {
      inWord = isWordCode(c);
      if (inWord) plain = false;
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        hash = 0;
      }
      hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    if (c === 95) plain = false;
    if (start < 0) continue;
    let word = findWord(lower, start, i, hash);
    if (word === undefined) {
      const w = lower.slice(start, i);
      word = wordOf(w, overflow);
      if (wordMemo.get(w) === word) remember(word, hash);
    }
    out.push(word);
    start = -1;
  }
  if (shape) shape.plain = plain;
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
