/**
 * `threadmap batch` end to end through the built CLI: real forum exports in a folder (one .gz),
 * JSON lines with broken records, counts that add up, progress on stderr only, and refusal to
 * overwrite a finished batch without --resume.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batch, built, generate, readJsonl, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'threadmap-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

describe.skipIf(!built)('threadmap batch', () => {
  it('reads a folder of real exports (Reddit, Hacker News, Discourse, one gzipped) as whole-thread files', () => {
    const out = join(dir, 'folder');
    const r = batch([join(ROOT, 'fixtures', 'batch', 'folder'), '--out', out, '--workers', '2', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const graphs = readJsonl<{ thread: { source: string; comments: unknown[] }; units: unknown[] }>(join(out, 'results.jsonl'));
    expect(graphs.map((g) => g.thread.source).sort()).toEqual(['discourse', 'discourse', 'hn', 'reddit']);
    const s = summaryOf(out);
    expect(s.threads).toEqual({ in: 4, analyzed: 4, failed: 0 });
    expect(s.comments.analyzed).toBe(graphs.reduce((n, g) => n + g.thread.comments.length, 0));
    expect(Object.values(s.units as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(graphs.reduce((n, g) => n + g.units.length, 0));
  });

  it('puts broken records in errors.jsonl with their place and goes on; counts in = analyzed + failed', () => {
    const input = join(dir, 'broken.jsonl.gz');
    generate(input, ['--comments', '3000', '--broken', '6', '--gzip']);
    const out = join(dir, 'broken');
    const r = batch([input, '--out', out, '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/threadmap batch: done: \d+ threads \(6 failed\)/);
    const errors = readJsonl<{ file: string; line: number; offset: number; threadId?: string; message: string }>(join(out, 'errors.jsonl'));
    expect(errors).toHaveLength(6);
    for (const e of errors) {
      expect(e.file).toBe(input);
      expect(e.line).toBeGreaterThan(0);
      expect(e.message.length).toBeGreaterThan(5);
    }
    expect(errors.map((e) => e.message).join('\n')).toMatch(/invalid JSON[\s\S]*expected array[\s\S]*duplicate comment id/);
    const s = summaryOf(out);
    const results = readJsonl(join(out, 'results.jsonl'));
    expect(s.threads.analyzed).toBe(results.length);
    expect(s.threads.in).toBe(s.threads.analyzed + s.threads.failed);
    expect(s.comments.in).toBe(s.comments.analyzed + s.comments.failed);
    expect(s.threads.failed).toBe(6);
    expect(s.errors).toBe(6);
  });

  it('names the file, line and column of a whole-thread file that is not JSON, and of a gzip that is not gzip', () => {
    const input = join(dir, 'bad-files');
    mkdirSync(input);
    writeFileSync(join(input, 'cut.json'), '{"comments": [\n  {"id": "a", "text": "cut off here"');
    writeFileSync(join(input, 'not-gzip.json.gz'), '{"comments": []}');
    const out = join(dir, 'bad-files-out');
    const r = batch([input, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const errors = readJsonl<{ file: string; line?: number; message: string }>(join(out, 'errors.jsonl'));
    expect(errors).toEqual([
      { file: join(input, 'cut.json'), line: 2, message: expect.stringMatching(/^invalid JSON: .*\(column \d+\)$/) },
      { file: join(input, 'not-gzip.json.gz'), message: expect.stringMatching(/^cannot read: /) },
    ]);
    expect(summaryOf(out).threads).toEqual({ in: 2, analyzed: 0, failed: 2 });
  });

  it('groups a Pushshift comment dump into threads by link_id', () => {
    const input = join(dir, 'dump.ndjson');
    generate(input, ['--comments', '2000', '--format', 'pushshift', '--broken', '2']);
    const out = join(dir, 'dump');
    const r = batch([input, '--out', out, '--workers', '0', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(input, 'utf8').split('\n').filter(Boolean).length;
    const s = summaryOf(out);
    expect(s.comments.in).toBe(lines);
    expect(s.comments.failed).toBe(2);
    const ids = readJsonl<{ thread: { id: string } }>(join(out, 'results.jsonl')).map((g) => g.thread.id);
    expect(ids.every((id) => id.startsWith('t3_'))).toBe(true);
    expect(new Set(ids).size).toBe(s.threads.analyzed);
  });

  it('refuses to start over a finished batch without --resume, and --resume then has nothing left to do', () => {
    const out = join(dir, 'folder');
    const again = batch([join(ROOT, 'fixtures', 'batch', 'folder'), '--out', out, '--quiet']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds a batch; pass --resume/);
    const resumed = batch([join(ROOT, 'fixtures', 'batch', 'folder'), '--out', out, '--resume', '--quiet']);
    expect(resumed.status).toBe(0);
    expect(readJsonl(join(out, 'results.jsonl'))).toHaveLength(4);
    expect(summaryOf(out).run.recordsSkipped).toBe(4);
  });

  it('passes --min-confidence to every thread, the same as analyze, and refuses to resume a batch made without it', () => {
    const folder = join(ROOT, 'fixtures', 'batch', 'folder');
    const out = join(dir, 'floor');
    const r = batch([folder, '--out', out, '--workers', '1', '--quiet', '--min-confidence', '0.3']);
    expect(r.status, r.stderr).toBe(0);
    type Graph = { edges: Array<{ confidence: number; evidence: { kind: string } }> };
    const floored = readJsonl<Graph>(join(out, 'results.jsonl'));
    const plain = readJsonl<Graph>(join(dir, 'folder', 'results.jsonl'));
    const weak = (graphs: Graph[]) => graphs.flatMap((g) => g.edges).filter((e) => (e.evidence.kind === 'reply' || e.evidence.kind === 'lexical') && e.confidence < 0.3).length;
    expect(weak(plain)).toBeGreaterThan(0);
    expect(weak(floored)).toBe(0);
    const mixed = batch([folder, '--out', join(dir, 'folder'), '--resume', '--quiet', '--min-confidence', '0.3']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/cannot resume: .* analysis options/);
    expect(batch([folder, '--out', out, '--min-confidence', '2']).stderr).toContain('--min-confidence expects a number from 0 to 1, got "2"');
  });
});
