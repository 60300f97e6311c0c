/**
 * Texts as lists of shared word records (tokens.ts) in comparison form, and the share of one text's
 * words found in another, counted by stamping the records: no set per text, so comparing a quote
 * with every unit it may come from stays cheap.
 */
import type { Word } from './tokens.js';

/** A text in comparison form: its words (repeats kept) and, made on first use, the words joined by single spaces. */
export class WordList {
  private joined: string | undefined;
  /** `plain`: the words are the text's runs of ASCII word characters (see wordsOf). */
  constructor(
    readonly words: readonly Word[],
    readonly plain = false,
  ) {}

  /** normalizeForMatch's form of the text. */
  get text(): string {
    if (this.joined === undefined) {
      let out = '';
      for (let k = 0; k < this.words.length; k++) out += k ? ` ${this.words[k]!.word}` : this.words[k]!.word;
      this.joined = out;
    }
    return this.joined;
  }
}

let stamp = 0;

/** The share of `a`'s words found in `b` (1 when either text contains the other): counted over word records. */
export function shareIn(a: WordList, b: WordList): number {
  if (a.words.length === 0 || b.words.length === 0) return 0;
  if (b.text.includes(a.text) || a.text.includes(b.text)) return 1;
  const mark = ++stamp;
  for (const w of b.words) w.mark = mark;
  let found = 0;
  for (const w of a.words) if (w.mark === mark) found++;
  return found / a.words.length;
}
