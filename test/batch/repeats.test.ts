/**
 * A thread id that appears twice in the input is analyzed once: the first copy in input order is
 * in results.jsonl, the later one is a failed thread in errors.jsonl naming its own place, and the
 * counts still add up. The same at any number of workers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batch, built, readJsonl } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'threadmap-repeats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const thread = (id: string, words: string, n: number) => ({
  id,
  title: `${id} ${words}`,
  comments: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, ...(i > 0 ? { parentId: `c${i - 1}` } : {}), text: `I think the ${words} ${i} is wrong because the rent rises.` })),
});

describe.skipIf(!built)('a repeated thread id', () => {
  const lines = [thread('a', 'first copy', 3), thread('b', 'other', 2), thread('a', 'second copy', 4), thread('c', 'last', 2)].map((t) => JSON.stringify(t));
  const input = join(dir, 'repeats.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const offsetOfLine3 = Buffer.byteLength(`${lines[0]}\n${lines[1]}\n`);

  for (const workers of ['0', '2']) {
    it(`keeps the first copy and reports the later one (--workers ${workers})`, () => {
      const out = join(dir, `out-${workers}`);
      const r = batch([input, '--out', out, '--workers', workers, '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      const graphs = readJsonl<{ thread: { id: string; title: string; comments: unknown[] } }>(join(out, 'results.jsonl'));
      expect(graphs.map((g) => g.thread.id)).toEqual(['a', 'b', 'c']);
      expect(graphs[0]!.thread.title).toBe('a first copy');
      const errors = readJsonl<{ file: string; line: number; offset: number; threadId: string; message: string }>(join(out, 'errors.jsonl'));
      expect(errors).toEqual([{ file: input, line: 3, offset: offsetOfLine3, threadId: 'a', message: expect.stringMatching(/thread id "a" was already analyzed/) }]);
      const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(s.threads).toEqual({ in: 4, analyzed: 3, failed: 1 });
      expect(s.comments).toEqual({ in: 11, analyzed: 7, failed: 4 });
      expect(s.errors).toBe(1);
      const units = Object.values(s.units as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(units).toBe(graphs.reduce((n, g) => n + (g as unknown as { units: unknown[] }).units.length, 0));
    });
  }
});
