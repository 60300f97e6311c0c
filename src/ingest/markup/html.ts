/**
 * HTML to plain text in one linear pass: a small tokenizer (no regex over the whole document)
 * feeding the shared TextWriter. It reads the HTML forums write (Discourse `cooked`, HN `text`,
 * Mastodon `content`, Stack Exchange `Body`), not arbitrary web pages: unclosed `<p>` (HN),
 * quote asides and link previews (Discourse), invisible URL parts (Mastodon).
 */
import { decodeEntities } from './entities.js';
import { TextWriter, type MarkupResult, type QuoteSource } from './writer.js';

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'main', 'nav',
  'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'dl', 'details', 'summary', 'address', 'center',
  'aside', 'ul', 'ol', 'hr', 'fieldset', 'form', 'caption',
]);
/** Elements that only break the line. */
const LINE = new Set(['tr', 'dt', 'dd', 'li']);
/** Elements with no end tag. */
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'col', 'embed', 'param', 'track', 'base']);
/** Elements whose content is never text. */
const RAW_SKIP = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title']);
const SKIP = new Set(['svg', 'math', 'video', 'audio', 'iframe', 'object', 'select', 'button']);

type Role = 'quote' | 'absorbed' | 'skip' | 'pre' | 'list' | 'none';

interface Open {
  name: string;
  role: Role;
  /** For lists: ordered counter (0 = unordered). */
  counter: number;
  /** For quote asides: the blockquote inside is the same quote. */
  aside: boolean;
  /** Discourse lightbox links: their `div.meta` is file-size chrome. */
  lightbox: boolean;
  /** A quote aside's title (`username:`): skipped as chrome, but read for the author. */
  title?: boolean;
}

/** Options for htmlToText. */
export interface HtmlOptions {
  /**
   * Read paragraphs that start with `>` as quotes (Hacker News writes quotes as a plain
   * `&gt; ` at the start of a paragraph, never as `<blockquote>`).
   */
  textQuotes?: boolean;
}

/** Converts forum HTML to plain text with structured quotes and code kept apart. Linear time. */
export function htmlToText(html: string, options: HtmlOptions = {}): MarkupResult {
  return new HtmlReader(html, options).read();
}

class HtmlReader {
  private readonly w = new TextWriter();
  private readonly stack: Open[] = [];
  /** The open quotes and lists, apart from the stack, so finding the innermost one is O(1). */
  private readonly quotes: Open[] = [];
  private readonly lists: Open[] = [];
  /** How many of each element are open, so a stray end tag costs nothing. */
  private readonly openCount = new Map<string, number>();
  private skipDepth = 0;
  private pre: string | null = null;
  private preDepth = 0;
  private lightbox = 0;
  /** Text of the quote title being skipped, when the aside did not name its author. */
  private titleText: string | null = null;
  /** Once a scan for `>` ran off the end, no later `<` can start a tag. */
  private noTagAfter = Infinity;
  /** For textQuotes: whether the current paragraph has had text yet, and whether it is a `>` quote. */
  private paraFresh = true;
  private textQuote = false;

  constructor(private readonly src: string, private readonly options: HtmlOptions) {}

  read(): MarkupResult {
    const src = this.src;
    const n = src.length;
    let i = 0;
    while (i < n) {
      const lt = src.indexOf('<', i);
      const end = lt === -1 || lt >= this.noTagAfter ? n : lt;
      if (end > i) this.onText(src.slice(i, end));
      if (end >= n) break;
      i = this.onTag(end);
    }
    this.endTextQuote();
    return this.w.finish();
  }

  /** Reads the markup at `lt`; returns where to continue. */
  private onTag(lt: number): number {
    const src = this.src;
    const c = src.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      const close = src.startsWith('<!--', lt) ? src.indexOf('-->', lt + 4) : src.indexOf('>', lt + 2);
      if (close === -1) return src.length;
      return close + (src.startsWith('<!--', lt) ? 3 : 1);
    }
    if (c === 63 /* ? */) {
      const close = src.indexOf('>', lt + 2);
      return close === -1 ? src.length : close + 1;
    }
    const closing = c === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    let j = nameStart;
    while (j < src.length && isNameChar(src.charCodeAt(j))) j++;
    if (j === nameStart || !isLetter(src.charCodeAt(nameStart))) {
      this.onText('<');
      return lt + 1;
    }
    const name = src.slice(nameStart, j).toLowerCase();
    const tagEnd = this.findTagEnd(j);
    if (tagEnd === -1) {
      // An unclosed tag at the end: show the rest as text rather than lose it.
      this.noTagAfter = lt;
      this.onText(src.slice(lt));
      return src.length;
    }
    if (closing) this.onClose(name);
    else {
      const selfClosing = src.charCodeAt(tagEnd - 1) === 47;
      this.onOpen(name, src.slice(j, selfClosing ? tagEnd - 1 : tagEnd), selfClosing);
      if (RAW_SKIP.has(name) && !selfClosing) return this.skipRaw(name, tagEnd + 1);
    }
    return tagEnd + 1;
  }

  /** The `>` that ends a tag whose name ends at `from`, skipping quoted attribute values. */
  private findTagEnd(from: number): number {
    const src = this.src;
    let quote = 0;
    for (let k = from; k < src.length; k++) {
      const c = src.charCodeAt(k);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) return k;
    }
    return -1;
  }

  private skipRaw(name: string, from: number): number {
    const re = new RegExp(`</${name}\\s*>`, 'gi');
    re.lastIndex = from;
    const m = re.exec(this.src);
    this.onClose(name);
    return m ? m.index + m[0].length : this.src.length;
  }

  private onOpen(name: string, attrText: string, selfClosing: boolean): void {
    if (this.skipDepth > 0) {
      if (!VOID.has(name) && !selfClosing) this.push(name, 'none');
      return;
    }
    if (this.pre !== null) {
      if (name === 'br') this.pre += '\n';
      else if (!VOID.has(name) && !selfClosing) this.push(name, 'none');
      return;
    }
    const attrs = attrText.length > 0 ? parseAttributes(attrText) : EMPTY;
    const cls = attrs.get('class');
    if (name === 'br') {
      this.endTextQuote();
      this.w.lineBreak(true);
      this.paraFresh = true;
      return;
    }
    if (name === 'img') {
      // Emoji keep their meaning (`:+1:`, a unicode alt); pictures and avatars are not text.
      const alt = attrs.get('alt');
      if (alt && (hasClass(cls, 'emoji') || hasClass(cls, 'custom-emoji'))) this.inline(alt);
      return;
    }
    if (VOID.has(name) || selfClosing) {
      if (name === 'hr') this.block();
      return;
    }
    if (SKIP.has(name) || RAW_SKIP.has(name) || this.isChrome(name, cls)) {
      const title = this.skipDepth === 0 && this.isQuoteTitle(name, cls) && !this.w.quoteHasAuthor();
      this.push(name, 'skip');
      if (title) {
        this.stack[this.stack.length - 1]!.title = true;
        this.titleText = '';
      }
      this.skipDepth++;
      return;
    }
    if (name === 'pre') {
      this.block();
      this.push(name, 'pre');
      this.pre = '';
      this.preDepth = this.stack.length;
      return;
    }
    if (name === 'blockquote' || (name === 'aside' && hasClass(cls, 'quote'))) {
      const top = this.innermostQuote();
      if (name === 'blockquote' && top !== undefined && top.aside && top.role === 'quote') {
        top.role = 'absorbed'; // the aside's own blockquote: same quote, not a nested one
        this.push(name, 'none');
        return;
      }
      this.endTextQuote();
      this.w.openQuote(name === 'aside' ? asideSource(attrs) : {});
      this.push(name, 'quote', 0, name === 'aside');
      this.paraFresh = true;
      return;
    }
    if (name === 'p' && this.stack.length > 0 && this.stack[this.stack.length - 1]!.name === 'p') this.pop(); // HN never closes <p>
    if (name === 'li' && this.stack.length > 0 && this.stack[this.stack.length - 1]!.name === 'li') this.pop();
    if (name === 'ul' || name === 'ol') {
      this.block();
      const start = Number.parseInt(attrs.get('start') ?? '1', 10);
      this.push(name, 'list', name === 'ol' ? (Number.isFinite(start) ? start : 1) : 0);
      return;
    }
    if (name === 'li') {
      this.line();
      const list = this.innermostList();
      this.push(name, 'none');
      if (list && list.counter > 0) this.w.text(`${list.counter++}. `);
      else this.w.text('- ');
      return;
    }
    if (name === 'a' && hasClass(cls, 'lightbox')) {
      this.lightbox++;
      this.push(name, 'none', 0, false, true);
      return;
    }
    if (BLOCK.has(name)) this.block();
    else if (LINE.has(name)) this.line();
    else if (name === 'td' || name === 'th') this.w.space();
    this.push(name, 'none');
  }

  private onClose(name: string): void {
    if ((this.openCount.get(name) ?? 0) === 0) {
      if (this.skipDepth > 0 || this.pre !== null) return;
      if (name === 'p') this.block();
      else if (name === 'br') this.line();
      return;
    }
    while (this.stack.length > 0) {
      const top = this.pop();
      if (top.name === name) break;
    }
    if (this.skipDepth === 0 && this.pre === null && (BLOCK.has(name) || LINE.has(name))) {
      if (BLOCK.has(name)) this.block();
      else this.line();
    }
  }

  private push(name: string, role: Role, counter = 0, aside = false, lightbox = false): void {
    const open: Open = { name, role, counter, aside, lightbox };
    this.stack.push(open);
    if (role === 'quote') this.quotes.push(open);
    else if (role === 'list') this.lists.push(open);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
  }

  private pop(): Open {
    const top = this.stack.pop()!;
    this.openCount.set(top.name, this.openCount.get(top.name)! - 1);
    if (top.role === 'skip') {
      this.skipDepth--;
      if (top.title) this.endTitle();
    }
    else if (top.role === 'list') this.lists.pop();
    else if (top.role === 'quote' || top.role === 'absorbed') {
      this.quotes.pop();
      this.endTextQuote();
      this.w.closeQuote();
      this.paraFresh = true;
    } else if (top.role === 'pre' && this.preDepth === this.stack.length + 1 && this.pre !== null) {
      this.w.codeBlock(decodeEntities(this.pre));
      this.pre = null;
      this.paraFresh = true;
    }
    if (top.lightbox) this.lightbox--;
    return top;
  }

  /** Markup around content that is not the author's words. */
  private isChrome(name: string, cls: string | undefined): boolean {
    if (cls === undefined) return false;
    if (hasClass(cls, 'onebox') || hasClass(cls, 'invisible') || hasClass(cls, 'quote-controls')) return true;
    if (this.isQuoteTitle(name, cls)) return true;
    return this.lightbox > 0 && hasClass(cls, 'meta');
  }

  private isQuoteTitle(name: string, cls: string | undefined): boolean {
    return name === 'div' && hasClass(cls, 'title') && this.innermostQuote()?.aside === true;
  }

  /**
   * Older Discourse quotes have no `data-username`; their title says `eviltrout:` or
   * `EvilTrout said:`. A title that does not end that way (a linked topic title) names no one.
   */
  private endTitle(): void {
    const m = /^\s*(.+?)(?:\s+said)?\s*:\s*$/.exec(decodeEntities(this.titleText ?? '').replace(/\s+/g, ' '));
    this.titleText = null;
    if (m && !/\s/.test(m[1]!)) this.w.nameQuoteAuthor(m[1]!);
  }

  private innermostQuote(): Open | undefined {
    return this.quotes[this.quotes.length - 1];
  }

  private innermostList(): Open | undefined {
    return this.lists[this.lists.length - 1];
  }

  private block(): void {
    this.endTextQuote();
    this.w.paragraph();
    this.paraFresh = true;
  }

  private line(): void {
    this.endTextQuote();
    this.w.lineBreak();
    this.paraFresh = true;
  }

  private onText(raw: string): void {
    if (this.skipDepth > 0) {
      if (this.titleText !== null) this.titleText += raw;
      return;
    }
    if (this.pre !== null) {
      this.pre += raw;
      return;
    }
    this.inline(decodeEntities(raw));
  }

  private inline(text: string): void {
    if (this.options.textQuotes && this.paraFresh && /\S/.test(text)) {
      this.paraFresh = false;
      if (/^\s*>/.test(text)) {
        this.w.openQuote();
        this.textQuote = true;
        text = text.replace(/^\s*>\s?/, '');
      }
    }
    this.w.collapsed(text);
  }

  private endTextQuote(): void {
    if (this.textQuote) {
      this.textQuote = false;
      this.w.closeQuote();
    }
  }
}

const EMPTY: ReadonlyMap<string, string> = new Map();

/** Attribute values are decoded once; names are lower-cased. */
function parseAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    attrs.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function asideSource(attrs: ReadonlyMap<string, string>): QuoteSource {
  const source: QuoteSource = {};
  const post = attrs.get('data-post');
  const topic = attrs.get('data-topic');
  const user = attrs.get('data-username');
  if (post) source.sourceRef = post;
  if (topic) source.sourceTopic = topic;
  if (user) source.sourceAuthor = user;
  return source;
}

function hasClass(cls: string | undefined, name: string): boolean {
  if (cls === undefined) return false;
  const k = cls.indexOf(name);
  if (k === -1) return false;
  return ` ${cls} `.includes(` ${name} `);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58;
}
