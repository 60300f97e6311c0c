/**
 * Markdown (Reddit `body`, LessWrong `contents.markdown`, Discourse `raw`) to plain text, line
 * by line into the shared TextWriter: `>` quotes become quote spans, fenced and indented code is
 * kept apart, list items keep their own lines. Discourse's BBCode `[quote="user, post:N,
 * topic:M"]` blocks are read as quotes too.
 */
import { parseQuoteOpening } from './bbcode.js';
import { decodeEntities } from './entities.js';
import { inlineMarkdown as stripInline } from './inline-markdown.js';
import { TextWriter, type MarkupResult } from './writer.js';

export interface MarkdownOptions {
  /**
   * Decode one level of HTML entities first. Reddit escapes `& < >` in `body`, so its quotes
   * arrive as `&gt;`; decoding exactly once keeps a typed `&amp;gt;` as the text `&gt;`.
   */
  entities?: boolean;
  /** Strip inline Markdown (emphasis, links, code spans). Off for plain text. Default true. */
  inline?: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^ {0,3}#{1,6}(?:\s+|$)/;
const RULE = /^ {0,3}(?:[-*_]\s*){3,}$/;
const SETEXT = /^ {0,3}(?:=+|-+)\s*$/;
const BULLET = /^(\s*)([-*+•])\s+/;
const ORDERED = /^(\s*)(\d{1,9})[.)]\s+/;
const QUOTE_TAG = /\[quote(?:=[^\]]*)?\]|\[\/quote\]/gi;

/** Converts Markdown to plain text with structured quotes and code kept apart. Linear time. */
export function markdownToText(markdown: string, options: MarkdownOptions = {}): MarkupResult {
  const source = options.entities ? decodeEntities(markdown) : markdown;
  const w = new TextWriter();
  const inlineMarkdown = options.inline === false ? (s: string) => s : stripInline;
  const lines = source.split(/\r\n|\r|\n/);
  let bbDepth = 0; // open [quote] blocks
  let mdDepth = 0; // current `>` depth
  let blank = true; // the previous line was blank (or this is the start)
  let paragraphOpen = false;
  let fence: { marker: string; lang: string; body: string[] } | null = null;
  let indented: string[] | null = null;

  const setDepth = (depth: number): void => {
    while (mdDepth < depth) {
      w.openQuote();
      mdDepth++;
    }
    while (mdDepth > depth) {
      w.closeQuote();
      mdDepth--;
    }
  };
  const endIndented = (): void => {
    if (indented) w.codeBlock(indented.join('\n'));
    indented = null;
  };

  for (let raw of lines) {
    if (fence) {
      if (raw.trimStart().startsWith(fence.marker) && raw.trim().replace(/[`~]/g, '') === '') {
        w.codeBlock(fence.body.join('\n'), fence.lang || undefined);
        fence = null;
        blank = true;
      } else fence.body.push(raw);
      continue;
    }
    // Inside a quote, strip its markers before reading the line's own block syntax.
    let depth = 0;
    let rest = raw;
    for (let m = /^ {0,3}>(?!!) ?/.exec(rest); m; m = /^ {0,3}>(?!!) ?/.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    const isBlank = rest.trim() === '';
    if (indented) {
      if (depth === 0 && (/^(?: {4}|\t)/.test(raw) || isBlank)) {
        indented.push(raw.replace(/^(?: {4}|\t)/, ''));
        continue;
      }
      endIndented();
    }
    if (isBlank) {
      if (depth === 0 && mdDepth > 0) setDepth(0);
      w.paragraph();
      blank = true;
      paragraphOpen = false;
      continue;
    }
    // A line with no `>` right after quoted text continues the quote's paragraph (lazy continuation).
    if (depth === 0 && mdDepth > 0 && paragraphOpen && !blank) depth = mdDepth;
    else if (depth !== mdDepth) {
      setDepth(depth);
      paragraphOpen = false;
    }
    if (depth === 0 && blank && !paragraphOpen && /^(?: {4}|\t)/.test(raw) && bbDepth === 0) {
      indented = [raw.replace(/^(?: {4}|\t)/, '')];
      continue;
    }
    const fenceMatch = FENCE.exec(rest);
    if (fenceMatch) {
      fence = { marker: fenceMatch[1]!, lang: fenceMatch[2] ?? '', body: [] };
      continue;
    }
    blank = false;
    if (rest.includes('[') && /\[\/?quote/i.test(rest)) {
      bbDepth = writeWithQuoteTags(w, rest, bbDepth, inlineMarkdown, () => (paragraphOpen = false));
      paragraphOpen = true;
      continue;
    }
    if (RULE.test(rest) || (paragraphOpen && SETEXT.test(rest))) {
      w.paragraph();
      paragraphOpen = false;
      continue;
    }
    if (HEADING.test(rest)) {
      w.paragraph();
      w.text(inlineMarkdown(rest.replace(HEADING, '').replace(/\s+#+\s*$/, '').trim()));
      w.paragraph();
      paragraphOpen = false;
      continue;
    }
    const bullet = BULLET.exec(rest) ?? ORDERED.exec(rest);
    if (bullet) {
      w.lineBreak();
      const marker = /\d/.test(bullet[2]!) ? `${bullet[2]}. ` : '- ';
      w.text(marker + inlineMarkdown(rest.slice(bullet[0].length).trim()));
      paragraphOpen = true;
      continue;
    }
    const text = inlineMarkdown(rest.trim());
    if (paragraphOpen) w.space();
    w.text(text);
    paragraphOpen = true;
  }
  if (fence) w.codeBlock(fence.body.join('\n'), fence.lang || undefined);
  endIndented();
  return w.finish();
}

/** Writes a line that holds `[quote…]` / `[/quote]` tags; returns the new [quote] depth. */
function writeWithQuoteTags(w: TextWriter, line: string, depth: number, inlineMarkdown: (s: string) => string, onBreak: () => void): number {
  let last = 0;
  QUOTE_TAG.lastIndex = 0;
  for (let m = QUOTE_TAG.exec(line); m !== null; m = QUOTE_TAG.exec(line)) {
    const before = line.slice(last, m.index).trim();
    if (before) w.text(inlineMarkdown(before));
    if (m[0][1] === '/') {
      if (depth > 0) {
        w.closeQuote();
        depth--;
      }
    } else {
      w.openQuote(parseQuoteOpening(m[0]));
      depth++;
    }
    onBreak();
    last = m.index + m[0].length;
  }
  const after = line.slice(last).trim();
  if (after) w.text(inlineMarkdown(after));
  return depth;
}
