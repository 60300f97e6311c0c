/**
 * Support edges. The support model decides almost every one (it reads the cues as features: rule
 * edges drawn from a premise's cue alone were less precise than its choices, held out). One cue
 * still decides by itself, because it fixes the direction the model's position features would
 * read the other way: a conclusion opened by "so" or "therefore" is backed by the unit just
 * before it, and is not itself a reason for what came before.
 */
import { ARGUMENTATIVE_TYPES, type Edge, type Evidence } from '../schema/index.js';
import type { LinkContext } from './context.js';

/** "X. So Y.": X supports Y, for every Y that opens with a conclusion marker. */
export function conclusionSupports(ctx: LinkContext): Edge[] {
  const edges: Edge[] = [];
  ctx.units.forEach((unit) => {
    const at = unit.sentence.position;
    if (!unit.concludes || at === 0) return;
    const prev = ctx.units[ctx.unitsOfComment(unit.sentence.commentIndex)[at - 1]!]!;
    if (ARGUMENTATIVE_TYPES.has(prev.type)) edges.push({ from: prev.id, to: unit.id, type: 'supports', confidence: 0.6, evidence: { kind: 'cue', text: conclusionCue(unit.text) } });
  });
  return edges;
}

/** The evidence a model support edge shows: the source's premise cue ("because", "for example"), if it has one. */
export function supportEvidence(ctx: LinkContext, s: number): Evidence {
  const source = ctx.units[s]!;
  return source.type === 'premise' && source.cue ? { kind: 'cue', text: source.cue } : { kind: 'adjacency' };
}

function conclusionCue(text: string): string {
  return (/^\s*(\w+(?: means)?)/.exec(text)?.[1] ?? 'so').toLowerCase();
}
