/**
 * Support edges. The support model decides almost every one (it reads the cues as features: rule
 * edges drawn from a premise's cue alone were less precise than its choices, held out). One cue
 * still decides by itself, because it fixes the direction the model's position features would
 * read the other way: a conclusion opened by "so" or "therefore" is backed by the unit just
 * before it, and is not itself a reason for what came before. Its confidence is the model's
 * reading of the pair, not a constant: such edges matched the annotation 5 times in 43 on the
 * annotated debates, where "So," often just opens a sentence, and a fixed 0.6 overstated them.
 */
import { ARGUMENTATIVE_TYPES, type Edge, type Evidence } from '../schema/index.js';
import type { LinkContext } from './context.js';
import { edgeConfidence, type LogisticModel } from './model.js';
import { supportProbability } from './scoring.js';

/**
 * "X. So Y.": X supports Y, for every argumentative Y that opens a conclusion (`concludes`: not "So
 * far", "So I went ...", "So yeah", a question, or the first sentence after the thread's title). The cue decides the
 * edge; its confidence is the support model's (calibrated) reading of the pair, and an edge under
 * `minConfidence` is not drawn.
 */
export function conclusionSupports(ctx: LinkContext, model: LogisticModel, minConfidence: number): Edge[] {
  const edges: Edge[] = [];
  ctx.units.forEach((unit, y) => {
    const at = unit.sentence.position;
    if (!unit.concludes || at === 0 || !ARGUMENTATIVE_TYPES.has(unit.type)) return;
    const x = ctx.unitsOfComment(unit.sentence.commentIndex)[at - 1]!;
    const prev = ctx.units[x]!;
    if (!ARGUMENTATIVE_TYPES.has(prev.type)) return;
    const confidence = edgeConfidence(model, supportProbability(ctx, model, x, y));
    if (confidence >= minConfidence) edges.push({ from: prev.id, to: unit.id, type: 'supports', confidence, evidence: { kind: 'cue', text: conclusionCue(unit.text) } });
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
