import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  goldToThread,
  majorityBaseline,
  majorityLabel,
  readGold,
  scoreThread,
  sentenceBaseline,
  threadSentences,
} from '../../src/eval/index.js';

const golds = readGold(readFileSync('fixtures/eval/tiny-gold.jsonl', 'utf8'), 'tiny-gold.jsonl');
const taxes = golds.find((g) => g.id === 'taxes')!;
const thread = goldToThread(taxes);
const sentences = threadSentences(thread);

describe('baselines on the hand-made "taxes" thread', () => {
  it('share the core segmentation: six sentences, two per comment', () => {
    expect(sentences.map((s) => s.text)).toEqual([
      'Taxes should be lower.',
      'Growth follows.',
      'Growth did not follow in 2010.',
      'You ignore deficits.',
      'Deficits do not matter.',
      'I am sure.',
    ]);
  });

  it('(a) rebuts the parent sentence sharing most words and supports the paragraph head', () => {
    const p = sentenceBaseline(thread, sentences);
    expect(p.units.every((u) => u.type === 'claim')).toBe(true);
    const text = (id: string) => sentences[Number(id.slice(1))]!.text;
    expect(p.edges.map((e) => `${text(e.from)} ${e.type} ${text(e.to)}`)).toEqual([
      'Growth follows. supports Taxes should be lower.',
      'Growth did not follow in 2010. rebuts Growth follows.', // shares "growth"
      'You ignore deficits. supports Growth did not follow in 2010.',
      'Deficits do not matter. rebuts You ignore deficits.', // shares "deficits"
      'I am sure. supports Deficits do not matter.',
    ]);
    // Hand counts: 5 of 6 sentences are gold units; both rebuttals hit; 1 of 3 supports is gold.
    const c = scoreThread(taxes, p);
    expect(c.units.strict).toEqual({ tp: 5, predicted: 6, gold: 5 });
    expect(c.rebuttals.strict).toEqual({ tp: 2, predicted: 2, gold: 3 });
    expect(c.attacks.strict).toEqual({ tp: 2, predicted: 2, gold: 3 });
    expect(c.supports.strict).toEqual({ tp: 1, predicted: 3, gold: 1 });
    expect(c.crossComment).toEqual({ gold: 3, predicted: 2, rightComment: 2 });
  });

  it('(b) labels every sentence with the majority label and chains supports backwards', () => {
    // Fixture labels: 2 main_claim, 4 claim, 5 premise.
    expect(majorityLabel(golds)).toBe('premise');
    const p = majorityBaseline(thread, sentences, 'premise');
    expect(new Set(p.units.map((u) => u.type))).toEqual(new Set(['premise']));
    expect(p.edges.every((e) => e.type === 'supports')).toBe(true);
    const c = scoreThread(taxes, p);
    expect(c.supports.strict).toEqual({ tp: 1, predicted: 3, gold: 1 });
    expect(c.attacks.strict).toEqual({ tp: 0, predicted: 0, gold: 3 });
  });

  it('keeps the comments text as given when reading them as generic JSON', () => {
    expect(thread.source).toBe('json');
    expect(thread.comments.map((c) => c.text)).toEqual(taxes.comments.map((c) => c.text));
  });
});
