/**
 * Plain text (Stack Exchange comments, Pleroma plain statuses, LessWrong `plaintextMainText`)
 * into the shared layout: blank-line paragraphs, line breaks kept, `>` lines as quotes.
 */
import { markdownToText } from './markdown.js';
import type { MarkupResult } from './writer.js';

/** Reads plain text's block shape only: nothing inline is markup. */
export function plainToText(text: string): MarkupResult {
  return markdownToText(text, { inline: false });
}
