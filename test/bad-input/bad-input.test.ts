/**
 * Bad and hostile input: each case ends in a clear error that names the place, or in a correct
 * analysis; never a hang, a crash or a silent loss.
 */
import { describe, expect, it } from 'vitest';
import { analyze, analyzeThread } from '../../src/analyze.js';
import { decodeUtf8 } from '../../src/cli/read-source.js';
import { InputError } from '../../src/errors.js';
import type { Thread } from '../../src/schema/index.js';
import { checkInvariants } from '../helpers.js';

const one = (text: string): Thread => ({ id: 't', source: 'json', comments: [{ id: 'c', parentId: null, author: null, text }] });

describe('bad input', () => {
  it('rejects empty input with a clear error', () => {
    expect(() => analyze('', { file: 'empty.txt' })).toThrowError(new InputError('the input is empty: nothing to analyze', { file: 'empty.txt' }));
    expect(() => analyze(' \n\t\n')).toThrowError(/the input is empty/);
  });

  it('analyzes an empty thread object as an empty graph', () => {
    const g = analyzeThread({ id: 't', source: 'json', comments: [] });
    expect([g.units, g.edges, g.duplicates]).toEqual([[], [], []]);
  });

  it('rejects binary data and invalid UTF-8, naming the offset', () => {
    expect(() => analyze('PK\u0003\u0004\u0000\u0000garbage', { file: 'x.zip' })).toThrowError('x.zip: binary data (a NUL character at offset 4); expected text or JSON');
    expect(() => decodeUtf8(new Uint8Array([0x48, 0x69, 0xc3, 0x28, 0x21]), 'bad.txt')).toThrowError('bad.txt: not valid UTF-8 (at byte 2)');
    expect(() => decodeUtf8(new Uint8Array([0x61, 0xe2, 0x82]), 'cut.txt')).toThrowError('cut.txt: not valid UTF-8 (at byte 1)');
  });

  it('rejects JSON with wrong types, naming the JSON path', () => {
    expect(() => analyze('{"comments": [{"id": "a", "text": ["x"]}]}', { file: 'f.json' })).toThrowError('f.json, $.comments[0].text: expected string, got an array');
    expect(() => analyze('{"comments": "none"}')).toThrowError('$.comments: expected array, got string');
    expect(() => analyze('[{"id": {}, "text": "x"}]')).toThrowError(/\$\[0\]\.id/);
  });

  it('rejects duplicate ids and survives dangling or cyclic parents', () => {
    expect(() => analyze('[{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}]')).toThrowError(/duplicate comment id/);
    const [g] = analyze('[{"id": "a", "parentId": "b", "text": "One claim here."}, {"id": "b", "parentId": "a", "text": "I disagree that one claim here."}, {"id": "c", "parentId": "zz", "text": "Orphan."}]');
    expect(g!.thread.comments).toHaveLength(3);
    expect(g!.diagnostics?.map((d) => d.code).sort()).toEqual(['parent-cycle', 'parent-missing']);
    checkInvariants(g!);
  });

  it('treats __proto__, constructor and toString as ordinary ids and keys', () => {
    const json = '{"__proto__": {"polluted": true}, "constructor": 1, "comments": [{"id": "__proto__", "text": "Rents will rise."}, {"id": "constructor", "parentId": "__proto__", "text": "I disagree that rents will rise."}, {"id": "toString", "parentId": "constructor", "text": "Why?"}]}';
    const [g] = analyze(json);
    expect(g!.thread.comments.map((c) => c.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(g!.edges.some((e) => e.type === 'rebuts')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('analyzes a 5 MB single comment', () => {
    const words = 'rent supply housing zoning because market will price city build I disagree that not true'.split(' ');
    let text = '';
    for (let i = 0; text.length < 5_000_000; i++) text += `${words[i % words.length]}${i} ${i % 13 === 0 ? '. ' : ''}${i % 211 === 0 ? '\n' : ''}`;
    const g = analyzeThread(one(text));
    checkInvariants(g);
    expect(g.units.length).toBeGreaterThan(1000);
  });

  it('analyzes 10,000 one-word comments', () => {
    const comments = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, parentId: i ? `c${i - 1}` : null, author: null, text: ['yes', 'no', 'maybe', 'agreed'][i % 4]! }));
    const g = analyzeThread({ id: 't', source: 'json', comments });
    expect(g.thread.comments).toHaveLength(10_000);
    checkInvariants(g);
  });

  it.each([
    ['a long run of one letter', 'a'.repeat(1_000_000)],
    ['a long run of periods', '.'.repeat(1_000_000)],
    ['a long run of spaces then a word', `${' '.repeat(500_000)}x`],
    ['quote markers', '>'.repeat(200_000)],
    ['nested quote lines', '> > > > text\n'.repeat(50_000)],
    ['repeated cue openings', 'I disagree that '.repeat(50_000)],
    ['repeated "I "', 'I '.repeat(300_000)],
    ['heading markers', '#'.repeat(200_000)],
    ['list markers', '- '.repeat(200_000)],
    ['dividers', '---\n'.repeat(100_000)],
    ['header-like lines', 'alice:\n@bob\n'.repeat(50_000)],
    ['unclosed brackets and quotes', '(“[{'.repeat(200_000)],
    ['abbreviations', 'e.g. i.e. Mr. Dr. vs. '.repeat(50_000)],
    ['apostrophes', "'’".repeat(300_000)],
    ['combining marks', 'e\u0301'.repeat(300_000)],
    ['lone surrogates', '\ud800x'.repeat(200_000)],
  ])('survives %s', (_name, text) => {
    for (const g of analyze(text, { from: 'text' })) checkInvariants(g);
    checkInvariants(analyzeThread(one(text)));
  });
});
