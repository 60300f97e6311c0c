/**
 * link: `rebuts` edges from each rebuttal to the unit it targets, anywhere earlier in the thread,
 * and `supports` edges from premises to what they support. Every edge carries its evidence.
 *
 * Rebuttals: a quote or a restatement ("I disagree that X") names the target first; then the attack
 * model of model.ts reads position, quotes and overlap to find the disputes that carry no such
 * pointer (most of them, in real threads). A unit the attack model finds rebutting something is
 * typed `rebuttal`. Supports: the support model decides every edge, reading cues ("because", "so")
 * as features, and the edge names the cue as its evidence.
 */
import type { Classified } from '../classify/index.js';
import type { LinkOptions } from '../options.js';
import type { Edge, Thread } from '../schema/index.js';
import { linkContext, type LinkContext } from './context.js';
import { edgeConfidence, LINK_MODELS, uncalibrated, type LinkModels, type LogisticModel } from './model.js';
import { attackProbability, bestAttack, bestSupport, claimProbability, type Best } from './scoring.js';
import { namedTarget, sharedWords } from './rebuttals.js';
import { conclusionSupports, supportEvidence } from './supports.js';
import { typeUncuedClaims } from './claim-types.js';

export { restatedClause } from './rebuttals.js';
export { terms, stem } from './tokens.js';
export { UnitIndex } from './unit-index.js';
export { finalistCosine, restatement } from './score.js';
export { LINK_MODELS, type LinkModels, type LogisticModel } from './model.js';
export { linkContext } from './context.js';

/** How the linker reads each unit's claimhood: the claim model, or (for the training script's diagnostics) something else. */
export type ClaimReader = (ctx: LinkContext, models: LinkModels) => void;

export function link(classified: Classified, thread: Thread, parentOf: ReadonlyMap<string, string | null>, options: LinkOptions, models: LinkModels = LINK_MODELS, claims: ClaimReader = readClaims): Edge[] {
  const ctx = linkContext(thread, classified.units, classified.quotes, parentOf, options);
  claims(ctx, models);
  const edges: Edge[] = [];
  const cueRebuttals: number[] = [];
  classified.units.forEach((unit, i) => {
    if (unit.type !== 'rebuttal') return;
    // A quote or a restatement names the target; otherwise the model, which reads position too, chooses.
    const named = namedTarget(ctx, i);
    if (!named) return;
    cueRebuttals.push(i);
    // A restatement ("I disagree that X") states the dispute and its target: its confidence is how
    // closely X matches. A reply after a quote may answer it or go on to something else: how often
    // such a unit disputes what it quoted, the attack model says (cue-drawn confidences said 0.9
    // there, and 6 in 29 were right on the annotated threads).
    const confidence = named.edge.evidence.kind === 'restatement' ? named.edge.confidence : edgeConfidence(models.attack, attackProbability(ctx, models.attack, i, named.target));
    if (confidence >= ctx.options.minModelConfidence) edges.push({ ...named.edge, confidence });
  });
  edges.push(...modelAttacks(ctx, models, new Set(cueRebuttals)));
  const conclusions = conclusionSupports(ctx, models.support, ctx.options.minModelConfidence);
  edges.push(...conclusions, ...modelSupports(ctx, models, new Set(conclusions.map((e) => e.from))));
  typeUncuedClaims(ctx, models.claim.threshold);
  return edges;
}

/**
 * The claim model's reading of every unit, and for each unit the nearest claim-like units around
 * it in its comment: one pass per comment each way.
 */
export function readClaims(ctx: LinkContext, models: LinkModels): void {
  ctx.units.forEach((unit, i) => {
    ctx.claimhood[i] = ARGUMENTATIVE.has(unit.type) ? claimProbability(ctx, models.claim, i) : 0;
  });
  claimNeighbours(ctx, models.claim.threshold);
}

/** For each unit, the nearest claim-like units around it in its comment (claimhood at or above `threshold`). */
export function claimNeighbours(ctx: LinkContext, threshold: number): void {
  const claimLike = (i: number) => ctx.claimhood[i]! >= threshold && ARGUMENTATIVE.has(ctx.units[i]!.type);
  const seen = new Set<number>();
  ctx.units.forEach((unit) => {
    const ci = unit.sentence.commentIndex;
    if (seen.has(ci)) return;
    seen.add(ci);
    const own = ctx.unitsOfComment(ci);
    let last = -1;
    let count = 0;
    let top = -1;
    for (const i of own) {
      if (ARGUMENTATIVE.has(ctx.units[i]!.type) && (top < 0 || ctx.claimhood[i]! > ctx.claimhood[top]!)) top = i;
      ctx.claimBefore[i] = last;
      if (claimLike(i)) {
        last = i;
        count++;
      }
      ctx.claimsUpTo[i] = count;
    }
    ctx.topClaim[ci] = top;
    let next = -1;
    for (let k = own.length - 1; k >= 0; k--) {
      const i = own[k]!;
      ctx.claimAfter[i] = next;
      if (claimLike(i)) next = i;
    }
  });
}

const ARGUMENTATIVE = new Set(['claim', 'premise', 'prediction', 'rebuttal', 'concession']);

/** Attack edges the model finds for units without a rebuttal cue; their sources become rebuttals. */
export function modelAttacks(ctx: LinkContext, models: LinkModels, skip: ReadonlySet<number>): Edge[] {
  const found: Array<Best & { source: number }> = [];
  const threshold = floor(models.attack, ctx.options.minModelConfidence);
  for (let s = 0; s < ctx.units.length; s++) {
    if (skip.has(s)) continue;
    const top = bestAttack(ctx, models.attack, s, threshold);
    if (top && top.p >= threshold) found.push({ source: s, target: top.target, p: top.p });
  }
  // Typed after every candidate is scored, so each source's features read the classifier's types, as in training.
  return mostConfidentPerComment(ctx, found, ctx.options.maxModelRebuttalsPerComment).map(({ source, target, p }) => {
    const from = ctx.units[source]!;
    from.type = 'rebuttal';
    const confidence = edgeConfidence(models.attack, p);
    from.confidence = confidence;
    const to = ctx.units[target]!;
    const q = from.sentence.afterQuote;
    const quoted = q !== undefined && to.sentence.commentIndex !== from.sentence.commentIndex && ctx.quoteOverlap(q, target).quoteInUnit >= 0.6;
    const shared = quoted ? '' : sharedWords(from.text, to.text);
    const evidence = quoted ? { kind: 'quote' as const, text: ctx.quotes[q]!.text.slice(0, 300) } : shared ? { kind: 'lexical' as const, text: shared.slice(0, 300) } : { kind: 'reply' as const };
    return { from: from.id, to: to.id, type: 'rebuts' as const, confidence, evidence };
  });
}

/** Of `found` (in source order), the `cap` most confident of each comment (the earlier source on ties), still in source order. */
function mostConfidentPerComment<T extends { source: number; p: number }>(ctx: LinkContext, found: T[], cap: number): T[] {
  // Positions in `found`, most confident first: a list of numbers keeps one shape whatever is found (see context.ts).
  const ranked: number[] = [];
  for (let k = 0; k < found.length; k++) ranked.push(k);
  ranked.sort((a, b) => found[b]!.p - found[a]!.p || found[a]!.source - found[b]!.source);
  const taken = new Map<number, number>();
  const keep = new Uint8Array(found.length);
  for (const k of ranked) {
    const comment = ctx.units[found[k]!.source]!.sentence.commentIndex;
    const n = taken.get(comment) ?? 0;
    if (n >= cap) continue;
    taken.set(comment, n + 1);
    keep[k] = 1;
  }
  const kept: T[] = [];
  for (let k = 0; k < found.length; k++) if (keep[k] === 1) kept.push(found[k]!);
  return kept;
}

/**
 * Support edges: each unit's best-rated target, when the support model rates it over its threshold.
 * Units a conclusion cue already linked are skipped, and a conclusion ("So X") is not read as a
 * reason for what came before it.
 */
export function modelSupports(ctx: LinkContext, models: LinkModels, skip: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  const threshold = floor(models.support, ctx.options.minModelConfidence);
  ctx.units.forEach((unit, s) => {
    if (skip.has(unit.id)) return;
    const top = bestSupport(ctx, models.support, s);
    if (!top || top.p < threshold) return;
    if (unit.concludes && ctx.units[top.target]!.sentence.position < unit.sentence.position) return;
    edges.push({ from: unit.id, to: ctx.units[top.target]!.id, type: 'supports', confidence: edgeConfidence(models.support, top.p), evidence: supportEvidence(ctx, s) });
  });
  return edges;
}

/** The lowest probability that makes an edge: the model's threshold, or the user's floor on confidence if higher. */
function floor(model: LogisticModel, minConfidence: number): number {
  return Math.max(model.threshold, uncalibrated(model, minConfidence));
}
