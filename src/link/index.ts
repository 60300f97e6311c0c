/**
 * link: `rebuts` edges from each rebuttal to the unit it targets, anywhere earlier in the thread,
 * and `supports` edges from premises to what they support. Every edge carries its evidence.
 */
import type { Classified } from '../classify/index.js';
import type { LinkOptions } from '../options.js';
import type { Edge, Thread } from '../schema/index.js';
import { linkContext } from './context.js';
import { linkRebuttal } from './rebuttals.js';
import { linkSupports } from './supports.js';

export { restatedClause } from './rebuttals.js';
export { terms, stem } from './tokens.js';
export { UnitIndex } from './unit-index.js';
export { cosine, containment, restatement } from './score.js';

export function link(classified: Classified, thread: Thread, parentOf: ReadonlyMap<string, string | null>, options: LinkOptions): Edge[] {
  const ctx = linkContext(thread, classified.units, classified.quotes, parentOf, options);
  const edges: Edge[] = [];
  classified.units.forEach((unit, i) => {
    if (unit.type !== 'rebuttal') return;
    const e = linkRebuttal(ctx, i);
    if (e) edges.push(e);
  });
  edges.push(...linkSupports(ctx));
  return edges;
}
