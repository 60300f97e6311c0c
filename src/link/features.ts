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
] as const;

export type ClaimFeature = (typeof CLAIM_FEATURES)[number];
export type AttackFeature = (typeof ATTACK_FEATURES)[number];
export type SupportFeature = (typeof SUPPORT_FEATURES)[number];

export interface Candidate {
  source: number;
  target: number;
  x: number[];
}

/** Parent-comment targets considered per source: a long parent is read from its start, where disputed claims sit. */
const PARENT_CAP = 40;
/** Own-comment units before the source that may be its target. */
const OWN_BACK = 3;
/** Support reach: units before and after the source in its comment. */
const SUPPORT_BACK = 6;
const SUPPORT_AHEAD = 2;

/** Whether the unit may take part in an argument edge at all. */
function argumentative(ctx: LinkContext, i: number): boolean {
  return ARGUMENT_TYPES.has(ctx.units[i]!.type);
}
const ARGUMENT_TYPES = new Set(['claim', 'premise', 'prediction', 'rebuttal', 'concession']);

/** Candidate attack targets of source `s`, with their features; empty for units of an opening post. */
export function attackCandidates(ctx: LinkContext, s: number): Candidate[] {
  const unit = ctx.units[s]!;
  const ci = unit.sentence.commentIndex;
  const parent = ctx.parentIndex[ci];
  if (parent === null || parent === undefined || !argumentative(ctx, s)) return [];
  const root = ctx.rootOf(ci);
  // Targets in ascending order without a Set: parent units, the opening claim, a few of the source's own.
  const targets: number[] = [];
  const parentUnits = ctx.unitsOfComment(parent);
  for (let k = 0; k < Math.min(parentUnits.length, PARENT_CAP); k++) if (argumentative(ctx, parentUnits[k]!)) targets.push(parentUnits[k]!);
  const opening = ctx.unitsOfComment(root)[0];
  if (opening !== undefined && argumentative(ctx, opening) && !targets.includes(opening)) targets.push(opening);
  const own = ctx.unitsOfComment(ci);
  const at = unit.sentence.position;
  for (let k = Math.max(0, at - OWN_BACK); k < at; k++) if (argumentative(ctx, own[k]!) && !targets.includes(own[k]!)) targets.push(own[k]!);
  targets.sort((a, b) => a - b);

  // `afterQuote` stays set for the rest of the comment; the first unit after a quote is where the answer to it starts.
  const firstAfterQuote = unit.sentence.afterQuote !== undefined && (at === 0 || ctx.units[own[at - 1]!]!.sentence.afterQuote !== unit.sentence.afterQuote);
  const q = unit.sentence.afterQuote;
  const src = [
    1,
    at === 0 ? 1 : 0,
    firstAfterQuote ? 1 : 0,
    unit.sentence.afterQuote !== undefined ? 1 : 0,
    unit.type === 'rebuttal' ? 1 : 0,
    unit.type === 'concession' ? 1 : 0,
    unit.type === 'premise' ? 1 : 0,
    unit.cue === 'rhetorical-question' ? 1 : 0,
    unit.sentence.clause > 0 ? 1 : 0,
    at === 0 || ctx.units[own[at - 1]!]!.sentence.paragraph !== unit.sentence.paragraph ? 1 : 0,
    Math.log1p(at),
  ];
  const out: Candidate[] = [];
  for (const t of targets) {
    const target = ctx.units[t]!;
    const tc = target.sentence.commentIndex;
    const overlap = q !== undefined && tc !== ci ? ctx.quoteOverlap(q, t) : undefined;
    const x = src.slice();
    x.push(
        tc === parent ? 1 : 0,
        t === opening ? 1 : 0,
        tc === ci ? 1 : 0,
        target.sentence.position === 0 ? 1 : 0,
        Math.log1p(target.sentence.position),
        overlap && overlap.quoteInUnit >= 0.6 ? 1 : 0,
        target.type === 'premise' ? 1 : 0,
        target.cue === 'rhetorical-question' ? 1 : 0,
        ctx.index.similarity(s, t),
        ctx.claimhood[s] ?? 0.5,
        ctx.claimhood[t] ?? 0.5,
        // A quote may span several units: then each of them lies inside it.
        overlap && overlap.unitInQuote >= 0.6 ? 1 : 0,
        overlap ? overlap.cosine : 0,
    );
    out.push({ source: s, target: t, x });
  }
  return out;
}

const FIRST_PERSON = /\b(?:I|I'm|I've|my|me|we|our)\b/;
const SECOND_PERSON = /\b(?:you|your|you're|yours)\b/i;
const DIGITS = /\d/;
const CONDITIONAL = /\b(?:if|unless)\b/i;
/** Small general lexicons of stance and register: what a claim or a reason sounds like on any topic. */
const HEDGE = /\b(?:maybe|perhaps|probably|likely|might|seems?|arguably|possibly)\b/i;
const EVALUATIVE = /\b(?:good|bad|wrong|right|better|worse|best|worst|important|fair|unfair|moral|immoral|ethical|unethical|reasonable|stupid|ridiculous|ok|okay|acceptable|necessary|harmful)\b/i;
const GENERIC_PEOPLE = /\b(?:people|everyone|everybody|anyone|anybody|someone|nobody|society|humans?|most|many|all)\b/i;
const PAST_OR_DATA = /\b(?:was|were|had|did|ago|years?|study|studies|research|percent|statistics?)\b|%/i;
const NEGATION = /\b(?:not|never|no|nothing)\b|n't\b/i;
const OPINION = new Set(['opinion', 'cmv']);
const EVIDENCE = new Set(['evidence', 'because', 'because-opening', 'after-all']);

/** Features of unit `i` for the claim model. */
export function claimFeatures(ctx: LinkContext, i: number): number[] {
  const unit = ctx.units[i]!;
  const ci = unit.sentence.commentIndex;
  const own = ctx.unitsOfComment(ci);
  const at = unit.sentence.position;
  const root = ctx.parentIndex[ci] === null || ctx.parentIndex[ci] === undefined;
  const text = unit.text;
  return [
    1,
    at === 0 ? 1 : 0,
    at === 0 || ctx.units[own[at - 1]!]!.sentence.paragraph !== unit.sentence.paragraph ? 1 : 0,
    unit.sentence.clause > 0 ? 1 : 0,
    Math.log1p(at),
    root ? 1 : 0,
    root && at === 0 ? 1 : 0,
    Math.log1p(text.length) / 5,
    unit.type === 'premise' ? 1 : 0,
    unit.type === 'prediction' ? 1 : 0,
    unit.type === 'rebuttal' ? 1 : 0,
    unit.type === 'concession' ? 1 : 0,
    unit.cue === 'rhetorical-question' ? 1 : 0,
    unit.cue !== undefined && OPINION.has(unit.cue) ? 1 : 0,
    unit.cue === 'normative' ? 1 : 0,
    unit.cue === 'example' ? 1 : 0,
    unit.cue !== undefined && EVIDENCE.has(unit.cue) ? 1 : 0,
    unit.concludes ? 1 : 0,
    FIRST_PERSON.test(text) ? 1 : 0,
    SECOND_PERSON.test(text) ? 1 : 0,
    DIGITS.test(text) ? 1 : 0,
    CONDITIONAL.test(text) ? 1 : 0,
    unit.sentence.afterQuote !== undefined ? 1 : 0,
    unit.sentence.wholeLine ? 1 : 0,
    unit.sentence.lineKind === 'list-item' ? 1 : 0,
    HEDGE.test(text) ? 1 : 0,
    EVALUATIVE.test(text) ? 1 : 0,
    GENERIC_PEOPLE.test(text) ? 1 : 0,
    PAST_OR_DATA.test(text) ? 1 : 0,
    NEGATION.test(text) ? 1 : 0,
  ];
}

/** Candidate support targets of source `s` within its own comment, with their features. */
export function supportCandidates(ctx: LinkContext, s: number): Candidate[] {
  const unit = ctx.units[s]!;
  if (!argumentative(ctx, s)) return [];
  const ci = unit.sentence.commentIndex;
  const own = ctx.unitsOfComment(ci);
  const at = unit.sentence.position;
  const opening = ctx.unitsOfComment(ctx.rootOf(ci))[0];
  const targets: number[] = [];
  const add = (t: number) => {
    if (!targets.includes(t)) targets.push(t);
  };
  for (let k = Math.max(0, at - SUPPORT_BACK); k < Math.min(own.length, at + 1 + SUPPORT_AHEAD); k++) if (k !== at && argumentative(ctx, own[k]!)) add(own[k]!);
  if (own[0] !== undefined && own[0] !== s && argumentative(ctx, own[0])) add(own[0]);
  const before = ctx.claimBefore[s];
  const after = ctx.claimAfter[s];
  if (before !== undefined && before >= 0) add(before);
  if (after !== undefined && after >= 0) add(after);
  targets.sort((a, b) => a - b);
  const paragraphFirst = at === 0 || ctx.units[own[at - 1]!]!.sentence.paragraph !== unit.sentence.paragraph;
  const out: Candidate[] = [];
  for (const t of targets) {
    const target = ctx.units[t]!;
    const tAt = target.sentence.position;
    const d = Math.abs(at - tAt);
    const samePara = target.sentence.paragraph === unit.sentence.paragraph;
    const tParaFirst = tAt === 0 || ctx.units[own[tAt - 1]!]!.sentence.paragraph !== target.sentence.paragraph;
    // Clause numbers restart with each sentence, so the later unit is in the same sentence when its number reaches back that far.
    const sameSentence = (tAt > at ? target : unit).sentence.clause >= d;
    out.push({
      source: s,
      target: t,
      x: [
        1,
        d === 1 ? 1 : 0,
        d === 2 ? 1 : 0,
        d === 3 ? 1 : 0,
        d >= 4 ? 1 : 0,
        tAt > at ? 1 : 0,
        tAt === 0 ? 1 : 0,
        tParaFirst ? 1 : 0,
        samePara ? 1 : 0,
        sameSentence ? 1 : 0,
        target.type === 'claim' ? 1 : 0,
        target.type === 'premise' ? 1 : 0,
        target.cue === 'rhetorical-question' ? 1 : 0,
        target.type === 'rebuttal' ? 1 : 0,
        t === opening ? 1 : 0,
        unit.type === 'premise' ? 1 : 0,
        unit.type === 'premise' && unit.cue !== undefined ? 1 : 0,
        unit.type === 'claim' ? 1 : 0,
        unit.type === 'rebuttal' ? 1 : 0,
        unit.concludes ? 1 : 0,
        target.concludes ? 1 : 0,
        paragraphFirst ? 1 : 0,
        ctx.index.similarity(s, t),
        ctx.claimhood[s] ?? 0.5,
        ctx.claimhood[t] ?? 0.5,
        t === before ? 1 : 0,
        t === after ? 1 : 0,
        Math.log1p(Math.abs((ctx.claimsUpTo[s] ?? 0) - (ctx.claimsUpTo[t] ?? 0))),
      ],
    });
  }
  return out;
}
