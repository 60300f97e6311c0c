import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { PushshiftReader, parsePushshiftLine, readPushshift, readPushshiftLines } from '../../../src/ingest/formats/pushshift.js';
import { readInput } from '../../../src/ingest/index.js';
import { allComments, expectWellFormed, fixture } from './load.js';

// The data is CONSTRUCTED: no real Pushshift dump was available. Lines follow the documented
// field list (FORMATS.md): created_utc as int, string and float; interleaved threads; a
// submission line after its comments; a truncated line, a line without `body`, a bad timestamp.
const dump = fixture('pushshift/constructed_comments.ndjson');
const lines = dump.split('\n');

describe('pushshift adapter', () => {
  it('groups interleaved lines into threads by link_id; every good line is a comment', () => {
    const { threads, errors, records } = readPushshiftLines(lines);
    expectWellFormed(threads);
    const good = lines.filter((l, i) => l.trim() !== '' && !errors.some((e) => e.line === i + 1));
    expect(records).toBe(good.length);
    expect(allComments(threads)).toHaveLength(good.length);
    expect(threads.map((t) => [t.id, t.comments.length])).toEqual([['t3_aa1', 7], ['t3_bb2', 3]]);
  });

  it('reports each bad line with its number and keeps reading', () => {
    const { threads, errors } = readPushshiftLines(lines);
    expect(errors.map((e) => e.line)).toEqual([6, 9, 13]);
    expect(errors[0]!.message).toMatch(/^invalid JSON/);
    expect(errors[1]).toMatchObject({ path: '$.body', threadId: 't3_bb2' });
    expect(errors[2]).toMatchObject({ path: '$.created_utc', threadId: 't3_aa1' });
    const [aa1, bb2] = threads;
    expect((aa1!.meta!.badLines as { line: number }[]).map((e) => e.line)).toEqual([13]);
    expect((aa1!.meta!.unassignedBadLines as { line: number }[]).map((e) => e.line)).toEqual([6]);
    expect((bb2!.meta!.badLines as { line: number }[]).map((e) => e.line)).toEqual([9]);
  });

  it('rebuilds the tree from prefixed parent ids, with the submission first and missing parents reported', () => {
    const [aa1, bb2] = readPushshift(dump);
    expect(aa1!.title).toBe('Does rent control work?');
    expect(aa1!.comments[0]).toMatchObject({ id: 't3_aa1', parentId: null, author: 'op_user', text: 'Looking for evidence, not vibes.' });
    const byId = new Map(aa1!.comments.map((c) => [c.id, c]));
    expect(byId.get('t1_c1a')!.parentId).toBe('t3_aa1');
    expect(byId.get('t1_c1c')).toMatchObject({ deleted: true, author: null, text: '' });
    expect(byId.get('t1_c1d')!.parentId).toBe('t1_c1c');
    expect(aa1!.meta!.missing).toEqual({ count: 1, ids: ['t1_zz9'], orphans: ['t1_c1e'] });
    // No submission line for bb2: its top-level comment is a root, not an orphan.
    expect(bb2!.comments[0]!.parentId).toBeNull();
    expect(bb2!.meta!.submission).toBe(false);
    expect(bb2!.comments.find((c) => c.id === 't1_c2b')!.meta!.removed).toBe(true);
  });

  it('normalises int, string and float epochs and decodes entities once', () => {
    const [aa1, bb2] = readPushshift(dump);
    const byId = new Map([...aa1!.comments, ...bb2!.comments].map((c) => [c.id, c]));
    expect(byId.get('t1_c1a')!.createdAt).toBe('2015-01-01T00:00:00.000Z');
    expect(byId.get('t1_c1b')!.createdAt).toBe('2015-01-01T01:00:00.000Z');
    expect(byId.get('t1_c2a')!.createdAt).toBe('2015-01-01T02:40:00.500Z');
    expect(byId.get('t1_c1b')!.text).toBe('> lowers the supply\n\nOnly where it is strict. Soft caps & vacancy decontrol behave differently.');
    expect(byId.get('t1_c1b')!.quotes).toEqual([{ start: 0, end: 19 }]);
    expect(byId.get('t1_c1g')!.text).toBe('A typed entity stays literal: &gt; is not a quote.');
  });

  it('streams: a reader fed line by line gives the same threads', () => {
    const reader = new PushshiftReader();
    for (const line of lines) reader.push(line);
    expect(reader.finish()).toEqual(readPushshiftLines(lines).threads);
    expect(parsePushshiftLine('   ', 1)).toBeNull();
  });

  it('is recognised by --from auto; a dump with no readable line is an InputError with its line', () => {
    expect(readInput(dump).format).toBe('pushshift');
    expect(() => readPushshift('{"oops"\n{"also": bad}\n', { file: 'x.ndjson' })).toThrow(InputError);
    expect(() => readPushshift('{"oops"\n', { file: 'x.ndjson' })).toThrow(/^x\.ndjson:1: no line could be read/);
  });
});
