/**
 * Span matching between gold and predicted units. Two units can only match inside the same comment.
 * `lenient`: the spans overlap by at least one character. `strict`: the overlap covers at least half
 * of each span. The matching is one-to-one (greedy by overlap length, ties broken by position), so
 * a scorer can never count more matches than there are gold units.
 */

/** A character span of a comment: what the matcher needs from a unit. */
export interface Span {
  commentId: string;
  start: number;
  end: number;
}

export type MatchMode = 'strict' | 'lenient';
export const MATCH_MODES: readonly MatchMode[] = ['strict', 'lenient'];

/** Characters shared by two spans of the same comment (0 across comments). */
export function overlap(a: Span, b: Span): number {
  if (a.commentId !== b.commentId) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Whether two spans match under a mode. Empty spans never match. */
export function spansMatch(a: Span, b: Span, mode: MatchMode): boolean {
  const shared = overlap(a, b);
  if (shared <= 0) return false;
  if (mode === 'lenient') return true;
  return 2 * shared >= a.end - a.start && 2 * shared >= b.end - b.start;
}

/**
 * One-to-one matching of gold to predicted spans: `result[g]` is the index of the predicted span
 * matched to gold span `g`, or -1. Candidate pairs come from a sweep over each comment's spans
 * sorted by start, so the cost is linear in the spans plus the overlapping pairs, never all pairs.
 */
export function matchSpans(gold: readonly Span[], predicted: readonly Span[], mode: MatchMode): number[] {
  const pairs = overlappingPairs(gold, predicted).filter(([g, p]) => spansMatch(gold[g]!, predicted[p]!, mode));
  // Largest overlap first; ties by position in the text (the earlier gold span, then the earlier
  // prediction), then by index, so the result depends neither on input order nor on sort stability.
  pairs.sort(
    (x, y) =>
      y[2] - x[2] ||
      gold[x[0]]!.start - gold[y[0]]!.start ||
      predicted[x[1]]!.start - predicted[y[1]]!.start ||
      x[0] - y[0] ||
      x[1] - y[1],
  );
  const result = new Array<number>(gold.length).fill(-1);
  const taken = new Set<number>();
  for (const [g, p] of pairs) {
    if (result[g] !== -1 || taken.has(p)) continue;
    result[g] = p;
    taken.add(p);
  }
  return result;
}

/** Every (gold index, predicted index, overlap) with a positive overlap, per comment by a sweep. */
function overlappingPairs(gold: readonly Span[], predicted: readonly Span[]): Array<[number, number, number]> {
  const byComment = new Map<string, { gold: number[]; predicted: number[] }>();
  const bucket = (id: string) => {
    let entry = byComment.get(id);
    if (!entry) byComment.set(id, (entry = { gold: [], predicted: [] }));
    return entry;
  };
  gold.forEach((span, i) => bucket(span.commentId).gold.push(i));
  predicted.forEach((span, i) => bucket(span.commentId).predicted.push(i));

  const pairs: Array<[number, number, number]> = [];
  for (const entry of byComment.values()) {
    const gs = entry.gold.sort((a, b) => gold[a]!.start - gold[b]!.start || a - b);
    const ps = entry.predicted.sort((a, b) => predicted[a]!.start - predicted[b]!.start || a - b);
    let next = 0;
    let active: number[] = [];
    for (const g of gs) {
      const span = gold[g]!;
      while (next < ps.length && predicted[ps[next]!]!.start < span.end) active.push(ps[next++]!);
      // Gold spans come by start, so a predicted span that ends before this one starts is done for good.
      active = active.filter((p) => predicted[p]!.end > span.start);
      for (const p of active) {
        const shared = overlap(span, predicted[p]!);
        if (shared > 0) pairs.push([g, p, shared]);
      }
    }
  }
  return pairs;
}
