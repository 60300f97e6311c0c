/**
 * The chat references panel's data: chat turns in, references per claim out. `zod/mini` schemas
 * (the browser bundle carries them) with the types inferred from them.
 */
import * as z from 'zod/mini';
import { EvidenceSchema, UNIT_TYPES } from '../schema/index.js';
import { ARGUMENT_SECTIONS } from '../ingest/formats/post-schema.js';

const offset = () => z.number().check(z.int(), z.nonnegative());
const probability = () => z.number().check(z.gte(0), z.lte(1));

/** One chat turn about a post. Only `bot` turns can be references; `user` turns never are. */
export const ChatTurnSchema = z.object({
  id: z.string().check(z.minLength(1)),
  role: z.enum(['user', 'bot']),
  text: z.string(),
  createdAt: z.optional(z.string()),
});
export type ChatTurn = z.infer<typeof ChatTurnSchema>;

export const ChatTurnsSchema = z.array(ChatTurnSchema);

export const REFERENCE_RELATIONS = ['supports', 'rebuts', 'mentions'] as const;
/** `supports`/`rebuts`: the analyzer drew that edge; `mentions`: the turn shares enough of the claim's content. */
export type ReferenceRelation = (typeof REFERENCE_RELATIONS)[number];

/** A later bot turn that repeats (is folded into) an earlier one. */
export const FoldedTurnSchema = z.object({
  /** The repeating turn. */
  turnId: z.string(),
  /** The earliest turn it repeats. */
  of: z.string(),
  kind: z.enum(['exact', 'near']),
  similarity: probability(),
});
export type FoldedTurn = z.infer<typeof FoldedTurnSchema>;

/** A passage of a turn: `text === turn.text.slice(start, end)`. */
export const TurnSpanSchema = z.object({ start: offset(), end: offset(), text: z.string() });
export type TurnSpan = z.infer<typeof TurnSpanSchema>;

/** One bot turn referencing one claim. `duplicates` are the later turns folded into this one. */
export const ChatReferenceSchema = z.object({
  turnId: z.string(),
  relation: z.enum(REFERENCE_RELATIONS),
  span: TurnSpanSchema,
  evidence: EvidenceSchema,
  confidence: probability(),
  duplicates: z.array(FoldedTurnSchema),
});
export type ChatReference = z.infer<typeof ChatReferenceSchema>;

/**
 * One claim of the post and the bot turns that reference it (strongest first). `id` is stable:
 * the section and the claim's offsets in the section text (`body:412-470`).
 */
export const ClaimReferencesSchema = z.object({
  id: z.string(),
  section: z.enum(ARGUMENT_SECTIONS as ['Body', 'Caption']),
  start: offset(),
  end: offset(),
  text: z.string(),
  type: z.enum(UNIT_TYPES),
  references: z.array(ChatReferenceSchema),
});
export type ClaimReferences = z.infer<typeof ClaimReferencesSchema>;

/**
 * What `chatReferences` returns: every claim of the post (referenced or not), the bot turns the
 * references point into (so a renderer can show and highlight them), and the folded repeats.
 */
export const ChatReferencesSchema = z.object({
  title: z.string(),
  claims: z.array(ClaimReferencesSchema),
  turns: z.array(z.object({ id: z.string(), text: z.string(), createdAt: z.optional(z.string()) })),
  folded: z.array(FoldedTurnSchema),
});
export type ChatReferences = z.infer<typeof ChatReferencesSchema>;
