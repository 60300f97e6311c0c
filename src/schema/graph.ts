/**
 * The output contract (schema version 1): duplicates, units, edges and the graph that holds them.
 * Field names and meanings are fixed by DESIGN.md; other tools read them.
 */
import * as z from 'zod/mini';
import { ThreadSchema } from './thread.js';

const offset = () => z.number().check(z.int(), z.nonnegative());
const probability = () => z.number().check(z.gte(0), z.lte(1));

export const SpanSchema = z.object({
  commentId: z.string(),
  start: offset(),
  end: offset(),
});
export type Span = z.infer<typeof SpanSchema>;

export const DUPLICATE_KINDS = ['exact', 'near'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/** A repeated copy (`commentId/start/end`) and the earlier passage it repeats (`of`). */
export const DuplicateSchema = z.object({
  commentId: z.string(),
  start: offset(),
  end: offset(),
  of: SpanSchema,
  kind: z.enum(DUPLICATE_KINDS),
  similarity: probability(),
});
export type Duplicate = z.infer<typeof DuplicateSchema>;

export const UNIT_TYPES = [
  'claim',
  'premise',
  'prediction',
  'rebuttal',
  'concession',
  'question',
  'heading',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Unit types that carry an argument (the others frame or ask). */
export const ARGUMENTATIVE_TYPES: ReadonlySet<UnitType> = new Set([
  'claim',
  'premise',
  'prediction',
  'rebuttal',
  'concession',
]);

export const UnitSchema = z.object({
  id: z.string(),
  commentId: z.string(),
  start: offset(),
  end: offset(),
  text: z.string(),
  type: z.enum(UNIT_TYPES),
  confidence: probability(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const EDGE_TYPES = ['rebuts', 'supports'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/**
 * Why an edge was drawn. `quote`: the source quotes the target; `restatement`: it restates
 * the target's words; `reply`: the reply structure points there; `cue`: a discourse cue
 * ("because", "I disagree that"); `lexical`: shared vocabulary; `adjacency`: position.
 */
export const EVIDENCE_KINDS = ['quote', 'restatement', 'reply', 'cue', 'lexical', 'adjacency'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EvidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  text: z.optional(z.string()),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** `from` rebuts or supports `to`; both are unit ids of the same graph. */
export const EdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  type: z.enum(EDGE_TYPES),
  confidence: probability(),
  evidence: EvidenceSchema,
});
export type Edge = z.infer<typeof EdgeSchema>;

/** A finding about the input worth telling the user, as data (never console output). */
export const DiagnosticSchema = z.object({
  level: z.enum(['info', 'warning']),
  code: z.string(),
  message: z.string(),
  commentId: z.optional(z.string()),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const SCHEMA_VERSION = 1 as const;

export const ArgumentGraphSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  thread: ThreadSchema,
  duplicates: z.array(DuplicateSchema),
  units: z.array(UnitSchema),
  edges: z.array(EdgeSchema),
  diagnostics: z.optional(z.array(DiagnosticSchema)),
});
export type ArgumentGraph = z.infer<typeof ArgumentGraphSchema>;
