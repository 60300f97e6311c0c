/**
 * The seed thread: a post and two replies pasted as plain lines, the first nine lines pasted twice.
 * Expectations written by hand from reading the text.
 */
import { describe, expect, it } from 'vitest';
import { analyzeOne, checkInvariants, fixture, unitEnding, unitStarting } from '../helpers.js';

const text = fixture('seeds/thread-paste.txt');
const graph = analyzeOne(text);
const comment = graph.thread.comments[0]!;
const lines = (() => {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
})();

describe('seed thread-paste.txt', () => {
  it('reads a paste without separators as one comment, text byte for byte', () => {
    expect(graph.thread.comments).toHaveLength(1);
    expect(comment.text).toBe(text);
    checkInvariants(graph);
  });

  it('reports paragraphs 10-18 as an exact duplicate of paragraphs 1-9', () => {
    expect(lines).toHaveLength(19);
    expect(graph.duplicates).toEqual([
      {
        commentId: comment.id,
        start: lines[9]!.start,
        end: lines[17]!.end,
        of: { commentId: comment.id, start: lines[0]!.start, end: lines[8]!.end },
        kind: 'exact',
        similarity: 1,
      },
    ]);
  });

  it('makes no unit from the second copy', () => {
    const copy = graph.duplicates[0]!;
    expect(graph.units.some((u) => u.start < copy.end && u.end > copy.start)).toBe(false);
    // and every line outside the copy yields units
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 18]) {
      expect(graph.units.some((u) => u.start >= lines[i]!.start && u.end <= lines[i]!.end)).toBe(true);
    }
  });

  it('reads the forecasts under "What this predicts:" as predictions', () => {
    expect(unitStarting(graph, 'What this predicts:').type).toBe('heading');
    expect(unitStarting(graph, 'Labs will underinvest in safety relative to what’s socially optimal.').type).toBe('prediction');
    expect(unitStarting(graph, 'Labs are incentivised to share safety research and disincentivised').type).toBe('prediction');
    expect(unitStarting(graph, 'The result is an industry that is more coordinated').type).toBe('prediction');
  });

  it('links the "so I disagree that ... dissuaded" rebuttal to the post\'s "dissuaded" claim', () => {
    const rebuttal = unitEnding(graph, 'so I disagree that this would cause clients to be “dissuaded from AI in general.”');
    const target = unitStarting(graph, 'But if ChatGPT blackmails a client,');
    expect(target.text.endsWith('so the client is dissuaded from AI in general.')).toBe(true);
    expect(rebuttal.type).toBe('rebuttal');
    const edge = graph.edges.find((e) => e.from === rebuttal.id && e.type === 'rebuts');
    expect(edge?.to).toBe(target.id);
    expect(edge?.evidence.kind).toBe('restatement');
  });

  it('links "I disagree that the primary application ..." to the unit it restates', () => {
    const rebuttal = unitStarting(graph, 'I disagree that the primary application of safety research is improving refusal calibration.');
    const target = unitStarting(graph, 'The primary application of “safety research” is improving refusal calibration, which,');
    expect(rebuttal.type).toBe('rebuttal');
    const edge = graph.edges.find((e) => e.from === rebuttal.id && e.type === 'rebuts');
    expect(edge?.to).toBe(target.id);
    expect(edge?.evidence).toMatchObject({ kind: 'restatement', text: 'the primary application of safety research is improving refusal calibration' });
    expect(edge!.confidence).toBeGreaterThan(0.4);
  });

  it('is deterministic, byte for byte', () => {
    expect(JSON.stringify(analyzeOne(text))).toBe(JSON.stringify(graph));
  });
});
