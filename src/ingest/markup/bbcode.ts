/**
 * BBCode (old forum exports, Discourse `raw` quotes) to plain text. Tags are read in one pass;
 * `[quote]` becomes a quote span that names its source when the tag does
 * (`[quote="user, post:3, topic:12"]`, `[quote=user]`), `[code]` is kept apart, `[*]` items
 * get their own lines, and formatting tags (`[b]`, `[url=…]`, `[color=…]`) leave only their text.
 */
import { TextWriter, type MarkupResult, type QuoteSource } from './writer.js';

const TAG = /\[(\/?)([a-z*]+)(?:=("[^"\]]*"|[^\]]*))?\]/gi;
/** Tags whose content is not the author's words. */
const DROP = new Set(['img', 'video', 'audio', 'youtube', 'attachment', 'attach']);

/** Reads the source named by a `[quote…]` opening tag. */
export function parseQuoteOpening(tag: string): QuoteSource {
  const m = /^\[quote=("?)([^\]]*)\1\]$/i.exec(tag);
  if (!m) return {};
  const parts = m[2]!.split(',').map((p) => p.trim());
  const source: QuoteSource = {};
  if (parts[0] && !parts[0].includes(':')) source.sourceAuthor = parts[0];
  for (const part of parts) {
    const kv = /^(post|topic)\s*:\s*(\d+)$/i.exec(part);
    if (kv?.[1]!.toLowerCase() === 'post') source.sourceRef = kv[2]!;
    else if (kv) source.sourceTopic = kv[2]!;
  }
  return source;
}

/** Converts BBCode to plain text with structured quotes and code kept apart. Linear time. */
export function bbcodeToText(bbcode: string): MarkupResult {
  const w = new TextWriter();
  let quoteDepth = 0;
  let code: { start: number; lang?: string } | null = null;
  let drop: { name: string; depth: number } | null = null;
  let last = 0;

  const writeText = (text: string): void => {
    // Blank lines are paragraphs, single line breaks stay line breaks (forum posts are typed that way).
    const paragraphs = text.split(/\r?\n[ \t]*\r?\n\s*/);
    paragraphs.forEach((para, k) => {
      if (k > 0) w.paragraph();
      para.split(/\r?\n/).forEach((line, j) => {
        if (j > 0) w.lineBreak();
        w.collapsed(line);
      });
    });
  };

  TAG.lastIndex = 0;
  for (let m = TAG.exec(bbcode); m !== null; m = TAG.exec(bbcode)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (code) {
      if (closing && name === 'code') {
        w.codeBlock(bbcode.slice(code.start, m.index), code.lang);
        code = null;
        last = m.index + m[0].length;
      }
      continue;
    }
    if (drop) {
      if (closing && name === drop.name && --drop.depth === 0) {
        drop = null;
        last = m.index + m[0].length;
      } else if (!closing && name === drop.name) drop.depth++;
      continue;
    }
    writeText(bbcode.slice(last, m.index));
    last = m.index + m[0].length;
    if (name === 'quote') {
      if (!closing) {
        w.openQuote(parseQuoteOpening(m[0]));
        quoteDepth++;
      } else if (quoteDepth > 0) {
        w.closeQuote();
        quoteDepth--;
      }
    } else if (name === 'code' && !closing) {
      const lang = m[3]?.replace(/"/g, '');
      code = lang ? { start: last, lang } : { start: last };
    } else if (DROP.has(name) && !closing) {
      drop = { name, depth: 1 };
    } else if (name === '*' || name === 'li') {
      w.lineBreak();
      w.text('- ');
    } else if (name === 'list' || name === 'ul' || name === 'ol' || name === 'center' || name === 'hr') {
      w.paragraph();
    }
    // Any other tag ([b], [url=…], [color=…], [size=…]) is formatting: its text stays.
  }
  if (code) w.codeBlock(bbcode.slice(code.start), code.lang);
  else if (!drop) writeText(bbcode.slice(last));
  return w.finish();
}
