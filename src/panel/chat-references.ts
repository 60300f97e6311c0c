/**
 * Which bot turns reference a post, and how. Built on the core analyzer: the post's argument
 * sections and the bot turns become one thread, `analyzeThread` finds repeats and draws
 * supports/rebuts edges, and the edges that run from a turn to the post become references.
 * A turn that shares enough of a claim's content without such an edge `mentions` it.
 */
import { analyzeThread } from '../analyze.js';
import { normalizeForMatch } from '../dedupe/normalize.js';
import { InputError } from '../errors.js';
import { parsePost } from '../ingest/formats/post-page.js';
import { ARGUMENT_SECTIONS, type Post, type PostSectionName } from '../ingest/formats/post-schema.js';
import { issueToInputError } from '../ingest/zod-errors.js';
import type { AnalyzeOptionsInput } from '../options.js';
import { calibrated, LINK_MODELS } from '../link/model.js';
import {
  ARGUMENTATIVE_TYPES,
  type ArgumentGraph,
  type Comment,
  type Duplicate,
  type Thread,
  type Unit,
} from '../schema/index.js';
import { ClaimIndex, DEFAULT_MENTION_THRESHOLDS, type MentionThresholds } from './overlap.js';
import {
  ChatTurnsSchema,
  type ChatReference,
  type ChatReferences,
  type ChatTurn,
  type ClaimReferences,
  type FoldedTurn,
  type ReferenceRelation,
} from './schema.js';

/** Options for `chatReferences`: the analyzer's, plus when a shared vocabulary counts as a mention. */
export interface ChatReferencesOptions extends AnalyzeOptionsInput {
  mentions?: Partial<MentionThresholds>;
  /** Share of a turn a repeat must cover for the turn to be folded into the earlier one. Default 0.8. */
  foldCoverage?: number;
}

const POST_PREFIX = 'post:';
const TURN_PREFIX = 'turn:';
const RELATION_ORDER: Record<ReferenceRelation, number> = { rebuts: 0, supports: 1, mentions: 2 };

/**
 * For each claim of the post, the bot turns that reference it: the relation (`supports`,
 * `rebuts`, `mentions`), the span of the turn that does, the evidence and a confidence.
 * Bot turns that repeat an earlier bot turn are folded into it (listed in `folded` and in the
 * earlier turn's references as `duplicates`); user turns are never references.
 *
 * `post` is a parsed Post or the page text. Throws InputError when a turn is malformed
 * (naming it by JSON path, e.g. `$[3].role`) or two turns share an id.
 */
export function chatReferences(
  post: Post | string,
  turns: readonly ChatTurn[],
  options: ChatReferencesOptions = {},
): ChatReferences {
  const parsed = typeof post === 'string' ? parsePost(post) : post;
  const valid = validateTurns(turns);
  const graph = analyzeThread(chatThread(parsed, valid), options);
  return referencesFromGraph(parsed, valid, graph, options);
}

/**
 * The thread `chatReferences` analyzes: the post's Body and Caption as top-level comments
 * (`post:body`, `post:caption`), then each bot turn (`turn:<id>`) as a reply to the post.
 * User turns are left out: they are never references, and their words must not become claims.
 */
export function chatThread(post: Post, turns: readonly ChatTurn[]): Thread {
  const comments: Comment[] = [];
  for (const section of post.sections) {
    if (!ARGUMENT_SECTIONS.includes(section.name)) continue;
    comments.push({ id: postCommentId(section.name), parentId: null, author: post.author, text: section.text });
  }
  const root = comments[0]?.id ?? null;
  for (const turn of turns) {
    if (turn.role !== 'bot') continue;
    const comment: Comment = { id: TURN_PREFIX + turn.id, parentId: root, author: 'bot', text: turn.text };
    if (turn.createdAt !== undefined) comment.createdAt = turn.createdAt;
    comments.push(comment);
  }
  return { id: `chat-${post.title}`, source: 'post-chat', title: post.title, comments };
}

/** Maps an analyzed chat thread (from `chatThread`) to references per claim. */
export function referencesFromGraph(
  post: Post,
  turns: readonly ChatTurn[],
  graph: ArgumentGraph,
  options: ChatReferencesOptions = {},
): ChatReferences {
  const bots = turns.filter((t) => t.role === 'bot');
  const order = new Map(bots.map((t, i) => [t.id, i]));
  const folded = foldRepeats(bots, graph.duplicates, options.foldCoverage ?? 0.8);
  const foldedInto = new Map(folded.map((f) => [f.turnId, f]));

  const postUnits = graph.units.filter((u) => u.commentId.startsWith(POST_PREFIX) && u.type !== 'heading');
  const claimOf = new Map(postUnits.map((u, i) => [u.id, i]));
  const unitById = new Map(graph.units.map((u) => [u.id, u]));
  const found: Array<Map<string, ChatReference>> = postUnits.map(() => new Map());
  const add = (claim: number, ref: ChatReference) => {
    const key = `${ref.turnId}\u0000${ref.relation}`;
    const old = found[claim]!.get(key);
    if (!old || ref.confidence > old.confidence) found[claim]!.set(key, ref);
  };

  // supports / rebuts: the analyzer's edges from a turn's unit to a post's unit. A panel names a
  // turn as arguing with a claim only on evidence about that claim (a quote, a restatement, a
  // cue, or strong shared wording): an edge drawn from the reply structure alone says that a turn
  // answers the post, not which claim it argues with.
  for (const edge of graph.edges) {
    const from = unitById.get(edge.from);
    const claim = claimOf.get(edge.to);
    const turnId = from && turnIdOf(from);
    if (claim === undefined || turnId === undefined || foldedInto.has(turnId)) continue;
    if (!namesClaim(edge)) continue;
    add(claim, { turnId, relation: edge.type, span: spanOf(from!), evidence: edge.evidence, confidence: edge.confidence, duplicates: [] });
  }

  // mentions: the turn copies the claim's passage (the dedupe stage set the copy aside), or a
  // passage of the turn shares the claim's content; either way without an edge to the claim.
  const mentions: Array<Map<string, ChatReference>> = postUnits.map(() => new Map());
  const mention = (claim: number, ref: ChatReference) => {
    const edged = found[claim]!.has(`${ref.turnId}\u0000rebuts`) || found[claim]!.has(`${ref.turnId}\u0000supports`);
    const old = mentions[claim]!.get(ref.turnId);
    if (!edged && (!old || ref.confidence > old.confidence)) mentions[claim]!.set(ref.turnId, ref);
  };
  const textOf = new Map(bots.map((t) => [t.id, t.text]));
  for (const copy of graph.duplicates) {
    const turnId = copy.commentId.startsWith(TURN_PREFIX) ? copy.commentId.slice(TURN_PREFIX.length) : undefined;
    if (turnId === undefined || foldedInto.has(turnId) || !copy.of.commentId.startsWith(POST_PREFIX)) continue;
    postUnits.forEach((unit, i) => {
      if (unit.commentId !== copy.of.commentId || !coversMostOf(copy.of, unit)) return;
      const span = copiedSpan(textOf.get(turnId) ?? '', copy, unit);
      mention(i, { turnId, relation: 'mentions', span, evidence: { kind: 'restatement', text: `repeats the post's ${sectionOf(unit.commentId)}` }, confidence: round(copy.similarity), duplicates: [] });
    });
  }
  const thresholds = { ...DEFAULT_MENTION_THRESHOLDS, ...options.mentions };
  const index = new ClaimIndex(postUnits.map((u) => u.text));
  for (const unit of graph.units) {
    const turnId = turnIdOf(unit);
    if (turnId === undefined || foldedInto.has(turnId) || unit.type === 'heading') continue;
    for (const hit of index.match(unit.text, thresholds)) {
      mention(hit.claim, {
        turnId,
        relation: 'mentions',
        span: spanOf(unit),
        evidence: { kind: 'lexical', text: hit.shared.join(', ') },
        confidence: round(hit.cosine),
        duplicates: [],
      });
    }
  }

  const repeatsOf = groupBy(folded, (f) => f.of);
  const claims: ClaimReferences[] = [];
  postUnits.forEach((unit, i) => {
    const references = [...found[i]!.values(), ...mentions[i]!.values()]
      .map((r) => ({ ...r, duplicates: repeatsOf.get(r.turnId) ?? [] }))
      .sort((a, b) => order.get(a.turnId)! - order.get(b.turnId)! || RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation]);
    if (references.length === 0 && !ARGUMENTATIVE_TYPES.has(unit.type)) return;
    const section = sectionOf(unit.commentId);
    claims.push({ id: `${section.toLowerCase()}:${unit.start}-${unit.end}`, section, start: unit.start, end: unit.end, text: unit.text, type: unit.type, references });
  });

  const shown = new Set<string>();
  for (const c of claims) for (const r of c.references) {
    shown.add(r.turnId);
    for (const d of r.duplicates) shown.add(d.turnId);
  }
  return {
    title: post.title,
    claims,
    turns: bots.filter((t) => shown.has(t.id)).map((t) => (t.createdAt === undefined ? { id: t.id, text: t.text } : { id: t.id, text: t.text, createdAt: t.createdAt })),
    folded,
  };
}

/** Checks turns at the boundary: shape by schema, then unique ids. */
function validateTurns(turns: readonly ChatTurn[]): ChatTurn[] {
  const parsed = ChatTurnsSchema.safeParse(turns);
  if (!parsed.success) throw issueToInputError(parsed.error.issues, turns);
  const seen = new Map<string, number>();
  parsed.data.forEach((t, i) => {
    const first = seen.get(t.id);
    if (first !== undefined) throw new InputError(`duplicate turn id (also at $[${first}])`, { path: `$[${i}].id` });
    seen.set(t.id, i);
  });
  return parsed.data;
}

/**
 * Bot turns that repeat an earlier bot turn: the same text once case, punctuation and spacing
 * are folded away, or a repeat the dedupe stage found covering most of the turn. Each folds into
 * the earliest turn of its chain.
 */
function foldRepeats(bots: readonly ChatTurn[], duplicates: readonly Duplicate[], coverage: number): FoldedTurn[] {
  const rootOf = new Map<string, string>();
  const folded: FoldedTurn[] = [];
  const firstByText = new Map<string, string>();
  const covered = groupBy(duplicates.filter((d) => d.commentId.startsWith(TURN_PREFIX) && d.of.commentId.startsWith(TURN_PREFIX)), (d) => d.commentId);
  for (const turn of bots) {
    const norm = normalizeForMatch(turn.text);
    if (norm === '') continue;
    const same = firstByText.get(norm);
    if (same !== undefined) {
      const of = rootOf.get(same) ?? same;
      rootOf.set(turn.id, of);
      folded.push({ turnId: turn.id, of, kind: 'exact', similarity: 1 });
      continue;
    }
    firstByText.set(norm, turn.id);
    const near = nearRepeat(turn, covered.get(TURN_PREFIX + turn.id) ?? [], coverage);
    if (near) {
      const of = rootOf.get(near.of) ?? near.of;
      rootOf.set(turn.id, of);
      folded.push({ turnId: turn.id, of, kind: near.kind, similarity: near.similarity });
    }
  }
  return folded;
}

/** The earlier turn whose repeats cover at least `coverage` of this turn's text, if any. */
function nearRepeat(turn: ChatTurn, copies: readonly Duplicate[], coverage: number): { of: string; kind: 'exact' | 'near'; similarity: number } | undefined {
  const size = turn.text.trim().length;
  if (size === 0 || copies.length === 0) return undefined;
  const bySource = groupBy(copies, (d) => d.of.commentId);
  let best: { of: string; kind: 'exact' | 'near'; similarity: number; share: number } | undefined;
  for (const [source, list] of bySource) {
    const share = list.reduce((n, d) => n + (d.end - d.start), 0) / size;
    if (share < coverage || (best && share <= best.share)) continue;
    const similarity = list.reduce((n, d) => n + d.similarity * (d.end - d.start), 0) / list.reduce((n, d) => n + (d.end - d.start), 0);
    best = { of: source.slice(TURN_PREFIX.length), kind: list.every((d) => d.kind === 'exact') ? 'exact' : 'near', similarity: round(similarity), share };
  }
  return best && { of: best.of, kind: best.kind, similarity: best.similarity };
}

/** True when the copied passage covers at least half of the unit. */
function coversMostOf(passage: { start: number; end: number }, unit: Unit): boolean {
  const overlap = Math.min(passage.end, unit.end) - Math.max(passage.start, unit.start);
  return overlap * 2 >= unit.end - unit.start;
}

/**
 * Where in the turn a copied claim sits: at the same offset within the copy when the copy has the
 * original's exact text, else the whole copied passage.
 */
function copiedSpan(turnText: string, copy: Duplicate, unit: Unit): { start: number; end: number; text: string } {
  const start = copy.start + (unit.start - copy.of.start);
  const end = start + (unit.end - unit.start);
  if (start >= copy.start && end <= copy.end && turnText.slice(start, end) === unit.text) return { start, end, text: unit.text };
  return { start: copy.start, end: copy.end, text: turnText.slice(copy.start, copy.end) };
}

function postCommentId(section: PostSectionName): string {
  return POST_PREFIX + section.toLowerCase();
}

function sectionOf(commentId: string): 'Body' | 'Caption' {
  return commentId === postCommentId('Caption') ? 'Caption' : 'Body';
}

function turnIdOf(unit: Unit): string | undefined {
  return unit.commentId.startsWith(TURN_PREFIX) ? unit.commentId.slice(TURN_PREFIX.length) : undefined;
}

function spanOf(unit: Unit): { start: number; end: number; text: string } {
  return { start: unit.start, end: unit.end, text: unit.text };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const NAMING_EVIDENCE = new Set(['quote', 'restatement', 'cue']);
/**
 * Confidence a merely lexical edge needs before the panel shows it as supports/rebuts rather than a
 * mention: what the attack model's calibration makes of even odds (edge confidences are calibrated,
 * src/link/model.ts, so most sit well under 0.5).
 */
const LEXICAL_EDGE_CONFIDENCE = calibrated(LINK_MODELS.attack, 0.5);

function namesClaim(edge: ArgumentGraph['edges'][number]): boolean {
  return NAMING_EVIDENCE.has(edge.evidence.kind) || (edge.evidence.kind === 'lexical' && edge.confidence >= LEXICAL_EDGE_CONFIDENCE);
}
