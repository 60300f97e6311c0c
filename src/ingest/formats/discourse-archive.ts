/**
 * A Discourse topic as Markdown archives render it (e.g. the delving-bitcoin archive): a `# Title`
 * line, then posts that open with `username | 2024-01-05 18:03:45 UTC | #N`, are separated by a
 * `-------------------------` rule, and carry their `raw` Markdown with `[quote="user, post:N,
 * topic:M"]` blocks. Comment ids are the post numbers; there is no reply field, so every post
 * answers the opening post, and a quote of post N in this topic points at comment N.
 */
import type { Thread } from '../../schema/index.js';
import type { FormatAdapter, ReadContext } from '../adapter.js';
import { InputError } from '../../errors.js';
import { markdownToText } from '../markup/index.js';
import { ThreadBuilder, makeComment } from './thread-builder.js';
import { toIso } from './time.js';

const SOURCE = 'discourse-archive';
const HEADER = /^(\S+) \| (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC \| #(\d+)[ \t]*$/m;
const SEPARATOR = /\n-{5,}[ \t]*\s*$/;

/** A post header within the first lines: cheap, and no other format writes `name | date UTC | #N`. */
function detect(text: string): boolean {
  const m = HEADER.exec(text.slice(0, 2000));
  return m !== null && m.index < 1500;
}

/** The topic the quotes name most often: quotes of other topics are not resolved. */
function topicOf(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\[quote="[^"\]]*\btopic:(\d+)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Reads one archived topic into a thread. */
export function readDiscourseArchive(text: string, ctx: ReadContext = {}): Thread[] {
  const headers = [...text.matchAll(new RegExp(HEADER.source, 'gm'))];
  if (headers.length === 0) throw new InputError('no post header (`name | YYYY-MM-DD hh:mm:ss UTC | #N`) found', ctx);
  const title = /^#\s+(.+)$/m.exec(text.slice(0, headers[0]!.index))?.[1]?.trim();
  const topic = topicOf(text);
  const numbers = new Set(headers.map((h) => h[3]!));
  const b = new ThreadBuilder(topic ?? `archive:${title ?? headers[0]![3]}`, SOURCE);
  const opening = numbers.has('1') ? '1' : null;
  headers.forEach((h, k) => {
    const start = h.index + h[0].length;
    const end = headers[k + 1]?.index ?? text.length;
    const body = text.slice(start, end).replace(SEPARATOR, '');
    const number = h[3]!;
    const parentId = number === opening ? null : opening;
    b.add(makeComment(
      { id: number, parentId, author: h[1]!, createdAt: toIso(`${h[2]!.replace(' ', 'T')}Z`), meta: { postNumber: Number(number) } },
      markdownToText(body),
      (q) => (q.sourceRef !== undefined && numbers.has(q.sourceRef) && (q.sourceTopic === undefined || q.sourceTopic === topic) ? q.sourceRef : null),
    ));
  });
  return [b.build(title, topic ? { topicId: topic } : {})];
}

export const discourseArchiveAdapter: FormatAdapter = {
  name: SOURCE,
  kind: 'text',
  detect,
  read: (text: string, ctx: ReadContext) => readDiscourseArchive(text, ctx),
};
