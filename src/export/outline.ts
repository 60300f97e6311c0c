/**
 * The outline: the graph for people. Each comment, its units with their types, each rebuttal
 * with the text it targets, each premise with what it supports, and the duplicates set aside.
 */
import type { ArgumentGraph } from '../schema/index.js';
import { oneLine as flatten, unitsByComment } from './labels.js';

export function toOutline(graph: ArgumentGraph): string {
  const lines: string[] = [];
  const units = new Map(graph.units.map((u) => [u.id, u]));
  const byComment = unitsByComment(graph.units);
  const outgoing = new Map<string, ArgumentGraph['edges']>();
  for (const e of graph.edges) {
    const list = outgoing.get(e.from);
    if (list) list.push(e);
    else outgoing.set(e.from, [e]);
  }
  const title = graph.thread.title ? `: ${oneLine(graph.thread.title, 80)}` : '';
  lines.push(`thread ${graph.thread.id} (${graph.thread.source})${title}`);
  lines.push(`${graph.thread.comments.length} comments, ${graph.units.length} units, ${graph.edges.length} edges, ${graph.duplicates.length} duplicates set aside`);
  for (const comment of graph.thread.comments) {
    const who = comment.author ? ` by ${comment.author}` : '';
    const reply = comment.parentId ? `, reply to ${comment.parentId}` : '';
    lines.push('', `comment ${comment.id}${who}${reply}${comment.deleted ? ' [deleted]' : ''}`);
    for (const u of byComment.get(comment.id) ?? []) {
      lines.push(`  ${u.id.padEnd(5)} ${u.type.padEnd(10)} ${u.confidence.toFixed(2)}  ${oneLine(u.text, 110)}`);
      for (const e of outgoing.get(u.id) ?? []) {
        const target = units.get(e.to);
        const evidence = e.evidence.text ? `${e.evidence.kind}: "${oneLine(e.evidence.text, 60)}"` : e.evidence.kind;
        lines.push(`          ${marker(e)} ${e.to} (${e.confidence.toFixed(2)}, ${evidence})`);
        if (target) lines.push(`             "${oneLine(target.text, 100)}"`);
      }
    }
  }
  if (graph.duplicates.length > 0) {
    lines.push('', 'duplicates set aside');
    for (const d of graph.duplicates) {
      const copy = graph.thread.comments.find((c) => c.id === d.commentId);
      const preview = copy ? oneLine(copy.text.slice(d.start, d.end), 70) : '';
      lines.push(`  ${d.commentId}[${d.start}:${d.end}] ${d.kind} (${d.similarity.toFixed(2)}) repeats ${d.of.commentId}[${d.of.start}:${d.of.end}]  "${preview}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How an edge reads: a rebuttal that rests on the reply structure alone (no quote, cue or shared
 * word) is shown as a guess, so a reader does not take a reply's position for a dispute.
 */
function marker(e: ArgumentGraph['edges'][number]): string {
  if (e.type === 'supports') return '✓ supports';
  return e.evidence.kind === 'reply' ? '? may rebut' : '✗ rebuts';
}

/** One line of at most `max` characters, control characters removed (labels.ts), runs of spaces folded. */
function oneLine(text: string, max: number): string {
  const flat = flatten(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
