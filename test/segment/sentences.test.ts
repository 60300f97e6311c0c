import { describe, expect, it } from 'vitest';
import { segment } from '../../src/segment/index.js';
import { sentenceSpans } from '../../src/segment/sentences.js';
import type { Thread } from '../../src/schema/index.js';

const split = (text: string) => sentenceSpans(text, 0, text.length).map(([s, e]) => text.slice(s, e));

describe('sentence boundaries', () => {
  it('splits at terminal punctuation followed by a capital', () => {
    expect(split('Rents rose. Wages did not! Why? Because supply lagged.')).toEqual(['Rents rose.', 'Wages did not!', 'Why?', 'Because supply lagged.']);
  });

  it('keeps an enumerator with the item it numbers, at a sentence start or inside a quote', () => {
    // From a real Discourse post quoting a dictionary entry.
    expect(split('Webster’s 1913 has “2. Sex, male or female.” Nothing else.')).toEqual(['Webster’s 1913 has “2. Sex, male or female.”', 'Nothing else.']);
    expect(split('1. Rents rise. 2. Wages lag.')).toEqual(['1. Rents rise.', '2. Wages lag.']);
    // A year ending a sentence is no enumerator.
    expect(split('It rose in 2019. 2020 was worse.')).toEqual(['It rose in 2019.', '2020 was worse.']);
  });

  it('reads a bracketed doubt or exclamation followed by lower case or a digit as an aside, not an end', () => {
    // From a real Discourse post, where "(late?)" had cut a sentence in two.
    expect(split('‘Sex’ was the main word for male/female until the (late?) 1800s when it also meant intercourse. Then it changed.')).toEqual([
      '‘Sex’ was the main word for male/female until the (late?) 1800s when it also meant intercourse.',
      'Then it changed.',
    ]);
    expect(split('It was cheap (really!) and fast. (Really?) Yes.')).toEqual(['It was cheap (really!) and fast.', '(Really?)', 'Yes.']);
  });

  it('ends a sentence at an undotted "us", "US" or "am", which are words before they are abbreviations', () => {
    // Both from a real Hacker News thread, where they had joined two sentences into one unit.
    expect(split('It is the power of the tribal instincts within us. We think so.')).toEqual(['It is the power of the tribal instincts within us.', 'We think so.']);
    expect(split('That is what I see in the US. I guess I empathize.')).toEqual(['That is what I see in the US.', 'I guess I empathize.']);
    expect(split('I know who I am. You do not.')).toEqual(['I know who I am.', 'You do not.']);
    expect(split('The U.S. Army left.')).toEqual(['The U.S. Army left.']);
  });

  it('stays linear on a long run of periods that end no sentence', () => {
    // Each mark looks back a few characters only; reading the sentence so far at each one was quadratic.
    const run = (n: number) => {
      const text = 'e.g. i.e. Mr. Dr. vs. '.repeat(n);
      return sentenceSpans(text, 0, text.length);
    };
    expect(run(40_000)).toHaveLength(1);
  });

  it('reads the case of the word after an opening bracket or quote', () => {
    expect(split('He said it. (and then left.) Next one.')).toEqual(['He said it. (and then left.)', 'Next one.']);
    expect(split('He said it. (Then he left.)')).toEqual(['He said it.', '(Then he left.)']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(split('Dr. Smith and J. R. Jones disagree, e.g. on rents. Prices rose 3.5 percent vs. last year.')).toEqual([
      'Dr. Smith and J. R. Jones disagree, e.g. on rents.',
      'Prices rose 3.5 percent vs. last year.',
    ]);
  });

  it('splits after a contraction that ends a sentence', () => {
    expect(split("It can but won't. It's easy to show.")).toEqual(["It can but won't.", "It's easy to show."]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(split('He said “no.” Then he left (quietly.) Done.')).toEqual(['He said “no.”', 'Then he left (quietly.)', 'Done.']);
  });
});

describe('segment', () => {
  const thread = (text: string): Thread => ({ id: 't', source: 'json', comments: [{ id: 'c', parentId: null, author: null, text }] });

  it('gives exact offsets, strips list and heading markers, and keeps quotes apart', () => {
    const text = '# Why zoning matters\n> Zoning is harmless.\n> It changes nothing.\n\n- It caps supply. It raises rents.\n```\ncode here.\n```\nDone.';
    const { sentences, quotes } = segment(thread(text), [[]]);
    expect(sentences.map((s) => [s.text, s.lineKind])).toEqual([
      ['Why zoning matters', 'heading'],
      ['It caps supply.', 'list-item'],
      ['It raises rents.', 'list-item'],
      ['Done.', 'text'],
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(quotes).toEqual([{ commentIndex: 0, start: text.indexOf('> Zoning'), end: text.indexOf('nothing.') + 8, text: 'Zoning is harmless. It changes nothing.' }]);
    expect(sentences[1]!.afterQuote).toBe(0);
  });

  it('makes no sentence from a set-aside range', () => {
    const text = 'Kept line here.\nSet aside line.\nKept again.';
    const from = text.indexOf('Set');
    const { sentences } = segment(thread(text), [[[from, from + 'Set aside line.'.length]]]);
    expect(sentences.map((s) => s.text)).toEqual(['Kept line here.', 'Kept again.']);
  });

  it('reads hard-wrapped lines as one sentence, and keeps lines their writer ended', () => {
    // An email-style paste wrapped near 70 columns, then short lines and a list.
    const text = [
      'I think the plan to widen the ring road is a mistake because it will',
      'bring more traffic into the centre, and the studies of induced demand',
      'show that new lanes fill up within a few years.',
      'Traffic counts went up after the last widening,',
      'Which the council never published.',
      'Pros of the plan',
      'cons of the plan',
      'The list of what the council should do instead is long enough to read',
      '- fund buses',
      'A wrapped line that runs on past the width of the terminal it was typed',
      'in, then',
      'a line after a short one',
    ].join('\n');
    const { sentences } = segment(thread(text), [[]]);
    expect(sentences.map((s) => s.text.replace(/\n/g, ' / '))).toEqual([
      'I think the plan to widen the ring road is a mistake because it will / bring more traffic into the centre, and the studies of induced demand / show that new lanes fill up within a few years.',
      'Traffic counts went up after the last widening, / Which the council never published.',
      'Pros of the plan',
      'cons of the plan',
      'The list of what the council should do instead is long enough to read',
      'fund buses',
      'A wrapped line that runs on past the width of the terminal it was typed / in, then',
      'a line after a short one',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not read a set-aside copy on the next line into a wrapped line', () => {
    const text = 'A long line that stops in the middle of what it was saying and\nwrapped onto this line, which dedupe set aside.';
    const from = text.indexOf('wrapped');
    const { sentences } = segment(thread(text), [[[from, text.length]]]);
    expect(sentences.map((s) => s.text)).toEqual(['A long line that stops in the middle of what it was saying and']);
  });

  it('reads paragraphs as Markdown does when a comment separates them with blank lines', () => {
    // A single newline is a soft break inside a paragraph; list items, headings and quotes stand apart.
    const text = 'Rents rose.\nWages did not.\n\nSupply lagged.\n- One item.\n- Another.\n> A quote.\nAn answer.';
    const { sentences } = segment(thread(text), [[]]);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Rents rose.', 0],
      ['Wages did not.', 0],
      ['Supply lagged.', 1],
      ['One item.', 2],
      ['Another.', 3],
      ['An answer.', 4],
    ]);
  });

  it('reads every line as a paragraph in a comment with no blank line between lines (a paste of lines)', () => {
    const { sentences } = segment(thread('Rents rose. Wages did not.\nSupply lagged.\nSo prices went up.\n\n'), [[]]);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 2]);
  });
});
