/**
 * Markup to plain text: HTML, Markdown and BBCode all produce the same layout (see TextWriter),
 * with quoted passages as spans and code blocks kept apart.
 */
export { decodeEntities } from './entities.js';
export { htmlToText, type HtmlOptions } from './html.js';
export { markdownToText, type MarkdownOptions } from './markdown.js';
export { bbcodeToText, parseQuoteOpening } from './bbcode.js';
export type { CodeBlock, MarkupResult, QuoteMark, QuoteSource } from './writer.js';
export { plainToText } from './plain.js';
