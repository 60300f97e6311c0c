/**
 * The plain-text layout every markup converter writes into, so HTML, Markdown and BBCode give
 * the same shape: paragraphs separated by one blank line, list items and table rows on their own
 * lines, quoted passages as `> ` lines (recorded as spans), code blocks kept out of the text.
 */

/** A quoted passage of the converted text. */
export interface QuoteMark {
  /** Offset of the first `>` of the passage in `text`. */
  start: number;
  /** Offset just past the passage's last character (the span covers its `> ` markers). */
  end: number;
  /** What the markup names as the quoted post (Discourse `data-post` / `post:N`), as written. */
  sourceRef?: string;
  /** The topic the quoted post belongs to, when the markup says (Discourse `data-topic`). */
  sourceTopic?: string;
  /** The quoted author, when the markup says. */
  sourceAuthor?: string;
}

/** A code block kept out of `text`; `at` is where it stood. */
export interface CodeBlock {
  at: number;
  text: string;
  lang?: string;
}

/** What a markup converter returns. */
export interface MarkupResult {
  text: string;
  /** Outermost quoted passages, in order. */
  quotes: QuoteMark[];
  code: CodeBlock[];
}

/** Where a quote's source is named, if anywhere. */
export type QuoteSource = Omit<QuoteMark, 'start' | 'end'>;

interface OpenQuote {
  source: QuoteSource;
  start: number; // -1 until the quote writes something
}

/** Deeper quotes still count as quotes but show at most this many `>` (pathological nesting). */
const MAX_PREFIX = 8;

/** Accumulates converted text. Whitespace and breaks are held back until real text follows. */
export class TextWriter {
  private out = '';
  /** 0 none, 1 line break, 2 blank line. */
  private pendingBreak = 0;
  private pendingSpace = false;
  /** Quote depth of the last line written, for the `>` of a blank line inside a quote. */
  private lineDepth = 0;
  /** The shallowest quote depth since the last line was written (a quote may close and reopen). */
  private minDepth = 0;
  private readonly open: OpenQuote[] = [];
  private readonly quotes: QuoteMark[] = [];
  private readonly code: CodeBlock[] = [];
  /** True when a line break was asked for and no text followed yet (two `<br>` make a paragraph). */
  private breakSinceText = false;

  /** Inline text; whitespace inside it is collapsed by the caller (HTML) or kept (Markdown lines). */
  text(s: string): void {
    if (s.length === 0) return;
    this.flush();
    this.out += s;
  }

  /** Inline text with every whitespace run read as one space (HTML text nodes). */
  collapsed(s: string): void {
    const t = s.replace(/\s+/g, ' ');
    if (t === ' ') {
      this.space();
      return;
    }
    const lead = t.charCodeAt(0) === 32;
    const trail = t.length > 1 && t.charCodeAt(t.length - 1) === 32;
    if (lead) this.space();
    this.text(t.slice(lead ? 1 : 0, trail ? t.length - 1 : t.length));
    if (trail) this.space();
  }

  space(): void {
    if (this.out.length > 0 && this.pendingBreak === 0) this.pendingSpace = true;
  }

  /** A line break; with `repeatMakesParagraph` (`<br>`), a second one in a row makes a blank line. */
  lineBreak(repeatMakesParagraph = false): void {
    if (repeatMakesParagraph && this.breakSinceText && this.pendingBreak === 1) this.pendingBreak = 2;
    else if (this.pendingBreak === 0) this.pendingBreak = 1;
    this.breakSinceText = true;
    this.pendingSpace = false;
  }

  paragraph(): void {
    this.pendingBreak = 2;
    this.breakSinceText = true;
    this.pendingSpace = false;
  }

  get quoteDepth(): number {
    return this.open.length;
  }

  openQuote(source: QuoteSource = {}): void {
    this.paragraph();
    this.open.push({ source, start: -1 });
  }

  /** Whether the innermost open quote already names its author. */
  quoteHasAuthor(): boolean {
    return this.open.at(-1)?.source.sourceAuthor !== undefined;
  }

  /** Names the innermost open quote's author, when its opening tag did not. */
  nameQuoteAuthor(author: string): void {
    const q = this.open.at(-1);
    if (q && q.source.sourceAuthor === undefined) q.source = { ...q.source, sourceAuthor: author };
  }

  closeQuote(): void {
    const q = this.open.pop();
    if (!q) return;
    this.minDepth = Math.min(this.minDepth, this.open.length);
    if (q.start >= 0 && this.open.length === 0) this.quotes.push({ start: q.start, end: this.out.length, ...q.source });
    this.paragraph();
  }

  /** A code block: kept apart from the text, its place remembered. */
  codeBlock(text: string, lang?: string): void {
    const body = text.replace(/^\n+|\s+$/g, '');
    if (body.length === 0) return;
    this.paragraph();
    this.code.push(lang ? { at: this.out.length, text: body, lang } : { at: this.out.length, text: body });
  }

  finish(): MarkupResult {
    while (this.open.length > 0) this.closeQuote();
    return { text: this.out, quotes: this.quotes, code: this.code };
  }

  private flush(): void {
    const depth = Math.min(this.open.length, MAX_PREFIX);
    if (this.out.length > 0) {
      if (this.pendingBreak > 0) {
        this.out += '\n';
        if (this.pendingBreak === 2) {
          const blankDepth = Math.min(depth, this.lineDepth, this.minDepth);
          this.out += blankDepth > 0 ? '> '.repeat(blankDepth).trimEnd() + '\n' : '\n';
        }
      } else if (this.pendingSpace) {
        this.out += ' ';
      }
    }
    if (this.pendingBreak > 0 || this.out.length === 0) {
      const outer = this.open[0]; // only outermost quotes are recorded
      if (outer !== undefined && outer.start < 0) outer.start = this.out.length;
      if (depth > 0) this.out += '> '.repeat(depth);
      this.lineDepth = depth;
    }
    this.minDepth = depth;
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.breakSinceText = false;
  }
}
