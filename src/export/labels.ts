/**
 * Small text helpers the exporters share: making arbitrary unit text safe to embed before
 * each format applies its own escaping, and the short descriptions every format repeats
 * (confidence, duplicate records, comment headings).
 */
import type { ArgumentGraph, Comment, Duplicate, Unit, UnitType } from '../schema/index.js';

// A UTF-16 half without its partner cannot be written as UTF-8, and XML forbids it outright.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls (tab and line breaks kept) and the two non-characters XML 1.0 rejects.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/**
 * Text every format can hold: lone surrogates become U+FFFD and control characters are
 * dropped; tabs and line breaks stay. Everything else, including emoji, is kept as is.
 */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '');
}

/** {@link cleanText}, then every line break and tab becomes one space: for one-line slots. */
export function oneLine(text: string): string {
  return cleanText(text).replace(LINE_BREAK, ' ').replace(/\t/g, ' ');
}

/** A confidence as short, stable text: at most three decimals, no trailing zeros. */
export function formatConfidence(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** Comments by id, in thread order, so exporters can group units without searching. */
export function commentsById(graph: ArgumentGraph): Map<string, Comment> {
  return new Map(graph.thread.comments.map((comment) => [comment.id, comment]));
}

/** The name a comment goes by in a heading or a cluster label: `author · id`. */
export function commentLabel(comment: Comment): string {
  const who = comment.deleted ? '[deleted]' : (comment.author ?? 'anonymous');
  return `${who} · ${comment.id}`;
}

/** One line that says what a duplicate record says, for formats that keep it as a comment. */
export function describeDuplicate(duplicate: Duplicate): string {
  const { of } = duplicate;
  return oneLine(
    `duplicate: comment ${duplicate.commentId} [${duplicate.start}, ${duplicate.end}) repeats ` +
      `comment ${of.commentId} [${of.start}, ${of.end}) (${duplicate.kind}, similarity ` +
      `${formatConfidence(duplicate.similarity)})`,
  );
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer word gets a
 * line of its own). Greedy, so the same text always breaks the same way.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Short ids derived from arbitrary ones, unique within one export: characters outside
 * `[A-Za-z0-9_.-]` (and a leading `-`) become `_`, and a clash gets `~2`, `~3`, ... in first-come order.
 */
export function safeIds(ids: readonly string[], prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    // A leading '-' reads as an arrow or an option in several formats.
    const base = `${prefix}${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`.replace(/^-/, '_') || '_';
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}~${n}`;
    taken.add(candidate);
    out.set(id, candidate);
  }
  return out;
}

/** Units grouped by the comment they come from, each group in graph order. */
export function unitsByComment(units: readonly Unit[]): Map<string, Unit[]> {
  const byComment = new Map<string, Unit[]>();
  for (const unit of units) {
    const list = byComment.get(unit.commentId);
    if (list) list.push(unit);
    else byComment.set(unit.commentId, [unit]);
  }
  return byComment;
}

/** Fill and stroke colour per unit type, shared by the drawing formats (DOT, Mermaid). */
export const TYPE_COLORS: Readonly<Record<UnitType, { fill: string; stroke: string }>> = {
  claim: { fill: '#dbeafe', stroke: '#1d4ed8' },
  premise: { fill: '#dcfce7', stroke: '#15803d' },
  prediction: { fill: '#fef9c3', stroke: '#a16207' },
  rebuttal: { fill: '#fee2e2', stroke: '#b91c1c' },
  concession: { fill: '#f3e8ff', stroke: '#7e22ce' },
  question: { fill: '#e0f2fe', stroke: '#0369a1' },
  heading: { fill: '#f1f5f9', stroke: '#475569' },
  other: { fill: '#f8fafc', stroke: '#94a3b8' },
};
