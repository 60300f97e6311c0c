/**
 * Threads copied from a web page in a browser. Real copies are in fixtures/pastes/ (see its
 * PROVENANCE.md); the variations marked "constructed" are written here to show the rules follow
 * the layout, not the fixtures' words. Expectations written by hand from reading the pastes.
 */
import { describe, expect, it } from 'vitest';
import { readPlainText } from '../../src/ingest/text.js';
import type { Thread } from '../../src/schema/index.js';
import { analyzeOne, checkInvariants, fixture } from '../helpers.js';

const CHROME_LINE = /^(?:reply|share|report|\d+ points?|\d+ repl(?:y|ies)|permalink\w*|\d+ \w+ ago.*|\[–\])$/i;

/** Every comment is a slice of the paste, in paste order, with no chrome line at either end. */
function expectCleanSlices(paste: string, thread: Thread): void {
  let from = 0;
  for (const c of thread.comments) {
    const at = paste.indexOf(c.text, from);
    expect(at, c.id).toBeGreaterThanOrEqual(0);
    from = at + c.text.length;
    const lines = c.text.split('\n').map((l) => l.trim());
    expect(CHROME_LINE.test(lines[0]!), `${c.id} starts with chrome`).toBe(false);
    expect(CHROME_LINE.test(lines.at(-1)!), `${c.id} ends with chrome`).toBe(false);
  }
}

/** A real paste and how the reader cuts it. */
function read(path: string): { paste: string; t: Thread } {
  const paste = fixture(`pastes/${path}`);
  return { paste, t: readPlainText(paste) };
}
/** Each comment as [author, parentId, text]. */
const cut = (lines: string[]) => readPlainText(lines.join('\n')).comments.map((c) => [c.author, c.parentId, c.text]);
const authors = (t: Thread) => t.comments.map((c) => c.author);
const parents = (t: Thread) => t.comments.map((c) => c.parentId);

describe('Hacker News page copies (real)', () => {
  it('cuts a comment page at its `name N hours ago | … [–]` headers and drops the `reply` lines', () => {
    const { paste, t } = read('hn/glupe-thread.first17.txt');
    expect(t.comments).toHaveLength(16);
    expect(authors(t).slice(0, 5)).toEqual(['JoeAltmaier', 'Chance-Device', 'Paracompact', 'janwirth', 'mitul005']);
    expect(t.comments[3]!.text).toBe('Install my executable bro, trust me just one more tool and you will be the 10x engineer!!!');
    expectCleanSlices(paste, t);
  });

  it('reads structure from the links: no `parent` is top level, `parent` without `root` replies to the last top-level comment, deeper replies to the previous one', () => {
    const t = readPlainText(fixture('pastes/hn/glupe-thread.first17.txt'));
    // JoeAltmaier, Chance-Device, mitul005, Retr0id, bdcravens are top level (no story in the paste: roots).
    expect(parents(t)).toEqual([null, null, 'c2', 'c3', null, null, 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'c14', null]);
  });

  it('takes the story line as the post, its author, and the page title above it as the title', () => {
    const { paste, t } = read('hn/show-hn-whatsapp.story-and-comments.txt');
    expect(t.title).toBe('Show HN: Free WhatsApp MCP (+UI) – Give Your AI Agents Access to WhatsApp');
    expect(t.comments).toHaveLength(11);
    expect(t.comments[0]!.author).toBe('fabian_shipamax');
    expect(t.comments[0]!.text.startsWith('Hi,\n\nI built Chat-Man')).toBe(true);
    // top-level comments reply to the story; `parent` replies to the last top-level one
    expect(parents(t)).toEqual([null, 'c1', 'c2', 'c3', 'c1', 'c1', 'c6', 'c6', 'c8', 'c1', 'c10']);
    expectCleanSlices(paste, t);
  });

  it('analyzes a copied page end to end with the output invariants holding', () => {
    checkInvariants(analyzeOne(fixture('pastes/hn/glupe-thread.first17.txt')));
  });

  it('constructed: the same layout with other names, dates and links', () => {
    expect(cut([
      'ada 2 days ago | next [-]', '', 'Tolls cut congestion in every city that tried them.', 'reply', '',
      'grace on Mar 3, 2021 | parent | next [-]', '', 'Not in cities without transit to switch to.', 'reply', '',
      'linus 1 minute ago | root | parent | prev [-]', '', 'Transit follows the toll money.',
    ])).toEqual([
      ['ada', null, 'Tolls cut congestion in every city that tried them.'],
      ['grace', 'c1', 'Not in cities without transit to switch to.'],
      ['linus', 'c2', 'Transit follows the toll money.'],
    ]);
  });
});

describe('Reddit page copies (real)', () => {
  it('new Reddit: `User avatar` / `level N` / name / `·` / time headers, the `OP` badge, vote counts and buttons left out', () => {
    const { paste, t } = read('reddit/aoc-2023-day18-new-reddit.txt');
    expect(authors(t)).toEqual(['Boojum', 'echols021']);
    expect(t.comments[0]!.text.endsWith('Full source for this visualization is in the link below.')).toBe(true);
    expect(t.comments[1]!.text.startsWith('This is an awesome visualization!')).toBe(true);
    expect(parents(t)).toEqual([null, 'c1']);
    expectCleanSlices(paste, t);
  });

  it('old Reddit: `[–]name N points N days ago` headers and the glued action row', () => {
    const { paste, t } = read('reddit/old-reddit-vim-grep.txt');
    expect(t.comments).toHaveLength(3);
    // The flair is glued to the name on copy ("-romainl-The Patient Vimmer"): the first word is taken.
    expect(authors(t)).toEqual([null, '-romainl-The', 'JorengarenarVIMinimalist']);
    expect(t.comments[1]!.text).toBe('augroup SomeName\n    autocmd!\n    autocmd QuickFixCmdPost l* nested cwindow\naugroup END');
    expect(t.comments[2]!.text).toBe('Yes, yes. I know.');
    expectCleanSlices(paste, t);
  });

  it('constructed: a new-Reddit thread two levels deep links each comment to the last one a level up', () => {
    expect(cut([
      'Posted by u/op_name', 'Should cities price parking?', '', '41', 'Reply', 'Share',
      'User avatar', 'level 1', 'first_user', '·', '5 hr. ago', 'Yes, free parking is a subsidy.', '12', 'Reply', 'Share',
      'User avatar', 'level 2', 'second_user', '·', '4 hr. ago', 'A subsidy to whom, though?', '3', 'Reply',
      'User avatar', 'level 1', 'third_user', '·', '2 hr. ago', 'Only where transit exists.', 'Reply', 'Award',
    ])).toEqual([
      [null, null, 'Posted by u/op_name\nShould cities price parking?'],
      ['first_user', 'c1', 'Yes, free parking is a subsidy.'],
      ['second_user', 'c2', 'A subsidy to whom, though?'],
      ['third_user', 'c1', 'Only where transit exists.'],
    ]);
  });
});

describe('Discourse page copies (real)', () => {
  it('date-then-name headers, `▶ name` reply markers as parents, `N reply` counts left out', () => {
    const { paste, t } = read('discourse/d2l-dropout.first13.txt');
    expect(t.comments).toHaveLength(11);
    expect(authors(t).slice(0, 4)).toEqual(['Angryrou', 'goldpiggy', 'Angryrou', 'goldpiggy']);
    expect(t.comments[0]!.text.startsWith('Is there any trick when applying dropout')).toBe(true);
    expect(t.comments[0]!.text.endsWith('the test accuracy A2 will increase.')).toBe(true);
    // "11 Jun▶ goldpiggy" replies to goldpiggy's latest post
    expect(parents(t).slice(0, 4)).toEqual([null, 'c1', 'c2', 'c3']);
    expect(t.comments[10]!.author).toBe('StevenJokes');
    expectCleanSlices(paste, t);
  });

  it('constructed: a reply marker naming an earlier author links past the previous post', () => {
    expect(cut(['3 Mar', 'maria', 'Bike lanes pay for themselves.', '', '2 replies', '4 Mar', 'tom', 'Only downtown.', '', '5 Mar▶ maria', 'kim', 'Where is the data?', '', 'Like'])).toEqual([
      ['maria', null, 'Bike lanes pay for themselves.'],
      ['tom', 'c1', 'Only downtown.'],
      ['kim', 'c1', 'Where is the data?'],
    ]);
  });
});

describe('web-copy detection does not fire on prose', () => {
  it('a paste with "Reply" inside sentences and on one line stays as the blank-line reader cuts it', () => {
    const paste = 'Reply to the council by Friday.\nWe should ask them to reply in writing.\n\nReply\n\nThey never answer anyway.';
    const t = readPlainText(paste);
    expect(t.comments.map((c) => c.text)).toEqual(['Reply to the council by Friday.\nWe should ask them to reply in writing.', 'Reply', 'They never answer anyway.']);
  });

  it('one HN-like line is not a thread', () => {
    const paste = 'dang 3 hours ago | parent | next [–]\n\nA single quoted header line in an essay.';
    expect(readPlainText(paste).comments).toHaveLength(2);
    expect(readPlainText(paste).comments.every((c) => c.author === null)).toBe(true);
  });

  it('a diary with dates above names but no buttons or counts is not a web page', () => {
    const paste = '3 Mar\nmaria\nWe walked to the lake.\n\n4 Mar\ntom\nIt rained all day.';
    const t = readPlainText(paste);
    expect(t.comments.every((c) => c.author === null)).toBe(true);
  });

  it('a sentence ending in "ago" is not a header', () => {
    const paste = 'The rule changed 3 years ago | and nobody noticed.\nreply\nThe rule changed 2 years ago | really.';
    expect(readPlainText(paste).comments).toHaveLength(1);
  });
});
