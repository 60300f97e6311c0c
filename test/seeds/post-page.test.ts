/**
 * The seed post page: its Body and Caption are the argument; the Plan (drafter input), the publish
 * line and the pipeline are metadata. Expectations written by hand from reading the page.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { checkInvariants, fixture } from '../helpers.js';

const page = fixture('seeds/post-page.txt');
const [graph] = analyze(page);

describe('seed post-page.txt', () => {
  it('is recognised as a post page and read as its Body and Caption', () => {
    expect(graph!.thread.source).toBe('post');
    expect(graph!.thread.title).toBe('When the benchmark is the safety case');
    expect(graph!.thread.comments.map((c) => c.id)).toEqual(['body', 'caption']);
    expect(graph!.thread.comments.every((c) => c.author === 'aiaaron')).toBe(true);
    checkInvariants(graph!);
  });

  it('makes units from every Body paragraph and the Caption, none from the Plan or the pipeline', () => {
    const texts = graph!.units.map((u) => u.text);
    expect(texts).toContain('This sounds like a commitment.');
    expect(texts).toContain('The document is not nothing.');
    expect(texts).toContain('A commitment you can grade yourself is a prior.');
    expect(texts.some((t) => t.startsWith('if the only evidence for your safety threshold is a benchmark your team designed'))).toBe(true);
    expect(texts.some((t) => /Evergreen|planner|special_message|fal-ai|Hero image/.test(t))).toBe(false);
  });

  it('finds no duplicates and no rebuttals in a single-author post', () => {
    expect(graph!.duplicates).toEqual([]);
    expect(graph!.units.filter((u) => u.type === 'rebuttal')).toEqual([]);
  });
});
