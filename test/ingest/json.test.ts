import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readInput } from '../../src/ingest/index.js';
import { fixture } from '../helpers.js';

describe('generic thread JSON', () => {
  it('reads the thread object form, keeping text byte for byte', () => {
    const text = '> quoted line\n\nA reply with “curly quotes” and trailing spaces  ';
    const { threads, format } = readInput(JSON.stringify({ id: 't1', title: 'T', comments: [{ id: 'a', text: 'Post.' }, { id: 'b', parentId: 'a', author: 'x', text, createdAt: '2024-01-01T00:00:00Z' }] }));
    expect(format).toBe('json');
    expect(threads[0]).toEqual({
      id: 't1',
      source: 'json',
      title: 'T',
      comments: [
        { id: 'a', parentId: null, author: null, text: 'Post.' },
        { id: 'b', parentId: 'a', author: 'x', text, createdAt: '2024-01-01T00:00:00Z' },
      ],
    });
  });

  it('reads a bare array of comments and numeric ids as strings', () => {
    const { threads } = readInput('[{"id": 1, "text": "A."}, {"id": 2, "parentId": 1, "text": "B."}]');
    expect(threads[0]!.comments.map((c) => [c.id, c.parentId])).toEqual([['1', null], ['2', '1']]);
  });

  it('names the JSON path and the expected type of a wrong field', () => {
    const bad = '{"comments": [{"id": "a", "text": "ok"}, {"id": "b", "text": 42}]}';
    expect(() => readInput(bad, { file: 'thread.json' })).toThrowError(InputError);
    expect(() => readInput(bad, { file: 'thread.json' })).toThrowError('thread.json, $.comments[1].text: expected string, got number');
  });

  it('names line and column of broken JSON when the format is named', () => {
    expect(() => readInput('{"comments": [\n  {"id": "a", "text": }\n]}', { from: 'json', file: 'x.json' })).toThrowError(/^x\.json:2:\d+: invalid JSON/);
  });

  it('falls back to plain text for text that only looks like JSON', () => {
    expect(readInput('[citation needed] is a meme.').format).toBe('text');
  });

  it('names where a file named .json stops being JSON, rather than reading it as prose', () => {
    expect(() => readInput('{"comments": [\n  {"id": "a", "text": "cut off', { file: 'export.json' })).toThrowError(/^export\.json:2:\d+: invalid JSON/);
    expect(readInput('[citation needed] is a meme.', { file: 'notes.txt' }).format).toBe('text');
  });
});

describe('JSON lines of threads', () => {
  const line = (id: string, text: string) => JSON.stringify({ id, comments: [{ id: 'c1', text }] });

  it('reads one thread per line, each line in whatever JSON format it is', () => {
    const topic = JSON.stringify(JSON.parse(fixture('forum-samples/discourse/discourse_api__topic.json')));
    const { threads, format } = readInput(`${line('a', 'Rents will rise.')}\n\n${topic}\r\n${line('b', 'Taxes should fall.')}\n`);
    expect(format).toBe('jsonl');
    expect(threads.map((t) => [t.id, t.source, t.comments.length])).toEqual([['a', 'json', 1], ['57', 'discourse', 4], ['b', 'json', 1]]);
  });

  it('names the line of a bad thread, and the column of broken JSON', () => {
    const wrongType = `${line('a', 'Fine.')}\n${JSON.stringify({ id: 'b', comments: [{ id: 'c1', text: 5 }] })}`;
    expect(() => readInput(wrongType, { file: 'x.jsonl' })).toThrowError('x.jsonl:2, $.comments[0].text: expected string, got number');
    expect(() => readInput(`${line('a', 'Fine.')}\n{"id": "b", "comments": [`, { file: 'x.jsonl' })).toThrowError(/^x\.jsonl:2:\d+: invalid JSON/);
    expect(() => readInput(`${line('a', 'Fine.')}\n{"no": "thread"}`, { file: 'x.jsonl' })).toThrowError(/^x\.jsonl:2: .*not a thread format/);
  });

  it('leaves Pushshift dumps (JSON lines of comments) to their own reader', () => {
    const comment = (id: string, parent: string) => JSON.stringify({ id, link_id: 't3_x', parent_id: parent, author: 'u', body: 'Rents will rise.', created_utc: 1 });
    expect(readInput(`${comment('a', 't3_x')}\n${comment('b', 't1_a')}`).format).toBe('pushshift');
  });
});
