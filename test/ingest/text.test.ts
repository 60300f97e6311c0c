import { describe, expect, it } from 'vitest';
import { readPlainText } from '../../src/ingest/text.js';

describe('plain-text pastes', () => {
  it('keeps a paste of lines with no separators as one comment', () => {
    const t = readPlainText('First line of a post.\nSecond line.\nThird line.');
    expect(t.comments).toHaveLength(1);
    expect(t.comments[0]!.text).toBe('First line of a post.\nSecond line.\nThird line.');
  });

  it('cuts at --- rules and chains the comments as replies', () => {
    const t = readPlainText('Cities should tax land.\n---\nThat would hurt farmers.\n\n---\nNot if farmland is exempt.\n');
    expect(t.comments.map((c) => c.text)).toEqual(['Cities should tax land.', 'That would hurt farmers.', 'Not if farmland is exempt.']);
    expect(t.comments.map((c) => c.parentId)).toEqual([null, 'c1', 'c2']);
  });

  it('reads Name: and @name header lines as speakers when there are at least two', () => {
    const t = readPlainText('alice:\nRent control lowers supply.\n\nbob:\nThe evidence on that is mixed.\n@carol\nMixed is generous.');
    expect(t.comments.map((c) => [c.author, c.text])).toEqual([
      ['alice', 'Rent control lowers supply.'],
      ['bob', 'The evidence on that is mixed.'],
      ['carol', 'Mixed is generous.'],
    ]);
  });

  it('does not mistake a single label line for a speaker', () => {
    const t = readPlainText('Summary:\nWe should build more housing.\nNote:\nThis is my view.');
    expect(t.comments).toHaveLength(1);
  });

  it('separates comments at blank lines when there is no stronger separator', () => {
    const t = readPlainText('A post about zoning.\nIt has two lines.\n\nA reply.\n\n\nAnother reply.');
    expect(t.comments.map((c) => c.text)).toEqual(['A post about zoning.\nIt has two lines.', 'A reply.', 'Another reply.']);
  });

  it('reads a chat log with time-stamped speaker lines as one turn per line', () => {
    const t = readPlainText('Log of the call\n[12:01] alice: Rents will rise next year.\n[12:02] bob: I disagree that rents will rise.\nThey fell last year.\n12:03 <carol> Both of you are guessing.');
    expect(t.comments.map((c) => [c.author, c.text])).toEqual([
      [null, 'Log of the call'],
      ['alice', 'Rents will rise next year.'],
      ['bob', 'I disagree that rents will rise.\nThey fell last year.'],
      ['carol', 'Both of you are guessing.'],
    ]);
  });

  it('records which layout cut the paste, in thread.meta.layout', () => {
    const layout = (text: string) => readPlainText(text).meta?.layout;
    expect(layout('First line of a post.\nSecond line.')).toBe('lines');
    expect(layout('Cities should tax land.\n---\nThat would hurt farmers.')).toBe('rules');
    expect(layout('[12:01] alice: Rents will rise.\n[12:02] bob: I disagree.')).toBe('chat');
    expect(layout('alice:\nRent control lowers supply.\nbob:\nThe evidence is mixed.')).toBe('headers');
    expect(layout('A post about zoning.\n\nA reply.')).toBe('blank-lines');
    expect(layout('I agree.\n\nOn Mon, 3 Jun 2024 at 10:12, Alice Smith <alice@example.org> wrote:\n> Rents will rise.\n')).toBe('email');
    expect(layout('alice 3 hours ago | next [–]\n\nRents will rise.\n\nreply\n\nbob 2 hours ago | parent | next [–]\n\nThey will not.\n\nreply\n')).toBe('web-copy');
  });

  it('keeps offsets valid with CRLF line ends', () => {
    const input = 'One comment.\r\n---\r\nAnother one.\r\n';
    const t = readPlainText(input);
    expect(t.comments.map((c) => c.text)).toEqual(['One comment.', 'Another one.']);
  });

  it('gives the same thread id for the same text', () => {
    expect(readPlainText('same text').id).toBe(readPlainText('same text').id);
    expect(readPlainText('same text').id).not.toBe(readPlainText('other text').id);
  });
});
