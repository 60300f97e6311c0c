import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../src/eval/index.js';

// The built CLI (.ci/run builds dist before npm test).
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'eval', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('threadmap eval (CLI)', () => {
  it('prints a machine-readable report with --json', () => {
    const { code, stdout, stderr } = cli('fixtures/eval/tiny-gold.jsonl', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report.gold).toEqual({ threads: 2, comments: 5, units: 11, attacks: 5, crossCommentAttacks: 5, supports: 4 });
    expect(Object.keys(report.systems)).toEqual(['threadmap', 'sentence', 'majority']);
    expect(report.systems.sentence.units.strict.gold).toBe(11);
    expect(report.throughput.bytes).toBeGreaterThan(0);
    // The scored pass and a second, warm pass over the same threads are both timed.
    expect(Object.keys(report.throughput)).toEqual(['bytes', 'seconds', 'mbPerSecond', 'warmSeconds', 'warmMbPerSecond']);
  });

  it('prints a table for people', () => {
    const { code, stdout } = cli('fixtures/eval/tiny-gold.jsonl');
    expect(code).toBe(0);
    expect(stdout).toContain('2 threads, 5 comments, 11 gold units');
    expect(stdout).toMatch(/MB\/s in the scored pass \(V8 still compiling\), [\d.]+ s = [\d.]+ MB\/s in a second pass/);
    expect(stdout).toMatch(/^units, strict +\d\.\d{3} \d\.\d{3} \d\.\d{3} /m);
    expect(stdout).toMatch(/^support → supports, lenient /m);
  });

  it('names the line and field of a malformed gold file, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadmap-eval-'));
    const lines = readFileSync('fixtures/eval/tiny-gold.jsonl', 'utf8').trim().split('\n');
    const bad = JSON.parse(lines[1]!) as { relations: Array<{ family: string }> };
    bad.relations[2]!.family = 'attacks';
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${lines[0]}\n${JSON.stringify(bad)}\n`);
    const { code, stdout, stderr } = cli(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`threadmap: ${file}:2, $.relations[2].family: "family" must be one of "attack", "support", "agreement"\n`);
  });

  it('reports a missing file as bad input and a missing argument as misuse', () => {
    expect(cli('fixtures/eval/nope.jsonl').code).toBe(1);
    const usage = cli();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: threadmap eval GOLD.jsonl [--json]');
  });
});
