/**
 * The reading side of a batch cuts files into blocks of whole lines without decoding them; the
 * workers cut blocks into lines. Together they must see every line once, numbered and placed as
 * in the file, whatever the block size, and skip exactly the lines a resumed batch has done.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBlocks } from '../../src/node/batch/blocks.js';
import { BufferPool } from '../../src/node/batch/buffers.js';
import { blockLines } from '../../src/node/batch/decode.js';

const dir = mkdtempSync(join(tmpdir(), 'threadmap-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function linesOf(path: string, options: Parameters<typeof readLineBlocks>[1]) {
  const out: Array<{ line: number; offset: number; text: string } | { long: number; offset: number }> = [];
  for await (const b of readLineBlocks(path, options)) {
    if ('tooLong' in b) out.push({ long: b.line, offset: b.offset });
    else {
      const lines = [...blockLines(b.bytes, b.line, b.offset)];
      expect(lines).toHaveLength(b.lines);
      for (const l of lines) out.push({ line: l.line, offset: l.offset, text: Buffer.from(l.bytes).toString('utf8') });
      // Done with the block: its buffer may hold the next one.
      options.pool?.give(b.bytes);
    }
  }
  return out;
}

describe('line blocks', () => {
  const text = '\uFEFF{"a":1}\r\n\n  \n{"b":"é"}\n' + 'x'.repeat(300) + '\n{"c":3}';
  const path = join(dir, 'lines.jsonl');
  writeFileSync(path, text);
  const expected = [
    { line: 1, offset: 0, text: '{"a":1}' },
    { line: 2, offset: 12, text: '' },
    { line: 3, offset: 13, text: '' },
    { line: 4, offset: 16, text: '{"b":"é"}' },
    { line: 5, offset: 27, text: 'x'.repeat(300) },
    { line: 6, offset: 328, text: '{"c":3}' },
  ];

  it('yields every line once with its number and byte offset, at any block size', async () => {
    for (const blockBytes of [1, 7, 64, 1 << 20]) expect(await linesOf(path, { gzip: false, blockBytes })).toEqual(expected);
  });

  it('is the same when reads end mid-line (one read buffer and one carry buffer, reused) and blocks reuse pooled buffers', async () => {
    for (const readBytes of [1, 2, 5, 17, 400]) {
      for (const blockBytes of [1, 7, 64, 1 << 20]) {
        const pool = new BufferPool(blockBytes, 2);
        expect(await linesOf(path, { gzip: false, blockBytes, readBytes, pool })).toEqual(expected);
        expect(await linesOf(path, { gzip: false, blockBytes, readBytes, maxLineBytes: 100, pool })).toEqual([...expected.slice(0, 4), { long: 5, offset: 27 }, expected[5]]);
      }
    }
  });

  it('reads gzip the same', async () => {
    const gz = join(dir, 'lines.jsonl.gz');
    writeFileSync(gz, gzipSync(text));
    expect(await linesOf(gz, { gzip: true, blockBytes: 16 })).toEqual(expected);
  });

  it('skips the lines a resumed batch has done, and counts the skip down', async () => {
    for (const left of [0, 1, 3, 5, 6, 9]) {
      const skip = { left };
      expect(await linesOf(path, { gzip: false, blockBytes: 16, skip })).toEqual(expected.slice(left));
      expect(skip.left).toBe(Math.max(0, left - expected.length));
    }
  });

  it('lets a line longer than the limit stream past, reported in its place', async () => {
    const got = await linesOf(path, { gzip: false, blockBytes: 16, maxLineBytes: 100 });
    expect(got).toEqual([...expected.slice(0, 4), { long: 5, offset: 27 }, expected[5]]);
  });
});
