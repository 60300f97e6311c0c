/**
 * Clauses within one sentence: a sentence that joins two statements with a discourse marker
 * ("X, but Y", "X because Y", "X; Y") makes two argument units, since each side can be disputed or
 * supported on its own. Cheap rules, not a parse: a break is taken only where both sides read as
 * a clause (enough words, a finite verb), never inside brackets or quotes, and never in a
 * conditional ("If X, Y" is one claim).
 */

/** A place where a sentence may break: the marker, and where the next clause begins ("because of" opens a phrase, not a clause). */
const BREAK =
  /[;:][ \t]+(?:(?:but|so)[ \t]+)?|,[ \t]+(?:but|and|so|because(?![ \t]+of\b)|although|though|whereas|while|yet|since|as)[ \t]+|[ \t](?:but|because(?![ \t]+of\b)|although|whereas)[ \t]+|[ \t](?:-{1,2}|–|—)[ \t]+/gi;

/** Words that mark a finite clause: auxiliaries, modals, copulas, contractions, and pronoun subjects. */
export const FINITE: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'am', 'do', 'does', 'did', 'have', 'has', 'had', 'can', 'could', 'will', 'would', 'should',
  'must', 'may', 'might', 'shall', 'isn\'t', 'aren\'t', 'wasn\'t', 'weren\'t', 'don\'t', 'doesn\'t', 'didn\'t', 'haven\'t',
  'hasn\'t', 'hadn\'t', 'can\'t', 'couldn\'t', 'won\'t', 'wouldn\'t', 'shouldn\'t', 'mustn\'t', 'cannot',
  'i', 'you', 'he', 'she', 'we', 'they', 'it', 'there', 'i\'m', 'you\'re', 'we\'re', 'they\'re', 'it\'s', 'that\'s',
  'there\'s', 'he\'s', 'she\'s', 'i\'ve', 'you\'ve', 'we\'ve', 'they\'ve', 'i\'d', 'you\'d', 'i\'ll', 'you\'ll', 'people',
]);

/** Fewest words a side of a break must have to stand as a unit. */
const MIN_WORDS = 3;

/** Opens a conditional or a concession whose comma does not end a statement. */
const SUBORDINATE_OPENING = /^(?:(?:but|and|so)[ \t]+)?(?:if|unless|when|whenever|even if|even though|although|though|while|whereas|because|since|once|as long as)\b/i;

/** [start, end) spans of the clauses of the sentence `text[start, end)`, trimmed; the sentence itself when it does not break. */
export function clauseSpans(text: string, start: number, end: number): Array<[number, number]> {
  const sentence = text.slice(start, end);
  if (sentence.length < 24 || SUBORDINATE_OPENING.test(sentence)) return [[start, end]];
  const spans: Array<[number, number]> = [];
  let from = 0;
  // Brackets and quotes open between `from` and `scanned`, tracked as the scan moves on, so each character is read once.
  let scanned = 0;
  let depth = 0;
  let quotes = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(sentence); m; m = BREAK.exec(sentence)) {
    let at = m.index;
    const next = at + m[0].length;
    for (; scanned < at; scanned++) {
      const c = sentence.charCodeAt(scanned);
      if (c === 40 || c === 91) depth++; // ( [
      else if ((c === 41 || c === 93) && depth > 0) depth--; // ) ]
      else if (c === 34 || c === 0x201c || c === 0x201d) quotes++; // " “ ”
    }
    while (at > from && (sentence.charCodeAt(at - 1) === 32 || sentence.charCodeAt(at - 1) === 9)) at--;
    if (next >= sentence.length || depth > 0 || quotes % 2 === 1) continue;
    // Each side is judged on a bounded window next to the break, so a long sentence costs linear time.
    if (!clauseLike(sentence, Math.max(from, at - WINDOW), at) || !clauseLike(sentence, next, Math.min(sentence.length, next + WINDOW))) continue;
    spans.push([start + from, start + at]);
    from = next;
    scanned = next;
    depth = 0;
    quotes = 0;
  }
  if (spans.length === 0) return [[start, end]];
  spans.push([start + from, end]);
  return spans;
}

/** Characters each side of a break that are read to judge it. */
const WINDOW = 240;

/**
 * Whether `text[from, to)` reads as a clause: at least MIN_WORDS words and a finite-clause word.
 * A word is a run between spaces or tabs, trimmed to its first and last letter or apostrophe (a
 * run with none is no word); one scan, and a word is lower-cased only while no finite word is found.
 */
export function clauseLike(text: string, from: number, to: number): boolean {
  let words = 0;
  let finite = false;
  let i = from;
  while (i < to) {
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    const start = i;
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    const first = firstWordChar(text, start, i);
    if (first < 0) continue;
    words++;
    if (!finite) finite = isFinite(text, first, lastWordChar(text, first, i));
    if (finite && words >= MIN_WORDS) return true;
  }
  return false;
}

/** The longest FINITE entry: a longer word can be finite only by its "n't" ending. */
const LONGEST_FINITE = Math.max(...[...FINITE].map((w) => w.length));

/** Whether the trimmed word `text[start, end)` marks a finite clause (FINITE, or an "n't" ending). */
function isFinite(text: string, start: number, end: number): boolean {
  if (end - start > LONGEST_FINITE) {
    // Lower-casing keeps these three characters' places (only U+0130 grows, and it is no n, apostrophe or t).
    const n = text.charCodeAt(end - 3) | 0x20;
    const apostrophe = text.charCodeAt(end - 2);
    const t = text.charCodeAt(end - 1) | 0x20;
    return n === 110 && (apostrophe === 39 || apostrophe === 0x2019) && t === 116;
  }
  const word = text.slice(start, end);
  const w = (word.includes('’') ? word.replace(/’/g, '\'') : word).toLowerCase();
  return FINITE.has(w) || w.endsWith('n\'t');
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Index of the first letter or apostrophe (a code point) in `text[start, end)`, or -1. */
function firstWordChar(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 39 || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) return i;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      if (LETTER.test(text.slice(i, i + 2))) return i;
      i++;
    } else if (LETTER.test(text[i]!)) return i;
  }
  return -1;
}

/** End (exclusive) of the last letter or apostrophe in `text[first, end)`, given one at `first`. */
function lastWordChar(text: string, first: number, end: number): number {
  for (let i = end - 1; i > first; i--) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 39 || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) return i + 1;
    } else if (isLowSurrogate(c) && i - 1 >= first && isHighSurrogate(text.charCodeAt(i - 1))) {
      if (LETTER.test(text.slice(i - 1, i + 1))) return i + 1;
      i--;
    } else if (LETTER.test(text[i]!)) return i + 1;
  }
  return first + (isHighSurrogate(text.charCodeAt(first)) && first + 1 < end && isLowSurrogate(text.charCodeAt(first + 1)) ? 2 : 1);
}

const LETTER = /^\p{L}$/u;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
