/**
 * A statement with no cue is typed `claim` by the classifier, for want of anything better; the claim
 * model (model.ts) reads it more closely, from its place, length and wording, and on the annotated
 * threads half of those statements are reasons, not claims. So once the edges are drawn, each
 * cue-less claim takes the claim model's reading: `premise` when the model reads it as one, and in
 * either case the model's probability as its confidence. Cued units (an opinion, a rhetorical
 * question, a forecast, a dispute) keep the classifier's type: their cue says more than the model.
 * Runs after linking, so every feature still reads the classifier's types, as in training.
 */
import type { LinkContext } from './context.js';

export function typeUncuedClaims(ctx: LinkContext, threshold: number): void {
  ctx.units.forEach((unit, i) => {
    if (unit.type !== 'claim' || unit.cue !== undefined) return;
    const p = ctx.claimhood[i]!;
    unit.type = p >= threshold ? 'claim' : 'premise';
    unit.confidence = Math.round(Math.max(p, 1 - p) * 100) / 100;
  });
}
