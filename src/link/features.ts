/**
 * Explainable features of a candidate edge (source unit → target unit), for the small logistic
 * models in model.ts. Each feature is a position, a cue family or a word-overlap measure: nothing
 * names a topic or a word, so what the models learn carries over to threads they never saw.
 * Candidates are bounded per source (the parent comment, the opening claim, a few neighbours), so
 * the cost is linear in the units.
 */
import type { LinkContext } from './context.js';

/** Features of one unit for the claim model: is it a claim (what others back or dispute) or a premise (a reason)? */
export const CLAIM_FEATURES = [
  'bias',
  'first-of-comment',
  'first-of-paragraph',
  'later-clause',
  'position',
  'opening-post',
  'title',
  'length',
  'type-premise',
  'type-prediction',
  'type-rebuttal',
  'type-concession',
  'rhetorical-question',
  'cue-opinion',
  'cue-normative',
  'cue-example',
  'cue-evidence',
  'concludes',
  'first-person',
  'second-person',
  'digits',
  'conditional',
  'after-quote',
  'whole-line',
  'list-item',
  'hedge',
  'evaluative',
  'generic-people',
  'past-or-data',
  'negation',
] as const;

export const ATTACK_FEATURES = [
  'bias',
  'src-first-of-comment',
  'src-first-after-quote',
  'src-after-quote',
  'src-rebuttal-cue',
  'src-concession',
  'src-premise',
  'src-question',
  'src-later-clause',
  'src-paragraph-first',
  'src-position',
  'src-negation',
  'src-second-person',
  'src-contrast',
  'src-opinion',
  'src-max-cosine',
  'src-last-of-comment',
  'tgt-in-parent',
  'tgt-opening-claim',
  'tgt-own-comment',
  'tgt-first-of-comment',
  'tgt-position',
  'tgt-quoted',
  'tgt-premise',
  'tgt-question',
  'cosine',
  'src-claimhood',
  'tgt-claimhood',
  'tgt-inside-quote',
  'quote-cosine',
  'cosine-is-max',
  'tgt-last-of-comment',
  'tgt-paragraph-first',
  'tgt-length',
  'tgt-opinion',
] as const;

export const SUPPORT_FEATURES = [
  'bias',
  'distance-1',
  'distance-2',
  'distance-3',
  'distance-4-plus',
  'forward',
  'tgt-first-of-comment',
  'tgt-paragraph-first',
  'same-paragraph',
  'same-sentence',
  'tgt-claim',
  'tgt-premise',
  'tgt-question',
  'tgt-rebuttal',
  'tgt-opening-claim',
  'src-premise',
  'src-premise-cue',
  'src-claim',
  'src-rebuttal',
  'src-concludes',
  'tgt-concludes',
  'src-first-of-paragraph',
  'cosine',
  'src-claimhood',
  'tgt-claimhood',
  'nearest-claim-before',
  'nearest-claim-after',
  'claims-between',
  'tgt-top-claim',
] as const;

export type ClaimFeature = (typeof CLAIM_FEATURES)[number];
export type AttackFeature = (typeof ATTACK_FEATURES)[number];
export type SupportFeature = (typeof SUPPORT_FEATURES)[number];

export interface Candidate {
  source: number;
  target: number;
  x: number[];
}

/** Where feature vectors are written: a reused scratch array when scoring, a fresh one per candidate for training. */
export type FeatureVector = number[] | Float64Array;

/** Parent-comment targets considered per source: a long parent is read from its start, where disputed claims sit. */
const PARENT_CAP = 40;
/** Own-comment units before the source that may be its target. */
const OWN_BACK = 3;
/** Support reach: units before and after the source in its comment. */
const SUPPORT_BACK = 6;
const SUPPORT_AHEAD = 2;

/** The leading attack features that depend on the source alone (a scorer sums them once per source). */
export const ATTACK_SOURCE_FEATURES = ATTACK_FEATURES.indexOf('tgt-in-parent');

const OPINION = new Set(['opinion', 'cmv']);

/**
 * Math.log1p of a count (a position, a length, a difference of counts), the small ones from a table
 * filled by Math.log1p itself, so the value is the same: features take it per candidate, and the
 * same few counts come back over and over.
 */
function log1pCount(n: number): number {
  return n >= 0 && n < LOG1P.length && Number.isInteger(n) ? LOG1P[n]! : Math.log1p(n);
}
const LOG1P = Float64Array.from({ length: 4096 }, (_, n) => Math.log1p(n));

/** Whether the unit may take part in an argument edge at all. */
function argumentative(ctx: LinkContext, i: number): boolean {
  // Compared one by one rather than through a set: this runs for every candidate.
  const type = ctx.units[i]!.type;
  return type === 'claim' || type === 'premise' || type === 'rebuttal' || type === 'prediction' || type === 'concession';
}

/**
 * `list` sorted ascending in place, as list.sort((a, b) => a - b) leaves it: candidate lists are
 * short and mostly in order already (a comment's units come ascending), where an insertion sort
 * beats calling a comparator through Array.prototype.sort.
 */
function sortAscending(list: number[]): number[] {
  for (let k = 1; k < list.length; k++) {
    const v = list[k]!;
    let j = k - 1;
    while (j >= 0 && list[j]! > v) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = v;
  }
  return list;
}

/**
 * Candidate attack targets of source `s`, ascending, written into `out` (cleared first): the parent
 * comment's units, the opening claim, a few of the source's own. Empty for units of an opening post.
 */
export function attackTargets(ctx: LinkContext, s: number, out: number[]): number[] {
  out.length = 0;
  const unit = ctx.units[s]!;
  const ci = unit.sentence.commentIndex;
  const parent = ctx.parentIndex[ci];
  // A unit that says it agrees ("I agree that", "fair point") is not read as attacking, nor is an answer to a question post.
  if (parent === null || parent === undefined || !argumentative(ctx, s) || unit.type === 'concession' || ctx.answers[ci] === 1) return out;
  const parentUnits = ctx.unitsOfComment(parent);
  for (let k = 0; k < Math.min(parentUnits.length, PARENT_CAP); k++) if (argumentative(ctx, parentUnits[k]!)) out.push(parentUnits[k]!);
  const opening = ctx.unitsOfComment(ctx.rootOf(ci))[0];
  if (opening !== undefined && argumentative(ctx, opening) && !out.includes(opening)) out.push(opening);
  const own = ctx.unitsOfComment(ci);
  const at = unit.sentence.position;
  for (let k = Math.max(0, at - OWN_BACK); k < at; k++) if (argumentative(ctx, own[k]!) && !out.includes(own[k]!)) out.push(own[k]!);
  return sortAscending(out);
}

/**
 * The source half of an attack candidate's features (indices below ATTACK_SOURCE_FEATURES).
 * `maxCosine` is the source's highest cosine with any of its candidate targets (see maxSimilarity).
 */
export function attackSourceFeatures(ctx: LinkContext, s: number, x: FeatureVector, maxCosine: number): void {
  const unit = ctx.units[s]!;
  const own = ctx.unitsOfComment(unit.sentence.commentIndex);
  const at = unit.sentence.position;
  const q = unit.sentence.afterQuote;
  // `afterQuote` stays set for the rest of the comment; the first unit after a quote is where the answer to it starts.
  const firstAfterQuote = q !== undefined && (at === 0 || ctx.units[own[at - 1]!]!.sentence.afterQuote !== q);
  x[0] = 1;
  x[1] = at === 0 ? 1 : 0;
  x[2] = firstAfterQuote ? 1 : 0;
  x[3] = q !== undefined ? 1 : 0;
  x[4] = unit.type === 'rebuttal' ? 1 : 0;
  x[5] = unit.type === 'concession' ? 1 : 0;
  x[6] = unit.type === 'premise' ? 1 : 0;
  x[7] = unit.cue === 'rhetorical-question' ? 1 : 0;
  x[8] = unit.sentence.clause > 0 ? 1 : 0;
  x[9] = at === 0 || ctx.units[own[at - 1]!]!.sentence.paragraph !== unit.sentence.paragraph ? 1 : 0;
  x[10] = log1pCount(at);
  const lex = lexicalOf(ctx, s);
  x[11] = lex & Lex.Negation ? 1 : 0;
  x[12] = lex & Lex.SecondPerson ? 1 : 0;
  x[13] = unit.cue === 'contrast-opening' || unit.cue === 'but-actually' ? 1 : 0;
  x[14] = unit.cue !== undefined && OPINION.has(unit.cue) ? 1 : 0;
  x[15] = maxCosine;
  // A reply's last unit often sums up its answer to the parent.
  x[16] = at === own.length - 1 ? 1 : 0;
}

/** The highest cosine of source `s` with any of `targets`; each cosine is kept in `out` (by position) when given. */
export function maxSimilarity(ctx: LinkContext, s: number, targets: readonly number[], out?: Float64Array): number {
  let max = 0;
  for (let k = 0; k < targets.length; k++) {
    const c = ctx.index.similarity(s, targets[k]!);
    if (out) out[k] = c;
    max = Math.max(max, c);
  }
  return max;
}

/** Attack features that read how the source's quote overlaps the target (all in [0, 1]; 0 without a quote). */
export const ATTACK_OVERLAP_FEATURES = ['tgt-quoted', 'tgt-inside-quote', 'quote-cosine'].map((f) => ATTACK_FEATURES.indexOf(f as AttackFeature));

/** Whether candidate `s` → `t` has quote-overlap features to read: the source follows a quote and the target is in another comment. */
export function attackReadsOverlap(ctx: LinkContext, s: number, t: number): boolean {
  const sentence = ctx.units[s]!.sentence;
  return sentence.afterQuote !== undefined && ctx.units[t]!.sentence.commentIndex !== sentence.commentIndex;
}

/**
 * The target half of attack candidate `s` → `t`'s features (indices from ATTACK_SOURCE_FEATURES on); `maxCosine` as for the source half.
 * With `withOverlap` false the quote-overlap features are left at 0, for a scorer that bounds them before paying for them.
 */
export function attackTargetFeatures(ctx: LinkContext, s: number, t: number, x: FeatureVector, maxCosine: number, withOverlap = true, cosine = ctx.index.similarity(s, t)): void {
  const unit = ctx.units[s]!;
  const ci = unit.sentence.commentIndex;
  const q = unit.sentence.afterQuote;
  const target = ctx.units[t]!;
  const tc = target.sentence.commentIndex;
  const overlap = withOverlap && q !== undefined && tc !== ci ? ctx.quoteOverlap(q, t) : undefined;
  const opening = ctx.unitsOfComment(ctx.rootOf(ci))[0];
  const o = ATTACK_SOURCE_FEATURES;
  x[o] = tc === ctx.parentIndex[ci] ? 1 : 0;
  x[o + 1] = t === opening ? 1 : 0;
  x[o + 2] = tc === ci ? 1 : 0;
  x[o + 3] = target.sentence.position === 0 ? 1 : 0;
  x[o + 4] = log1pCount(target.sentence.position);
  x[o + 5] = overlap && overlap.quoteInUnit >= 0.6 ? 1 : 0;
  x[o + 6] = target.type === 'premise' ? 1 : 0;
  x[o + 7] = target.cue === 'rhetorical-question' ? 1 : 0;
  x[o + 8] = cosine;
  x[o + 9] = ctx.claimhood[s] ?? 0.5;
  x[o + 10] = ctx.claimhood[t] ?? 0.5;
  // A quote may span several units: then each of them lies inside it.
  x[o + 11] = overlap && overlap.unitInQuote >= 0.6 ? 1 : 0;
  x[o + 12] = overlap ? overlap.cosine : 0;
  x[o + 13] = cosine > 0 && cosine === maxCosine ? 1 : 0;
  // Where a comment opens a paragraph or closes is where it states what it argues: what replies dispute.
  const theirs = ctx.unitsOfComment(tc);
  const tAt = target.sentence.position;
  x[o + 14] = tAt === theirs.length - 1 ? 1 : 0;
  x[o + 15] = tAt === 0 || ctx.units[theirs[tAt - 1]!]!.sentence.paragraph !== target.sentence.paragraph ? 1 : 0;
  x[o + 16] = log1pCount(target.text.length) / 5;
  x[o + 17] = target.cue !== undefined && OPINION.has(target.cue) ? 1 : 0;
}

/** Candidate attack targets of source `s`, each with its own feature array (for training; scoring uses the parts above). */
export function attackCandidates(ctx: LinkContext, s: number): Candidate[] {
  const targets = attackTargets(ctx, s, []);
  if (targets.length === 0) return [];
  const src: number[] = new Array<number>(ATTACK_FEATURES.length).fill(0);
  const maxCosine = maxSimilarity(ctx, s, targets);
  attackSourceFeatures(ctx, s, src, maxCosine);
  return targets.map((t) => {
    const x = src.slice();
    attackTargetFeatures(ctx, s, t, x, maxCosine);
    return { source: s, target: t, x };
  });
}

/** Word lists of the claim model's lexical flags, matched as whole ASCII words, case-insensitively. */
const enum Lex {
  SecondPerson = 1,
  Conditional = 2,
  Hedge = 4,
  Evaluative = 8,
  GenericPeople = 16,
  PastOrData = 32,
  Negation = 64,
  FirstPerson = 128,
  Digits = 256,
}
/** Small general lexicons of stance and register: what a claim or a reason sounds like on any topic. */
const LEXICON = new Map<string, number>();
for (const [flag, words] of [
  [Lex.SecondPerson, 'you your yours'],
  [Lex.Conditional, 'if unless'],
  [Lex.Hedge, 'maybe perhaps probably likely might seem seems arguably possibly'],
  [Lex.Evaluative, 'good bad wrong right better worse best worst important fair unfair moral immoral ethical unethical reasonable stupid ridiculous ok okay acceptable necessary harmful'],
  [Lex.GenericPeople, 'people everyone everybody anyone anybody someone nobody society human humans most many all'],
  [Lex.PastOrData, 'was were had did ago year years study studies research percent statistic statistics'],
  [Lex.Negation, 'not never no nothing'],
] as const) {
  for (const w of words.split(' ')) LEXICON.set(w, (LEXICON.get(w) ?? 0) | flag);
}
/** First person is matched with its case: "I", and lower-case "my", "me", "we", "our" (as the model was trained). */
const FIRST_PERSON = new Set(['I', 'my', 'me', 'we', 'our']);
const LONGEST_WORD = 10;
/** Length, first and last letter (folded) of every listed word: most words of a text are ruled out without slicing them. */
const SHAPES = new Uint8Array((LONGEST_WORD + 1) * 32 * 32);
const shape = (len: number, first: number, last: number) => (len * 32 + (first & 31)) * 32 + (last & 31);
for (const w of [...LEXICON.keys(), ...FIRST_PERSON]) SHAPES[shape(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))] = 1;

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * The claim model's lexical flags of a text in one scan. Words are maximal runs of ASCII word
 * characters (what `\b` delimits); "n't" counts as a negation and "%" as data.
 */
export function lexicalFlags(text: string): number {
  let flags = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isAsciiWord(c)) {
      if (start < 0) start = i;
      if (c >= 48 && c <= 57) flags |= Lex.Digits;
      continue;
    }
    if (c === 37) flags |= Lex.PastOrData;
    if (start < 0) continue;
    const len = i - start;
    if (len <= LONGEST_WORD && SHAPES[shape(len, text.charCodeAt(start), text.charCodeAt(i - 1))] === 1) {
      const word = text.slice(start, i);
      if (FIRST_PERSON.has(word)) flags |= Lex.FirstPerson;
      const f = LEXICON.get(word) ?? LEXICON.get(word.toLowerCase());
      if (f !== undefined) flags |= f;
    }
    // "n't": a word ending in n, an ASCII apostrophe, then the word "t".
    if (len === 1 && (text.charCodeAt(start) | 32) === 116 && start >= 2 && text.charCodeAt(start - 1) === 39 && (text.charCodeAt(start - 2) | 32) === 110) flags |= Lex.Negation;
    start = -1;
  }
  return flags;
}

/** Unit `i`'s lexical flags, read once per unit. */
function lexicalOf(ctx: LinkContext, i: number): number {
  let lex = ctx.lexical[i]!;
  if (lex < 0) ctx.lexical[i] = lex = unitLexicalFlags(ctx, i);
  return lex;
}

const MAYBE_FIRST_PERSON = 1 << 16;
const FIRST_PERSON_WORD = /\b(?:I|my|me|we|our)\b/;
const NOT_CONTRACTION = /n't\b/i;

/**
 * lexicalFlags of unit `i`'s text, from the words the context already read when they are the
 * text's ASCII words (flags cached per distinct word): only first person (case matters) and
 * "n't" (an apostrophe) go back to the text, and only when they may be there.
 */
export function unitLexicalFlags(ctx: LinkContext, i: number): number {
  const text = ctx.units[i]!.text;
  const list = ctx.unitWords(i);
  if (!list.plain) return lexicalFlags(text);
  let flags = 0;
  for (const w of list.words) {
    if (w.lex < 0) {
      let f = LEXICON.get(w.word) ?? 0;
      if (FIRST_PERSON.has(w.word) || w.word === 'i') f |= MAYBE_FIRST_PERSON;
      for (let k = 0; k < w.word.length; k++) {
        const c = w.word.charCodeAt(k);
        if (c >= 48 && c <= 57) f |= Lex.Digits;
      }
      w.lex = f;
    }
    flags |= w.lex;
  }
  if (flags & MAYBE_FIRST_PERSON) flags = (flags & ~MAYBE_FIRST_PERSON) | (FIRST_PERSON_WORD.test(text) ? Lex.FirstPerson : 0);
  if (text.includes('%')) flags |= Lex.PastOrData;
  if (text.includes("'") && NOT_CONTRACTION.test(text)) flags |= Lex.Negation;
  return flags;
}

const EVIDENCE = new Set(['evidence', 'because', 'because-opening', 'after-all']);

/** Features of unit `i` for the claim model, written into `x`. */
export function claimFeaturesInto(ctx: LinkContext, i: number, x: FeatureVector): void {
  const unit = ctx.units[i]!;
  const ci = unit.sentence.commentIndex;
  const own = ctx.unitsOfComment(ci);
  const at = unit.sentence.position;
  const root = ctx.parentIndex[ci] === null || ctx.parentIndex[ci] === undefined;
  const text = unit.text;
  const lex = lexicalOf(ctx, i);
  x[0] = 1;
  x[1] = at === 0 ? 1 : 0;
  x[2] = at === 0 || ctx.units[own[at - 1]!]!.sentence.paragraph !== unit.sentence.paragraph ? 1 : 0;
  x[3] = unit.sentence.clause > 0 ? 1 : 0;
  x[4] = log1pCount(at);
  x[5] = root ? 1 : 0;
  x[6] = root && at === 0 ? 1 : 0;
  x[7] = log1pCount(text.length) / 5;
  x[8] = unit.type === 'premise' ? 1 : 0;
  x[9] = unit.type === 'prediction' ? 1 : 0;
  x[10] = unit.type === 'rebuttal' ? 1 : 0;
  x[11] = unit.type === 'concession' ? 1 : 0;
  x[12] = unit.cue === 'rhetorical-question' ? 1 : 0;
  x[13] = unit.cue !== undefined && OPINION.has(unit.cue) ? 1 : 0;
  x[14] = unit.cue === 'normative' ? 1 : 0;
  x[15] = unit.cue === 'example' ? 1 : 0;
  x[16] = unit.cue !== undefined && EVIDENCE.has(unit.cue) ? 1 : 0;
  // 'concludes' reads the marker ("So ..." of any kind); the "X. So Y." edge reads the narrower `concludes`.
  x[17] = unit.conclusionMarker ? 1 : 0;
  x[18] = lex & Lex.FirstPerson ? 1 : 0;
  x[19] = lex & Lex.SecondPerson ? 1 : 0;
  x[20] = lex & Lex.Digits ? 1 : 0;
  x[21] = lex & Lex.Conditional ? 1 : 0;
  x[22] = unit.sentence.afterQuote !== undefined ? 1 : 0;
  x[23] = unit.sentence.wholeLine ? 1 : 0;
  x[24] = unit.sentence.lineKind === 'list-item' ? 1 : 0;
  x[25] = lex & Lex.Hedge ? 1 : 0;
  x[26] = lex & Lex.Evaluative ? 1 : 0;
  x[27] = lex & Lex.GenericPeople ? 1 : 0;
  x[28] = lex & Lex.PastOrData ? 1 : 0;
  x[29] = lex & Lex.Negation ? 1 : 0;
}

/** Features of unit `i` for the claim model. */
export function claimFeatures(ctx: LinkContext, i: number): number[] {
  const x = new Array<number>(CLAIM_FEATURES.length).fill(0);
  claimFeaturesInto(ctx, i, x);
  return x;
}

/**
 * Candidate support targets of source `s` within its own comment, ascending, written into `out`:
 * a window around it, the comment's first unit, and the nearest claim-like units either side.
 */
export function supportTargets(ctx: LinkContext, s: number, out: number[]): number[] {
  out.length = 0;
  if (!argumentative(ctx, s)) return out;
  const unit = ctx.units[s]!;
  const own = ctx.unitsOfComment(unit.sentence.commentIndex);
  const at = unit.sentence.position;
  for (let k = Math.max(0, at - SUPPORT_BACK); k < Math.min(own.length, at + 1 + SUPPORT_AHEAD); k++) if (k !== at && argumentative(ctx, own[k]!)) out.push(own[k]!);
  if (own[0] !== undefined && own[0] !== s && argumentative(ctx, own[0]) && !out.includes(own[0])) out.push(own[0]);
  const before = ctx.claimBefore[s];
  const after = ctx.claimAfter[s];
  if (before !== undefined && before >= 0 && !out.includes(before)) out.push(before);
  if (after !== undefined && after >= 0 && !out.includes(after)) out.push(after);
  return sortAscending(out);
}

/** Features of support candidate `s` → `t`, written into `x`. */
export function supportFeaturesInto(ctx: LinkContext, s: number, t: number, x: FeatureVector): void {
  const unit = ctx.units[s]!;
  const own = ctx.unitsOfComment(unit.sentence.commentIndex);
  const at = unit.sentence.position;
  const opening = ctx.unitsOfComment(ctx.rootOf(unit.sentence.commentIndex))[0];
  const paragraphFirst = at === 0 || ctx.units[own[at - 1]!]!.sentence.paragraph !== unit.sentence.paragraph;
  const target = ctx.units[t]!;
  // Types as the classifier gave them: what the attack model retypes is a guess, and supports read the cues.
  const sType = ctx.classifiedType[s];
  const tType = ctx.classifiedType[t];
  const tAt = target.sentence.position;
  const d = Math.abs(at - tAt);
  const samePara = target.sentence.paragraph === unit.sentence.paragraph;
  const tParaFirst = tAt === 0 || ctx.units[own[tAt - 1]!]!.sentence.paragraph !== target.sentence.paragraph;
  // Clause numbers restart with each sentence, so the later unit is in the same sentence when its number reaches back that far.
  const sameSentence = (tAt > at ? target : unit).sentence.clause >= d;
  x[0] = 1;
  x[1] = d === 1 ? 1 : 0;
  x[2] = d === 2 ? 1 : 0;
  x[3] = d === 3 ? 1 : 0;
  x[4] = d >= 4 ? 1 : 0;
  x[5] = tAt > at ? 1 : 0;
  x[6] = tAt === 0 ? 1 : 0;
  x[7] = tParaFirst ? 1 : 0;
  x[8] = samePara ? 1 : 0;
  x[9] = sameSentence ? 1 : 0;
  x[10] = tType === 'claim' ? 1 : 0;
  x[11] = tType === 'premise' ? 1 : 0;
  x[12] = target.cue === 'rhetorical-question' ? 1 : 0;
  x[13] = tType === 'rebuttal' ? 1 : 0;
  x[14] = t === opening ? 1 : 0;
  x[15] = sType === 'premise' ? 1 : 0;
  x[16] = sType === 'premise' && unit.cue !== undefined ? 1 : 0;
  x[17] = sType === 'claim' ? 1 : 0;
  x[18] = sType === 'rebuttal' ? 1 : 0;
  // As in the claim model: the marker, not whether the sentence draws a conclusion.
  x[19] = unit.conclusionMarker ? 1 : 0;
  x[20] = target.conclusionMarker ? 1 : 0;
  x[21] = paragraphFirst ? 1 : 0;
  x[22] = ctx.index.similarity(s, t);
  x[23] = ctx.claimhood[s] ?? 0.5;
  x[24] = ctx.claimhood[t] ?? 0.5;
  x[25] = t === ctx.claimBefore[s] ? 1 : 0;
  x[26] = t === ctx.claimAfter[s] ? 1 : 0;
  x[27] = log1pCount(Math.abs((ctx.claimsUpTo[s] ?? 0) - (ctx.claimsUpTo[t] ?? 0)));
  x[28] = t === ctx.topClaim[target.sentence.commentIndex] ? 1 : 0;
}

/** Candidate support targets of source `s`, each with its own feature array (for training). */
export function supportCandidates(ctx: LinkContext, s: number): Candidate[] {
  return supportTargets(ctx, s, []).map((t) => {
    const x = new Array<number>(SUPPORT_FEATURES.length).fill(0);
    supportFeaturesInto(ctx, s, t, x);
    return { source: s, target: t, x };
  });
}
