/**
 * An email or a mailing-list post pasted as text. What is honest to make of one:
 *
 * - Each message whose own words are unmarked lines is a comment. A paste holds several when
 *   header blocks separate them (`From: … Sent: … To: … Subject:`, after an Outlook
 *   `-----Original Message-----` or a rule of underscores, or a message's full headers): the
 *   block gives the author of the message below it. A reply chain is pasted newest first (text
 *   above the first block), so its messages are put in the order they were written, each
 *   replying to the one before; a paste that starts with a header block (an archive) is already
 *   in that order.
 * - `> ` quoted earlier messages stay inside the comment that quotes them, as quotes (the
 *   segmenter keeps them apart, and a rebuttal below a quote can target it). They do not become
 *   comments of their own: their text carries the `> ` markers, so no slice of the paste is the
 *   earlier message's words, and a comment's text must be such a slice. The attribution line
 *   above a quote (`On Mon, 3 Jun 2024 at 10:12, Alice Smith <alice@example.org> wrote:`) names
 *   the quoted author, recorded on the quote; the line itself stays in the comment (it sits
 *   between the reply's words and the quote, and cutting it out would make two slices).
 * - A signature (after a `-- ` line) and a mailing list's footer (after a rule of underscores)
 *   are not the message's argument: the comment ends before them. What follows a signature in
 *   the same message (a top-posted reply's quoted trailer) goes with it, since the comment ends
 *   where the signature starts.
 */
import { isBlank, type Chunk, type ChunkQuote, type Line } from './lines.js';

const FIELD = /^\s*([A-Za-z][\w-]{1,30})\s*:(?:\s+(.*))?$/;
const CONTINUATION = /^[ \t]+\S/;
const ORIGINAL = /^\s*-{2,}\s*(?:original message|forwarded message)\s*-{2,}\s*$/i;
const UNDERSCORES = /^\s*(?:>\s?)*_{10,}\s*$/;
const QUOTE = /^\s*>/;
const BARE_QUOTE = /^\s*(?:>\s*)+$/;
/** RFC 3676's `-- ` line, or `--Name` as people sign by hand; quoted at any depth. */
const SIGNATURE = /^\s*((?:>\s?)*)--[ \t]?(?:\p{Lu}[\p{L}.' -]{1,40})?$/u;
/** `On <date>, <name> wrote:` (Gmail, Apple Mail, Thunderbird, Evolution). */
const ON_WROTE = /^\s*On\s.{4,200}\bwrote:\s*$/;
/** `2017-12-22 10:35 GMT-02:00 Name <address>:` (Gmail in some locales). */
const ADDRESS_COLON = /^(?=.*\d).{0,120}<[^<>\s@]+@[^<>\s]+>\s*(?:wrote\s*)?:\s*$/;

/**
 * Longest line read as a header field, an attribution or a signature (an attribution runs to a
 * couple of hundred characters); longer lines are message text, and skipping them keeps the
 * patterns linear on a pasted megabyte of spaces.
 */
const SHORT = 300;
const short = (line: Line) => line.text.length <= SHORT;

interface HeaderBlock {
  first: number;
  last: number;
  author: string | null;
}

interface Attribution {
  /** The attribution's lines (an `On … wrote:` line is often wrapped in two). */
  first: number;
  last: number;
  author: string | null;
}

/** The messages of an email paste, or undefined when the paste has no header block and no attributed quote. */
export function chunkEmail(lines: Line[]): Chunk[] | undefined {
  const blocks = headerBlocks(lines);
  const attributions = findAttributions(lines);
  if (blocks.length === 0 && attributions.length === 0) return undefined;
  const regions: Array<{ from: number; to: number; author: string | null }> = [];
  let from = 0;
  let author: string | null = null;
  for (const block of blocks) {
    regions.push({ from, to: block.first - 1, author });
    from = block.last + 1;
    author = block.author;
  }
  regions.push({ from, to: lines.length - 1, author });
  const chunks: Chunk[] = [];
  const topFirst = blocks.length > 0 && lines.slice(0, blocks[0]!.first).every(isBlank);
  // Regions and attributions both run down the paste, so each region takes its own attributions in one pass.
  let k = 0;
  for (const region of regions) {
    while (k < attributions.length && attributions[k]!.first < region.from) k++;
    let end = k;
    while (end < attributions.length && attributions[end]!.first <= region.to) end++;
    const chunk = messageChunk(lines, region.from, region.to, region.author, attributions.slice(k, end));
    if (chunk) chunks.push(chunk);
    k = end;
  }
  return topFirst ? chunks : chunks.reverse();
}

function messageChunk(lines: Line[], from: number, to: number, author: string | null, attributions: Attribution[]): Chunk | undefined {
  // The message's own signature ends it, with whatever the signature precedes.
  for (let i = from; i <= to; i++) {
    const sig = short(lines[i]!) ? SIGNATURE.exec(lines[i]!.text) : null;
    if (sig && sig[1] === '') {
      to = i - 1;
      break;
    }
  }
  to = trimTail(lines, from, to);
  while (from <= to && (isBlank(lines[from]!) || BARE_QUOTE.test(lines[from]!.text))) from++;
  if (from > to) return undefined;
  const chunk: Chunk = { start: lines[from]!.start, end: lines[to]!.end, author };
  const quotes: ChunkQuote[] = [];
  for (const a of attributions) {
    if (a.first < from || a.last >= to) continue;
    let q = a.last + 1;
    while (q <= to && isBlank(lines[q]!)) q++;
    let end = q;
    while (end + 1 <= to && (QUOTE.test(lines[end + 1]!.text) || (isBlank(lines[end + 1]!) && QUOTE.test(lines[end + 2]?.text ?? '')))) end++;
    quotes.push({ start: lines[q]!.start, end: lines[end]!.end, sourceAuthor: a.author });
  }
  if (quotes.length > 0) chunk.quotes = quotes;
  return chunk;
}

/**
 * Drops, from the end of a message, blank and bare `>` lines, a mailing list's footer (a rule of
 * underscores and the few lines under it) and a quoted message's signature, until none is left.
 */
function trimTail(lines: Line[], from: number, to: number): number {
  for (;;) {
    while (to >= from && (isBlank(lines[to]!) || BARE_QUOTE.test(lines[to]!.text))) to--;
    let cut: number | undefined;
    for (let i = to; i >= from && i >= to - 8; i--) {
      if (short(lines[i]!) && (UNDERSCORES.test(lines[i]!.text) || SIGNATURE.test(lines[i]!.text))) cut = i;
    }
    if (cut === undefined) return to;
    to = cut - 1;
  }
}

/** Runs of `Field: value` lines holding a `From:` and a `Sent:`, `Date:`, `To:` or `Subject:`. */
function headerBlocks(lines: Line[]): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isField(lines[i]!)) {
      i++;
      continue;
    }
    const first = i;
    const fields = new Map<string, string>();
    while (i < lines.length && (isField(lines[i]!) || (i > first && short(lines[i]!) && CONTINUATION.test(lines[i]!.text)))) {
      const m = FIELD.exec(lines[i]!.text);
      if (m && !CONTINUATION.test(lines[i]!.text)) fields.set(m[1]!.toLowerCase(), (m[2] ?? '').trim());
      i++;
    }
    const from = fields.get('from');
    if (from === undefined || !['sent', 'date', 'to', 'subject'].some((f) => fields.has(f))) continue;
    let start = first;
    // The Outlook separator or rule above the block belongs to it.
    let above = first - 1;
    while (above >= 0 && isBlank(lines[above]!)) above--;
    if (above >= 0 && short(lines[above]!) && (ORIGINAL.test(lines[above]!.text) || UNDERSCORES.test(lines[above]!.text))) start = above;
    blocks.push({ first: start, last: i - 1, author: personOf(from) });
  }
  return blocks;
}

function isField(line: Line): boolean {
  return short(line) && FIELD.test(line.text);
}

/** Attribution lines that a quote follows (blank lines between allowed). */
function findAttributions(lines: Line[]): Attribution[] {
  const out: Attribution[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!short(lines[i]!) || QUOTE.test(text)) continue;
    let last: number | undefined;
    if (ON_WROTE.test(text) || ADDRESS_COLON.test(text)) last = i;
    else if (/^\s*On\s/.test(text) && i + 1 < lines.length && /\bwrote:\s*$/.test(lines[i + 1]!.text) && lines[i + 1]!.text.length < 100) last = i + 1;
    if (last === undefined) continue;
    let q = last + 1;
    while (q < lines.length && q <= last + 5 && isBlank(lines[q]!)) q++;
    if (q >= lines.length || !QUOTE.test(lines[q]!.text.slice(0, SHORT))) continue;
    const joined = lines.slice(i, last + 1).map((l) => l.text.trim()).join(' ');
    out.push({ first: i, last, author: attributedName(joined) });
    i = last;
  }
  return out;
}

/** `On Tue, 2011-03-01 at 18:02 +0530, Abhishek Kona wrote:` → `Abhishek Kona`. */
function attributedName(line: string): string | null {
  let s = line.replace(/^On\s/, '').replace(/\s*(?:wrote\s*)?:\s*$/, '');
  s = s.replace(/[<[][^<>[\]]*@[^<>[\]]*[>\]]/g, ' ').trim();
  s = s.slice(s.lastIndexOf(',') + 1);
  const m = /((?:[\p{L}][\p{L}.'’-]*)(?: [\p{L}][\p{L}.'’-]*)*)\s*$/u.exec(s.trim());
  return m ? m[1]! : null;
}

/** `Alice Smith <alice@example.org>`, `CRM Comments [crm@example.com]`, `"Bob" <b@x>` → the name, else the address. */
function personOf(from: string): string | null {
  const name = from.replace(/[<[][^<>[\]]*[>\]]/g, ' ').replace(/["']/g, '').trim();
  if (name) return name;
  const address = /[^\s<>[\]]+@[^\s<>[\]]+/.exec(from);
  return address ? address[0] : null;
}
