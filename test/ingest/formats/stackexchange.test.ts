import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readStackExchange } from '../../../src/ingest/formats/stackexchange.js';
import { readInput } from '../../../src/ingest/index.js';
import { allComments, expectWellFormed, fixture } from './load.js';

// The real beer.stackexchange Posts.xml is TRIMMED for the fixture to its header and first 150
// <row>s (bytes unchanged: BOM, CRLF).
const xml = fixture('stackexchange/beer_tentrr__Posts.first150rows.xml');
const rowsOfType = (type: string) => (xml.match(new RegExp(`<row [^>]*PostTypeId="${type}"`, 'g')) ?? []).length;

describe('stack exchange adapter', () => {
  it('reads questions and answers, skipping tag wikis: every post in is a comment out', () => {
    const threads = readStackExchange(xml);
    expectWellFormed(threads);
    expect(xml.charCodeAt(0)).toBe(0xfeff);
    expect(xml.includes('\r\n')).toBe(true);
    expect(allComments(threads)).toHaveLength(rowsOfType('1') + rowsOfType('2'));
    expect(threads).toHaveLength(rowsOfType('1') + threads.filter((t) => !t.meta!.questionIncluded).length);
    expect(threads[0]!.meta!.skippedRows).toEqual({ 'PostTypeId 5': rowsOfType('5'), 'PostTypeId 4': rowsOfType('4') });
  });

  it('answers reply to their question; bodies decoded once; times without a zone read as UTC', () => {
    const threads = readStackExchange(xml);
    const t2 = threads.find((t) => t.id === '2')!;
    expect(t2.title).toBe('When was the first beer ever brewed?');
    expect(t2.comments[0]).toMatchObject({ id: '2', parentId: null, author: 'user7', createdAt: '2014-01-21T20:27:29.797Z' });
    expect(t2.comments.slice(1).every((c) => c.parentId === '2')).toBe(true);
    expect(t2.comments[0]!.meta!.tags).toEqual(['history']);
    const quoting = t2.comments.find((c) => c.id === '102')!;
    expect(quoting.text.startsWith('According to LiveScience,\n\n> beer dates back')).toBe(true);
    expect(quoting.quotes).toHaveLength(1);
  });

  it('reads Comments.xml rows (plain text) under their post, in the same pass', () => {
    const comments = '\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<comments>\r\n  <row Id="5" PostId="102" Score="1" Text="Source? &quot;LiveScience&quot; isn&apos;t a journal." CreationDate="2014-01-22T08:00:00.000" UserId="44" />\r\n</comments>\r\n';
    const threads = readStackExchange(xml.replace(/<\/posts>\s*$/, '</posts>\r\n') + comments.slice(1));
    const t2 = threads.find((t) => t.id === '2')!;
    expect(t2.comments.at(-1)).toMatchObject({ id: 'c5', parentId: '102', author: 'user44', text: 'Source? "LiveScience" isn\'t a journal.' });
  });

  it('is recognised by --from auto and gives the line of a malformed row', () => {
    expect(readInput(xml).format).toBe('stackexchange');
    const broken = '<?xml version="1.0" encoding="utf-8"?>\n<posts>\n  <row Id="1" PostTypeId="1" Body="&lt;p&gt;ok&lt;/p&gt;" />\n  <row Id="2" PostTypeId=2 />\n</posts>\n';
    expect(() => readStackExchange(broken, { file: 'Posts.xml' })).toThrow(InputError);
    expect(() => readStackExchange(broken, { file: 'Posts.xml' })).toThrow(/^Posts\.xml:4:3: malformed <row>/);
  });
});
