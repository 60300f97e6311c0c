/**
 * Sentence boundaries within one line of text, with exact offsets. A plain scan with an
 * abbreviation list: compromise splits better but costs ~50× more, and the cases it wins
 * (rare abbreviations) matter less here than throughput over large exports.
 */
import { isSpaceCode } from '../util/chars.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'eg', 'ie', 'cf', 'al', 'approx', 'fig', 'inc',
  'ltd', 'co', 'corp', 'dept', 'est', 'gen', 'gov', 'sen', 'rep', 'rev', 'ca',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ph', 'mt', 'ft',
]);
// Not listed: "us", "uk", "am", "pm". Undotted, they end sentences ("within us.", "in the US.", "I am.", "at 5 pm.");
// dotted ("U.S.", "a.m.") the dotted-abbreviation rule keeps them.

/** Abbreviations only before a number ("No. 5", "vol. 2"): elsewhere "no." ends a sentence. */
const NUMBERED = new Set(['no', 'nos', 'vol', 'pp', 'fig', 'p']);

// No lookahead: each run of marks is matched once, whole, so a line of a million periods stays linear.
const TERMINATOR = /[.!?…]+["'”’)\]]*/g;

/** [start, end) pairs of the sentences in `text[from, to)`, trimmed of surrounding spaces. */
export function sentenceSpans(text: string, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const line = text.slice(from, to);
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(line); m; m = TERMINATOR.exec(line)) {
    const end = m.index + m[0].length;
    if (end < line.length && !isSpaceCode(line.charCodeAt(end))) continue;
    if (!isBoundary(line, start, m.index, m[0], end)) continue;
    pushTrimmed(spans, text, from + start, from + end);
    start = end;
  }
  pushTrimmed(spans, text, from + start, to);
  return spans;
}

/** Opening quotes and brackets: an enumerator may follow one ("“2."). */
const OPENING = new Set(['"', '“', '‘', '(', '[']);
/** What is skipped to read the case of the word after a period: those, and a straight single quote. */
const OPENERS = new Set([...OPENING, "'"]);

function isBoundary(line: string, start: number, at: number, mark: string, end: number): boolean {
  let next = end;
  while (next < line.length && isSpaceCode(line.charCodeAt(next))) next++;
  if (next >= line.length) return true;
  // A doubt or an exclamation in brackets ("until the (late?) 1800s") is an aside inside the sentence.
  if (mark[0] === '?' || mark[0] === '!') return !(mark.endsWith(')') && /[\p{Ll}\d]/u.test(line[next]!));
  // A number alone is no sentence: "2." numbers what follows it ("has “2. Sex, …”").
  if (mark === '.' && isEnumerator(line, start, at)) return false;
  while (next < line.length - 1 && OPENERS.has(line[next]!)) next++;
  const following = line[next]!;
  // A period inside closing quotes or brackets ends the quoted sentence, abbreviation or not.
  if (mark === '.') {
    const word = wordBefore(line, at);
    const bare = word.replace(/\./g, '').toLowerCase();
    if (ABBREVIATIONS.has(bare)) return false;
    if (NUMBERED.has(bare) && /\d/.test(following)) return false;
    // An initial ("J. Smith") or a dotted abbreviation ("e.g.", "U.S.").
    if (/^[A-Za-z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]?$/.test(word)) return false;
  }
  // "e.g. this", "approx. ten", ". (and then": a lower-case start rarely begins a new sentence after a period.
  return !/\p{Ll}/u.test(following);
}

/**
 * Whether `line[…, at)` ends in an enumerator: 1–3 digits that open the sentence begun at `start`
 * or follow an opening quote or bracket. Read backwards from `at` over a few characters (and the
 * spaces before the digits), never the whole sentence: a long run of non-boundary periods would
 * otherwise cost the square of its length.
 */
function isEnumerator(line: string, start: number, at: number): boolean {
  let i = at;
  while (i > start && at - i < 4 && line.charCodeAt(i - 1) >= 48 && line.charCodeAt(i - 1) <= 57) i--;
  const digits = at - i;
  if (digits === 0 || digits > 3 || (i > start && line.charCodeAt(i - 1) >= 48 && line.charCodeAt(i - 1) <= 57)) return false;
  if (i > start && OPENING.has(line[i - 1]!)) return true;
  while (i > start && isSpaceCode(line.charCodeAt(i - 1))) i--;
  return i === start;
}

function wordBefore(line: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}\p{N}.'’]/u.test(line[i - 1]!)) i--;
  return line.slice(i, at);
}

function pushTrimmed(spans: Array<[number, number]>, text: string, start: number, end: number): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push([start, end]);
}
