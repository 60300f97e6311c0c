/**
 * Clauses within one sentence: a sentence that joins two statements with a discourse marker
 * ("X, but Y", "X because Y", "X; Y") makes two argument units, since each side can be disputed or
 * supported on its own. Cheap rules, not a parse: a break is taken only where both sides read as
 * a clause (enough words, a finite verb), never inside brackets or quotes, and never in a
 * conditional ("If X, Y" is one claim).
 */

/** A place where a sentence may break: the marker, and where the next clause begins. */
const BREAK =
  /[;:][ \t]+(?:(?:but|so)[ \t]+)?|,[ \t]+(?:but|and|so|because|although|though|whereas|while|yet|since|as)[ \t]+|[ \t](?:but|because|although|whereas)[ \t]+|[ \t](?:-{1,2}|–|—)[ \t]+/gi;

/** Words that mark a finite clause: auxiliaries, modals, copulas, contractions, and pronoun subjects. */
const FINITE = new Set([
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
      const c = sentence[scanned];
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      else if (c === '"' || c === '“' || c === '”') quotes++;
    }
    while (at > from && (sentence[at - 1] === ' ' || sentence[at - 1] === '\t')) at--;
    if (next >= sentence.length || depth > 0 || quotes % 2 === 1) continue;
    // Each side is judged on a bounded window next to the break, so a long sentence costs linear time.
    if (!clauseLike(sentence.slice(Math.max(from, at - WINDOW), at)) || !clauseLike(sentence.slice(next, next + WINDOW))) continue;
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

function clauseLike(part: string): boolean {
  let words = 0;
  let finite = false;
  for (const raw of part.split(/[ \t]+/)) {
    const w = raw.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, '').replace(/’/g, '\'').toLowerCase();
    if (!w) continue;
    words++;
    if (!finite && (FINITE.has(w) || w.endsWith('n\'t'))) finite = true;
  }
  return words >= MIN_WORDS && finite;
}
