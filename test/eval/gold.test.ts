import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readGold } from '../../src/eval/index.js';

const good = readFileSync('fixtures/eval/tiny-gold.jsonl', 'utf8');
const [first, second] = good.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

/** The gold file with its second thread changed by `edit`, so errors land on line 2. */
function withSecond(edit: (t: Record<string, any>) => void): string {
  const t = structuredClone(second!);
  edit(t);
  return `${JSON.stringify(first)}\n${JSON.stringify(t)}\n`;
}

function errorOf(text: string): InputError {
  try {
    readGold(text, 'gold.jsonl');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readGold', () => {
  it('reads every thread of the fixture', () => {
    const threads = readGold(good, 'tiny-gold.jsonl');
    expect(threads.map((t) => [t.id, t.comments.length, t.units.length, t.relations.length])).toEqual([
      ['pets', 2, 6, 5],
      ['taxes', 3, 5, 5],
    ]);
  });

  it('skips blank lines but keeps line numbers true', () => {
    const e = errorOf(`\n${JSON.stringify(first)}\n\n  {"id": tru}`);
    expect(e.message).toMatch(/^gold\.jsonl:4(:\d+)?: invalid JSON/);
  });

  it('names the line and field of a wrong label', () => {
    const e = errorOf(withSecond((t) => (t.units[2].label = 'conclusion')));
    expect(e.message).toBe('gold.jsonl:2, $.units[2].label: "label" must be one of "main_claim", "claim", "premise"');
  });

  it('names a missing field', () => {
    const e = errorOf(withSecond((t) => delete t.relations[1].family));
    expect(e.message).toBe('gold.jsonl:2, $.relations[1].family: missing field "family" (expected one of "attack", "support", "agreement")');
  });

  it('names a fractional or negative offset', () => {
    expect(errorOf(withSecond((t) => (t.units[0].start = 1.5))).message).toBe('gold.jsonl:2, $.units[0].start: "start" must be int, got a fraction');
    expect(errorOf(withSecond((t) => (t.units[0].start = -1))).message).toBe('gold.jsonl:2, $.units[0].start: "start" must be at least 0');
  });

  it('rejects a span whose text is not the comment text at its offsets', () => {
    const e = errorOf(withSecond((t) => (t.units[1].start += 1)));
    expect(e.place).toMatchObject({ file: 'gold.jsonl', line: 2, threadId: 'taxes', path: '$.units[1].text' });
  });

  it('rejects a span past the end of its comment', () => {
    const e = errorOf(withSecond((t) => (t.units[4].end = 999)));
    expect(e.message).toContain('$.units[4].end: end (999) is past the end of comment "c"');
  });

  it('rejects relations and units that point nowhere', () => {
    expect(errorOf(withSecond((t) => (t.relations[0].to = 'U9'))).message).toContain('$.relations[0].to: to "U9" names no unit');
    expect(errorOf(withSecond((t) => (t.units[0].commentId = 'zz'))).message).toContain('$.units[0].commentId: commentId "zz" names no comment');
    expect(errorOf(withSecond((t) => (t.comments[1].parentId = 'nope'))).message).toContain('$.comments[1].parentId');
  });

  it('rejects a thread id used twice and a file with no threads', () => {
    expect(errorOf(`${JSON.stringify(first)}\n${JSON.stringify(first)}\n`).message).toBe('gold.jsonl:2, $.id: thread id "pets" appears twice');
    expect(errorOf('\n\n').message).toMatch(/^gold\.jsonl: no annotated threads/);
  });
});
