import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readInput } from '../../src/ingest/index.js';

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
});
