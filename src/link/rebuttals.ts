/**
 * Rebuttal targets. For each rebuttal, candidates come from three places, strongest first:
 * the passage it quotes, the words it restates ("I disagree that X" → X), and the reply structure;
 * the thread's unit index supplies the candidates, and cosine + Dice score them.
 */
import type { Edge, Evidence } from '../schema/index.js';
import type { UnitDraft } from '../classify/index.js';
import { plainApostrophes } from '../classify/index.js';
import type { QuotePassage } from '../segment/index.js';
import { normalizeForMatch } from '../dedupe/normalize.js';
import { finalistCosine, restatement } from './score.js';
import { isStopWord } from './tokens.js';
import type { LinkContext, ProbeVector } from './context.js';

/** What a rebuttal says it disputes: the clause after "I disagree that", "you say", ... */
const RESTATED = [
  /\bI (?:\w+ )?(?:disagree|dispute|doubt|reject)(?: with (?:you|the (?:idea|claim|notion|statement|point)|your (?:claim|point|statement)))?(?: that| when you say)? (.{8,})$/i,
  /\b(?:it|that)(?:'s| is) (?:simply |just )?(?:not |un)(?:true|correct|the case) that (.{8,})$/i,
  // Not under "if" or "unless": "you are right if you assume X" supposes X, it does not say the reply disputes it.
  /(?<!\b(?:if|unless) )\byou (?:say|said|claim|claimed|argue|argued|assume|assumed|seem to think) (?:that )?(.{8,})$/i,
  /\bI (?:don't|do not) (?:think|believe|buy|accept) (?:that )?(.{8,})$/i,
  /\bthe (?:idea|claim|notion|argument|assumption) that (.{8,})$/i,
];

export function restatedClause(text: string): string | undefined {
  const plain = plainApostrophes(text);
  for (const pattern of RESTATED) {
    const m = pattern.exec(plain);
    // The clause runs to the end, and plainApostrophes keeps lengths, so slice the original text.
    if (m?.[1]) return text.slice(text.length - m[1].length).replace(/[\s.!"”’']+$/u, '');
  }
  return undefined;
}

interface Scored {
  target: number;
  score: number;
  evidence: Evidence;
}

/**
 * The target a rebuttal names itself: the unit its quote comes from, or the unit whose words it
 * restates ("I disagree that X"), and the edge to it (its confidence how well the words match).
 * Undefined when it names none; a model then chooses by position.
 */
export function namedTarget(ctx: LinkContext, r: number): { edge: Edge; target: number } | undefined {
  const unit = ctx.units[r]!;
  let best = fromQuote(ctx, r);
  if (!best) {
    const restated = restatedClause(unit.text);
    if (restated !== undefined) best = fromWords(ctx, r, restated);
  }
  if (!best || best.score < ctx.options.minConfidence || (best.evidence.kind !== 'quote' && best.evidence.kind !== 'restatement')) return undefined;
  return { edge: edge(unit, ctx.units[best.target]!, best), target: best.target };
}

function edge(from: UnitDraft, to: UnitDraft, s: Scored): Edge {
  return { from: from.id, to: to.id, type: 'rebuts', confidence: round(Math.min(0.99, s.score)), evidence: s.evidence };
}

/** The quote just before the rebuttal names its target: the earlier unit that contains the quoted words. */
function fromQuote(ctx: LinkContext, r: number): Scored | undefined {
  const unit = ctx.units[r]!;
  const qi = unit.sentence.afterQuote;
  if (qi === undefined) return undefined;
  const quote: QuotePassage = ctx.quotes[qi]!;
  const sourceComment = quote.sourceCommentId ? ctx.commentIndexById.get(quote.sourceCommentId) : undefined;
  const hits = ctx.index.search(ctx.quoteVector(qi), r, (i) => ctx.isTarget(i, r) && ctx.units[i]!.sentence.commentIndex !== unit.sentence.commentIndex && (sourceComment === undefined || ctx.units[i]!.sentence.commentIndex === sourceComment), ctx.options.maxCandidates);
  let best: Scored | undefined;
  for (const hit of hits) {
    // The share of the quote's words in the unit (of their comparison forms), cached per pair.
    const c = ctx.quoteOverlap(qi, hit.index).quoteInUnit;
    if (c < 0.6) continue;
    const score = 0.55 + 0.4 * c;
    if (!best || score > best.score) best = { target: hit.index, score, evidence: { kind: 'quote', text: quote.text.slice(0, 300) } };
  }
  return best;
}

/** Restated or shared words: the earlier unit whose words the rebuttal takes up. */
function fromWords(ctx: LinkContext, r: number, restated = restatedClause(ctx.units[r]!.text)): Scored | undefined {
  const unit = ctx.units[r]!;
  const probe = restated ?? unit.text;
  const probeTerms = ctx.queryTerms(probe);
  const probeVec = ctx.probe(probeTerms);
  const finalists = closestFour(ctx, probeVec, candidates(ctx, r, probeTerms));
  const probeNorm = normalizeForMatch(probe);
  let best: Scored | undefined;
  for (const index of finalists) {
    const target = ctx.units[index]!;
    const cos = finalistCosine(probeVec, ctx.index, index);
    // Character similarity tells a restatement from shared vocabulary; without a restated clause cosine suffices.
    const dice = restated ? restatement(probeNorm, ctx.normalized(index)) : 0;
    const lexical = Math.max(cos, dice);
    const score = lexical * (restated ? 0.95 : 0.75) + ctx.structuralPrior(index, r);
    if (!best || score > best.score) {
      const kind = restated && lexical >= 0.35 ? 'restatement' : 'lexical';
      best = { target: index, score, evidence: { kind, text: (restated ?? sharedWords(probe, target.text)).slice(0, 300) } };
    }
  }
  return best;
}

/**
 * The (at most) four candidates closest to the probe by the index's cosine, closest first (the later
 * unit on ties), leaving out those that share nothing with it. Kept in lists of numbers, which keep
 * one shape whatever a thread holds (see context.ts).
 */
function closestFour(ctx: LinkContext, probe: ProbeVector, candidates: readonly number[]): number[] {
  const top: number[] = [];
  const rough: number[] = [];
  for (const index of candidates) {
    const c = ctx.probeCosine(probe, index);
    if (!(c > 0)) continue;
    // Insertion into a sorted list of at most four.
    let at = top.length;
    while (at > 0 && (rough[at - 1]! < c || (rough[at - 1] === c && top[at - 1]! < index))) at--;
    if (at >= 4) continue;
    top.splice(at, 0, index);
    rough.splice(at, 0, c);
    if (top.length > 4) {
      top.pop();
      rough.pop();
    }
  }
  return top;
}

/**
 * Where a rebuttal's target may be: always the parent comment and the opening post (where 90% of
 * targets are), the rebuttal's own comment before it, and whatever the index finds elsewhere.
 * Each source is capped, so the cost per rebuttal is bounded.
 */
function candidates(ctx: LinkContext, r: number, probeTerms: string[]): number[] {
  const unit = ctx.units[r]!;
  const ci = unit.sentence.commentIndex;
  const out = new Set<number>();
  const take = (list: readonly number[], cap: number) => {
    for (const i of list.length > cap ? list.slice(0, cap) : list) if (ctx.isTarget(i, r)) out.add(i);
  };
  const parent = ctx.parentIndex[ci];
  if (parent !== null && parent !== undefined) take(ctx.unitsOfComment(parent), STRUCTURAL_CAP);
  take(ctx.unitsOfComment(ctx.rootOf(ci)), STRUCTURAL_CAP);
  const own = ctx.unitsOfComment(ci);
  const at = unit.sentence.position;
  take(own.slice(Math.max(0, at - STRUCTURAL_CAP), at), STRUCTURAL_CAP);
  for (const hit of ctx.index.search(probeTerms, r, (i) => ctx.isTarget(i, r), ctx.options.maxCandidates)) out.add(hit.index);
  return [...out];
}

const STRUCTURAL_CAP = 40;

/** The content words two texts share, as an edge's evidence: "this" or "would" in common is no evidence. */
export function sharedWords(a: string, b: string): string {
  const words = new Set(plainApostrophes(b).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const shared = (plainApostrophes(a).toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => words.has(w) && !isStopWord(w));
  return [...new Set(shared)].join(' ');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
