/**
 * Support edges. Supports almost never cross comments: a premise backs the nearest claim of its
 * own comment, before it if there is one ("X. Because Y."), else after it ("For example Y. So X.").
 * A conclusion opened by "so" or "therefore" is backed by the unit just before it.
 */
import type { Edge } from '../schema/index.js';
import type { LinkContext } from './context.js';

/** How many units away a premise's target may be: support is local, and the scan stays linear. */
const REACH = 6;

const SUPPORTABLE = new Set(['claim', 'prediction', 'rebuttal', 'concession']);

export function linkSupports(ctx: LinkContext): Edge[] {
  const edges: Edge[] = [];
  const { units } = ctx;
  units.forEach((unit, i) => {
    const siblings = ctx.unitsOfComment(unit.sentence.commentIndex);
    // Every sentence became a unit, so a sentence's position is its place among its comment's units.
    const at = unit.sentence.position;
    void i;
    if (unit.concludes && at > 0) {
      const prev = units[siblings[at - 1]!]!;
      if (SUPPORTABLE.has(prev.type) || prev.type === 'premise') {
        edges.push({ from: prev.id, to: unit.id, type: 'supports', confidence: 0.6, evidence: { kind: 'cue', text: conclusionCue(unit.text) } });
      }
      return;
    }
    if (unit.type !== 'premise') return;
    const target = nearestSupportable(ctx, siblings, at);
    if (target === undefined) return;
    const t = units[target]!;
    const sameParagraph = t.sentence.paragraph === unit.sentence.paragraph;
    const confidence = (unit.cue ? 0.55 : 0.4) + (sameParagraph ? 0.15 : 0);
    const evidence = unit.cue ? { kind: 'cue' as const, text: unit.cue } : { kind: 'adjacency' as const };
    edges.push({ from: unit.id, to: t.id, type: 'supports', confidence: Math.round(confidence * 1000) / 1000, evidence });
  });
  return edges;
}

function nearestSupportable(ctx: LinkContext, siblings: number[], at: number): number | undefined {
  const opensWithReason = /^(?:because|since|as|for example|for instance|e\.g\.|after all|this is because|that's because)\b/i;
  const unit = ctx.units[siblings[at]!]!;
  const backwardFirst = opensWithReason.test(unit.text) || at > 0;
  const before = () => {
    for (let k = at - 1; k >= Math.max(0, at - REACH); k--) if (SUPPORTABLE.has(ctx.units[siblings[k]!]!.type)) return siblings[k];
    return undefined;
  };
  const after = () => {
    for (let k = at + 1; k < Math.min(siblings.length, at + 1 + REACH); k++) if (SUPPORTABLE.has(ctx.units[siblings[k]!]!.type)) return siblings[k];
    return undefined;
  };
  return backwardFirst ? (before() ?? after()) : (after() ?? before());
}

function conclusionCue(text: string): string {
  return (/^\s*(\w+(?: means)?)/.exec(text)?.[1] ?? 'so').toLowerCase();
}
