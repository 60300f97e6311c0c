/**
 * Emails and mailing-list posts pasted as text. Real bodies are in fixtures/pastes/email/ (test
 * fixtures of email reply parsers; see PROVENANCE.md); the variations marked "constructed" show
 * the rules follow the layout. Expectations written by hand from reading the messages.
 */
import { describe, expect, it } from 'vitest';
import { readPlainText } from '../../src/ingest/text.js';
import type { Comment } from '../../src/schema/index.js';
import { analyzeOne, checkInvariants, fixture } from '../helpers.js';

const quoted = (c: Comment) => (c.quotes ?? []).map((q) => [q.sourceAuthor, c.text.slice(q.start, q.end)]);

describe('email pastes (real)', () => {
  it('mailing-list reply: the attributed quote is a quote of the named author, the quoted and the list footers are left out', () => {
    const paste = fixture('pastes/email/discourse_email_parser__email_1_2.txt');
    const t = readPlainText(paste);
    expect(t.comments).toHaveLength(1);
    const c = t.comments[0]!;
    expect(c.text.startsWith('Hi,\nOn Tue, 2011-03-01 at 18:02 +0530, Abhishek Kona wrote:\n> Hi folks')).toBe(true);
    expect(c.text.endsWith('you’ll need to delete them all individually."')).toBe(true);
    expect(c.text).not.toContain('riak-users mailing list');
    expect(c.text).not.toContain('-- Abhishek Kona');
    expect(quoted(c)).toEqual([['Abhishek Kona', '> Hi folks\n>\n> What is the best way to clear a Riak bucket of all key, values after\n> running a test?\n> I am currently using the Java HTTP API.']]);
    expect(paste.slice(paste.indexOf(c.text), paste.indexOf(c.text) + c.text.length)).toBe(c.text);
  });

  it('top-posted reply signed `--Name`: the comment ends before the signature (the quoted trailer goes with it)', () => {
    const t = readPlainText(fixture('pastes/email/discourse_email_parser__email_1_3.txt'));
    expect(t.comments.map((c) => c.text)).toEqual(['Oh thanks.\n\nHaving the function would be great.']);
  });

  it('Gmail attributions, with the address glued to the name and in the `date Name <address>:` form', () => {
    const a = readPlainText(fixture('pastes/email/email_reply_parser__email_1_4.txt')).comments;
    expect(a).toHaveLength(1);
    expect(quoted(a[0]!)).toEqual([['defunkt', '> Loader seems to be working well.']]);
    const b = readPlainText(fixture('pastes/email/email_reply_parser__email_1_9_quoted.txt')).comments;
    expect(b.map((c) => c.text)).toEqual(['Hi,\n\n2017-12-22 10:35 GMT-02:00 Abhishek Kona <abhishek@kona.com>:\n\n> Hi folks\n>\n> Ruby is awesome!\n\nDo you agree?']);
    expect(quoted(b[0]!)).toEqual([['Abhishek Kona', '> Hi folks\n>\n> Ruby is awesome!']]);
  });

  it('Outlook header blocks separate the messages: the earlier message first, by the block\'s From, and the reply to it', () => {
    for (const [file, author, earlier, reply] of [
      ['email_reply_parser__email_2_2.txt', 'CRM Comments', "A new comment has been added to the Contact named 'John Greene':\n\nI am replying to a comment.", 'Outlook with a reply directly above line'],
      ['email_reply_parser__outlook_email_with_team_mention.txt', 'CRM Comments', 'Should the team mention from the subject line be parsed in the comment?\n\n> Here is quoted text.', 'Outlook email reply with a team mention in the email body.'],
      ['email_reply_parser__email_multiline_quote_header_from_to_date_subject.txt', 'john@example.com', "Thank you for recently participating in our class. We're interested in feedback. Please reply to this email.", undefined],
    ] as const) {
      const t = readPlainText(fixture(`pastes/email/${file}`));
      expect(t.comments.map((c) => [c.id, c.parentId, c.author])).toEqual([['c1', null, author], ['c2', 'c1', null]]);
      expect(t.comments[0]!.text).toBe(earlier);
      if (reply) expect(t.comments[1]!.text).toBe(reply);
      expect(t.comments[1]!.text).not.toMatch(/^(From|Sent|To|Subject):/m);
    }
  });

  it('a message with its full headers: the author is the From name, the headers are not text', () => {
    const t = readPlainText(fixture('pastes/email/talon__thunderbird.eml.txt'));
    expect(t.comments.map((c) => [c.author, c.text])).toEqual([['bob', 'On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi\nHello']]);
    expect(quoted(t.comments[0]!)).toEqual([['Megan One', '> Hi']]);
  });

  it('analyzes a mailing-list reply end to end with the output invariants holding', () => {
    checkInvariants(analyzeOne(fixture('pastes/email/discourse_email_parser__email_1_2.txt')));
  });
});

describe('email pastes (constructed variations)', () => {
  it('a wrapped Gmail attribution, nested quotes and an RFC 3676 signature', () => {
    const paste = [
      'On Mon, 3 Jun 2024 at 10:12, Alice Smith <', 'alice@example.org> wrote:', '> > Zoning reform will lower rents.', '> I doubt it will lower them much.',
      '', 'It lowered them in Minneapolis.', '', '-- ', 'Bob', 'Sent from my phone',
    ].join('\n');
    const [c, ...rest] = readPlainText(paste).comments;
    expect(rest).toEqual([]);
    expect(c!.text).toBe(paste.slice(0, paste.indexOf('\n\n-- ')));
    expect(quoted(c!)).toEqual([['Alice Smith', '> > Zoning reform will lower rents.\n> I doubt it will lower them much.']]);
  });

  it('an Outlook chain of three, newest first, is read oldest first with each message replying to the one before', () => {
    const paste = [
      'Agreed, ship it.', '', '-----Original Message-----', 'From: Carol Jones <carol@example.com>', 'Sent: Tuesday, June 4, 2024 9:00 AM', 'To: Team', 'Subject: RE: launch',
      '', 'The tests pass now.', '', '-----Original Message-----', 'From: "Dan" <dan@example.com>', 'Sent: Monday, June 3, 2024 5:00 PM', 'Subject: launch', '', 'Can we launch on Friday?',
    ].join('\r\n');
    const t = readPlainText(paste);
    expect(t.comments.map((c) => [c.id, c.parentId, c.author, c.text])).toEqual([
      ['c1', null, 'Dan', 'Can we launch on Friday?'],
      ['c2', 'c1', 'Carol Jones', 'The tests pass now.'],
      ['c3', 'c2', null, 'Agreed, ship it.'],
    ]);
  });

  it('an archive of messages each under its headers keeps the paste order', () => {
    const paste = 'From: ann@example.org\nDate: 1 May 2024\nSubject: pricing\n\nRoad pricing works.\n\nFrom: ben@example.org\nDate: 2 May 2024\nSubject: Re: pricing\n\nOnly with exemptions.\n';
    const t = readPlainText(paste);
    expect(t.comments.map((c) => [c.parentId, c.author, c.text])).toEqual([[null, 'ann@example.org', 'Road pricing works.'], ['c1', 'ben@example.org', 'Only with exemptions.']]);
  });
});

describe('email detection does not fire on prose', () => {
  it('"wrote:" in a sentence with no quote under it, and a lone From: label, are text', () => {
    const paste = 'On Monday the mayor wrote:\nthat rents would fall.\n\nFrom: the council minutes.';
    const t = readPlainText(paste);
    expect(t.comments.map((c) => c.text)).toEqual(['On Monday the mayor wrote:\nthat rents would fall.', 'From: the council minutes.']);
    expect(t.comments.every((c) => c.quotes === undefined)).toBe(true);
  });

  it('a `> ` quote with no attribution stays a plain paste (the existing reading)', () => {
    const paste = '> Rents will fall.\n\nThat is not true, land prices absorb the gains.';
    const t = readPlainText(paste);
    expect(t.comments.map((c) => c.text)).toEqual(['> Rents will fall.', 'That is not true, land prices absorb the gains.']);
  });

  it('a `--` dash in prose is not a signature', () => {
    const paste = 'On Mon, 3 Jun 2024, Alice wrote:\n> Tolls work.\n\nThey work -- in cities with transit.\n--in most cases.';
    const [c] = readPlainText(paste).comments;
    expect(c!.text.endsWith('--in most cases.')).toBe(true);
  });
});
