import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchSpans, spansMatch, type Span } from '../../src/eval/index.js';

const span = (start: number, end: number, commentId = 'c'): Span => ({ commentId, start, end });

describe('spansMatch', () => {
  it('needs the same comment', () => {
    expect(spansMatch(span(0, 10), span(0, 10, 'd'), 'lenient')).toBe(false);
  });
  it('treats touching spans as disjoint', () => {
    expect(spansMatch(span(0, 10), span(10, 20), 'lenient')).toBe(false);
    expect(spansMatch(span(0, 10), span(9, 20), 'lenient')).toBe(true);
  });
  it('is strict when each span is at least half covered, the boundary included', () => {
    expect(spansMatch(span(0, 10), span(5, 10), 'strict')).toBe(true); // 5 of 10 and 5 of 5
    expect(spansMatch(span(0, 10), span(5, 11), 'strict')).toBe(true); // 5 of 10 and 5 of 6
    expect(spansMatch(span(0, 10), span(6, 16), 'strict')).toBe(false); // 4 of 10
    expect(spansMatch(span(0, 30), span(0, 14), 'strict')).toBe(false); // a short unit inside a long one
  });
  it('never matches an empty span', () => {
    expect(spansMatch(span(5, 5), span(0, 10), 'lenient')).toBe(false);
  });
});

describe('matchSpans', () => {
  it('matches one to one, the larger overlap first', () => {
    // One long prediction over two gold units takes the one it covers more of.
    expect(matchSpans([span(0, 10), span(10, 30)], [span(0, 30)], 'lenient')).toEqual([-1, 0]);
  });
  it('breaks ties by position, whatever the input order', () => {
    const gold = [span(0, 10), span(10, 20)];
    expect(matchSpans(gold, [span(5, 15)], 'lenient')).toEqual([0, -1]);
    expect(matchSpans([...gold].reverse(), [span(5, 15)], 'lenient')).toEqual([-1, 0]);
  });
  it('finds overlaps with a prediction that contains later ones (nested spans)', () => {
    const gold = [span(0, 5), span(20, 25), span(40, 45)];
    const predicted = [span(0, 50), span(20, 25)];
    expect(matchSpans(gold, predicted, 'lenient')).toEqual([0, 1, -1]);
  });
  it('keeps comments apart', () => {
    expect(matchSpans([span(0, 10, 'a')], [span(0, 10, 'b')], 'lenient')).toEqual([-1]);
  });

  const spans = fc.array(
    fc.record({ commentId: fc.constantFrom('a', 'b'), start: fc.nat(60), length: fc.integer({ min: 1, max: 30 }) }).map((s) => span(s.start, s.start + s.length, s.commentId)),
    { maxLength: 25 },
  );
  it('is one to one, never matches more than the gold, and only pairs that satisfy the mode', () => {
    fc.assert(
      fc.property(spans, spans, fc.constantFrom('strict' as const, 'lenient' as const), (gold, predicted, mode) => {
        const match = matchSpans(gold, predicted, mode);
        const used = match.filter((p) => p !== -1);
        expect(new Set(used).size).toBe(used.length);
        match.forEach((p, g) => {
          if (p !== -1) expect(spansMatch(gold[g]!, predicted[p]!, mode)).toBe(true);
        });
      }),
    );
  });
  it('is maximal: no unmatched gold span could still take a free matching prediction', () => {
    fc.assert(
      fc.property(spans, spans, (gold, predicted) => {
        const match = matchSpans(gold, predicted, 'lenient');
        const taken = new Set(match);
        match.forEach((p, g) => {
          if (p === -1) predicted.forEach((q, i) => !taken.has(i) && expect(spansMatch(gold[g]!, q, 'lenient')).toBe(false));
        });
      }),
    );
  });
});
