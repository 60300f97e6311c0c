/**
 * The CLI as a user runs it: the built `dist/cli.js` in a subprocess (`.ci/run` builds before `npm test`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { analyzeOne, fixture, root } from '../helpers.js';

const cli = join(root, 'dist/cli.js');
const built = existsSync(cli);
if (!built && process.env.CI) throw new Error('dist/cli.js is missing: run `npm run build` before `npm test`');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'threadmap-cli-'));

describe.runIf(built)('threadmap analyze (subprocess)', () => {
  it('prints the output contract as JSON, the same as the library', () => {
    const r = run(['analyze', 'fixtures/seeds/thread-paste.txt']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(analyzeOne(fixture('seeds/thread-paste.txt')))));
  });

  it('prints an outline with rebuttals, their targets and the duplicates set aside', () => {
    const r = run(['analyze', 'fixtures/seeds/thread-paste.txt', '--to', 'outline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✗ rebuts');
    expect(r.stdout).toContain('"The primary application of “safety research” is improving refusal calibration');
    expect(r.stdout).toMatch(/duplicates set aside\n {2}c1\[\d+:\d+\] exact \(1\.00\) repeats c1\[0:\d+\]/);
  });

  it('reads stdin with "-" and says the format it picked only with --verbose', () => {
    const input = JSON.stringify({ id: 'x', comments: [{ id: 'a', text: 'Rents will rise.' }, { id: 'b', parentId: 'a', text: 'I disagree that rents will rise.' }] });
    const quiet = run(['analyze', '-'], input);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).edges).toHaveLength(1);
    const verbose = run(['analyze', '-', '--verbose'], input);
    expect(verbose.stderr).toBe('threadmap: read <stdin> as json: 1 thread(s), 2 comment(s) in, 2 out\n');
    expect(verbose.stdout).toBe(quiet.stdout);
    // A paste also says which layout cut it into comments.
    const paste = run(['analyze', 'fixtures/pastes/hn/glupe-thread.first17.txt', '--verbose']);
    expect(paste.stderr).toBe('threadmap: read fixtures/pastes/hn/glupe-thread.first17.txt as text (web-copy): 1 thread(s), 16 comment(s) in, 16 out\n');
  });

  it('exits 1 with one line naming the place for bad input', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, '{"comments": [{"id": "a", "text": 5}]}');
    const r = run(['analyze', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`threadmap: ${file}, $.comments[0].text: expected string, got number\n`);
    const invalid = join(tmp, 'latin1.txt');
    writeFileSync(invalid, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]));
    expect(run(['analyze', invalid]).stderr).toBe(`threadmap: ${invalid}: not valid UTF-8 (at byte 3)\n`);
    expect(run(['analyze', join(tmp, 'nope.txt')])).toMatchObject({ code: 1, stderr: `threadmap: ${join(tmp, 'nope.txt')}: no such file\n` });
    expect(run(['analyze', '-'], '')).toMatchObject({ code: 1, stderr: 'threadmap: <stdin>: the input is empty: nothing to analyze\n' });
  });

  it('exits 2 for usage errors', () => {
    expect(run(['analyze', '--to', 'pdf', 'x']).code).toBe(2);
    expect(run(['analyze', '--bogus']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run([]).code).toBe(2);
    expect(run(['analyze', 'a.txt', 'b.txt']).stderr).toContain('expected one input file, got 2');
  });

  it('passes --min-confidence to the linker as the floor for model edges, and refuses a value outside 0..1', () => {
    const file = 'fixtures/forum-samples/reddit/graw__thread.json';
    const r = run(['analyze', file, '--min-confidence', '0.3']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(analyze(fixture(file.replace('fixtures/', '')), { link: { minModelConfidence: 0.3 } })[0])));
    const bad = run(['analyze', file, '--min-confidence', '30%']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-confidence expects a number from 0 to 1, got "30%"');
  });

  it('prints the JSON Schema generated from the zod schemas', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.required).toEqual(['schemaVersion', 'thread', 'duplicates', 'units', 'edges']);
    expect(schema.properties.units.items.properties.type.enum).toEqual(['claim', 'premise', 'prediction', 'rebuttal', 'concession', 'question', 'heading', 'other']);
  });

  it('reads gzipped files and JSON lines of threads, as the batch does', () => {
    const gz = run(['analyze', 'fixtures/batch/folder/discourse_api__topic.json.gz']);
    expect(gz.code).toBe(0);
    expect(JSON.parse(gz.stdout).thread.source).toBe('discourse');
    const file = join(tmp, 'two.jsonl');
    writeFileSync(file, ['Rents will rise.', 'Taxes should fall.'].map((text, i) => JSON.stringify({ id: `t${i}`, comments: [{ id: 'c1', text }] })).join('\n'));
    const lines = run(['analyze', file]);
    expect(lines.code).toBe(0);
    expect(lines.stdout.trim().split('\n').map((l) => JSON.parse(l).thread.id)).toEqual(['t0', 't1']);
  });

  it('stops quietly when the reader closes the pipe early (`| head`)', async () => {
    // A large thread, so the output is still being written when the reader goes away.
    const child = spawn(process.execPath, [cli, 'analyze', 'fixtures/batch/folder/circumflex__hnpwa_item_25015967.json'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
