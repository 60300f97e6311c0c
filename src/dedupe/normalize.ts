import { isWordCode } from '../util/chars.js';
import { grown } from './arrays.js';

/**
 * The comparison form of a passage: case, quote style, dashes, punctuation and spacing folded
 * away, so a repost that differs only in those is recognised: the lower-cased words (runs of
 * letters, digits and marks of the Basic Multilingual Plane; see isWordCode) joined by single
 * spaces. One pass over the characters; stretches already in that form ("words like these") are
 * copied as one slice each rather than word by word.
 */
export function normalizeForMatch(text: string): string {
  const lower = text.toLowerCase();
  const n = lower.length;
  let out = '';
  let i = 0;
  while (i < n) {
    while (i < n && !isWordAt(lower, i)) i++;
    if (i >= n) break;
    const start = i;
    // Words joined by single spaces continue the stretch; anything else ends it.
    for (;;) {
      while (i < n && isWordAt(lower, i)) i++;
      if (i + 1 < n && lower.charCodeAt(i) === 32 && isWordAt(lower, i + 1)) i++;
      else break;
    }
    out = out ? `${out} ${lower.slice(start, i)}` : lower.slice(start, i);
  }
  return out;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // The text is lower-cased: no A-Z to test for.
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return isWordCode(c);
}

/**
 * The words of a span's comparison form, hashed while the span is read, without building the
 * form: what dedupe needs of the thousands of lines that repeat nothing. Each word's hash is the
 * mixed FNV-1a hash of its lower-cased characters (minhash.ts hashes the form's words the same way).
 */
export interface FormScan {
  /** Word hashes, `count` of them from index 0; grown as needed and reused between scans. */
  words: Int32Array;
  count: number;
  /** The length of the last span's comparison form (its words and the single spaces between them). */
  length: number;
  /** A hash of the last span's word hashes in order: equal forms, equal hashes. */
  hash: number;
}

const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A byte's lower-case word character, or 0 when it is not an ASCII word character. */
const ASCII_WORD = new Uint8Array(256);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = c + 32;
/** -1 (all bits) for a byte that is an ASCII word character, else 0: a mask for the branch-free scan. */
const ASCII_WORD_MASK = new Int32Array(256).map((_, c) => (ASCII_WORD[c] ? -1 : 0));

/** Makes room in `out.words` for the words of `length` more characters (at most length/2 + 1), plus one spare slot. */
function reserve(out: FormScan, length: number): Int32Array {
  const need = out.count + (length >> 1) + 2;
  if (out.words.length < need) out.words = grown(out.words, Math.max(out.words.length * 2, need + 256));
  return out.words;
}

/** Sets the span's length and hash from its words, out.words[first, count), and mixes them. */
function finish(out: FormScan, first: number, count: number, chars: number): void {
  const words = out.words;
  let h = FNV_SEED;
  for (let k = first; k < count; k++) h = Math.imul(h ^ (words[k] = mix(words[k]!)), FNV_PRIME);
  out.hash = h;
  out.count = count;
  out.length = count > first ? chars + count - first - 1 : 0;
}

/**
 * Scans text[start, end) as normalizeForMatch would read it, into `out`, appending word hashes at
 * `out.count`. Returns false, having written nothing that counts, when the span has a word
 * character outside ASCII: its lower case may be context-dependent (final sigma) or longer (İ), so
 * such a span is normalised first and its form scanned with `formed` set. Characters outside
 * ASCII that are not word characters keep out of every form whatever their case (test/dedupe
 * checks every code point), so they only separate words here.
 */
export function scanForm(text: string, start: number, end: number, out: FormScan, formed = false): boolean {
  const words = reserve(out, end - start);
  const first = out.count;
  let count = first;
  let chars = 0;
  let h = FNV_SEED;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let w = 0;
    if (c < 128) w = ASCII_WORD[c]!;
    else if (formed) w = c;
    else if (isWordCode(c)) return false;
    if (w !== 0) {
      h = Math.imul(h ^ w, FNV_PRIME);
      chars++;
      inWord = true;
    } else if (inWord) {
      words[count++] = h;
      h = FNV_SEED;
      inWord = false;
    }
  }
  if (inWord) words[count++] = h;
  finish(out, first, count, chars);
  return true;
}

/**
 * scanForm for an ASCII span given as bytes (a typed array reads several times cheaper than
 * charCodeAt). Without branches on the characters: in prose a word ends every six characters or
 * so, too irregularly for a branch predictor, and a mispredicted branch there cost more than
 * doing both sides' arithmetic. Each step stores the running hash at the next word's slot and
 * moves past it only where a word has just ended.
 */
export function scanAsciiForm(bytes: Uint8Array, start: number, end: number, out: FormScan): void {
  const words = reserve(out, end - start);
  const first = out.count;
  let count = first;
  let chars = 0;
  let h = FNV_SEED;
  let inWord = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    const word = ASCII_WORD_MASK[c]!;
    words[count] = h;
    count += inWord & ~word & 1;
    h = (Math.imul(h ^ ASCII_WORD[c]!, FNV_PRIME) & word) | (FNV_SEED & ~word);
    chars -= word;
    inWord = word;
  }
  words[count] = h;
  count += inWord & 1;
  finish(out, first, count, chars);
}

/** murmur3's finaliser: spreads a word's FNV hash over all 32 bits before shingles combine it. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
