import { describe, expect, it } from 'vitest';
import { bbcodeToText, markdownToText, plainToText } from '../../../src/ingest/markup/index.js';

describe('markdownToText', () => {
  it('strips inline markup but keeps arithmetic and identifiers', () => {
    expect(markdownToText('A *b* **c** _d_ ~~e~~ [f](http://g) `h` 5 * 3 snake_case 2*3 \\*lit\\* ^sup').text).toBe('A b c d e f h 5 * 3 snake_case 2*3 *lit* sup');
  });

  it('lays out paragraphs, soft breaks, lists and headings', () => {
    expect(markdownToText('# Title\n\nline one\nline two\n\n* a\n+ b\n1. c\n\n---\n\nend').text).toBe('Title\n\nline one line two\n\n- a\n- b\n1. c\n\nend');
  });

  it('keeps fenced and indented code out of the text', () => {
    const r = markdownToText('Try:\n\n```ts\nconst x = 1;\n```\n\n    indented()\n\nDone.');
    expect(r.text).toBe('Try:\n\nDone.');
    expect(r.code.map((c) => [c.text, c.lang])).toEqual([['const x = 1;', 'ts'], ['indented()', undefined]]);
  });

  it('records > quotes, with lazy continuation, and nested quotes as one outer span', () => {
    const r = markdownToText('> quoted\nlazy\n\n> > nested\n\nreply');
    expect(r.text).toBe('> quoted lazy\n\n> > nested\n\nreply');
    expect(r.quotes).toEqual([{ start: 0, end: 13 }, { start: 15, end: 25 }]);
    expect(markdownToText('>!spoiler!<').quotes).toEqual([]);
  });

  it('decodes Reddit entities exactly once when asked', () => {
    const r = markdownToText('&gt; quote &amp; more\n\n&amp;gt; typed', { entities: true });
    expect(r.text).toBe('> quote & more\n\n&gt; typed');
    expect(r.quotes).toEqual([{ start: 0, end: 14 }]);
  });

  it('reads Discourse [quote] blocks in raw markdown with their source', () => {
    const r = markdownToText('[quote="ann, post:2, topic:9"]\nsaid *this*\n[/quote]\nreply');
    expect(r.text).toBe('> said this\n\nreply');
    expect(r.quotes).toEqual([{ start: 0, end: 11, sourceAuthor: 'ann', sourceRef: '2', sourceTopic: '9' }]);
  });

  it('stays fast on long lines of unmatched brackets and markers', () => {
    const line = '['.repeat(100_000) + '*'.repeat(100_000) + '`'.repeat(10);
    expect(markdownToText(line).text.length).toBeGreaterThan(100_000);
  });
});

describe('bbcodeToText and plainToText', () => {
  it('reads BBCode quotes, code, lists and formatting', () => {
    const r = bbcodeToText('Hi [b]all[/b]\n\n[quote=alice]she [i]said[/i][/quote]\nok [code]x=1[/code][img]a.png[/img][list][*]one[*]two[/list]');
    expect(r.text).toBe('Hi all\n\n> she said\n\nok\n\n- one\n- two');
    expect(r.quotes).toEqual([{ start: 8, end: 18, sourceAuthor: 'alice' }]);
    expect(r.code.map((c) => c.text)).toEqual(['x=1']);
  });

  it('keeps plain text literal apart from its block shape', () => {
    expect(plainToText('a *b* [c](d)\n\n> e').text).toBe('a *b* [c](d)\n\n> e');
  });
});
