/**
 * ArgumentGraph → AIF JSON, the shape AIFdb serves and OVA loads: `nodes`, `edges`,
 * `locutions` and `participants`, read as Inference Anchoring Theory (IAT).
 *
 * - Every unit is an I node; a `supports` edge becomes I → RA → I and a `rebuts` edge
 *   I → CA → I, so no edge ever joins two I nodes.
 * - Every comment is an L node (`author: text`, as OVA writes locutions) with a locution
 *   record naming its participant; each of its units is anchored to it by a YA node
 *   (`Asserting`): L → YA → I.
 * - A reply is a TA node from the parent's L to the reply's L. When an RA/CA joins units of
 *   a reply and its parent, that TA anchors it with a YA (`Arguing` / `Disagreeing`).
 *
 * Written by hand rather than with the `arguebuf` package: arguebuf's AIF writer emits an
 * empty `locutions` list and no L/YA/TA nodes (it has nowhere to keep who said what), it
 * pulls protobuf/connect-rpc, immer and dayjs into the browser bundle, and it mints random
 * ids, while this export must be deterministic. The format itself is a few plain objects.
 *
 * What AIF has no field for (unit types, confidences, spans, edge evidence, duplicate
 * records) goes in a top-level `threadmap` object. AIF readers look the arrays up by name
 * and ignore keys they do not know (AIFdb's own documents carry extra keys such as `OVA`
 * and `text` beside `AIF`), so the file still loads.
 */
import type { ArgumentGraph, Comment, Duplicate, Edge, UnitType } from '../schema/index.js';
import { cleanText, unitsByComment } from './labels.js';

/** AIF node types this export writes (AIF also has MA and PA, which threadmap never infers). */
export type AifNodeType = 'I' | 'L' | 'RA' | 'CA' | 'YA' | 'TA';

export interface AifNode {
  nodeID: string;
  text: string;
  type: AifNodeType;
  /** `YYYY-MM-DD HH:mm:ss` in UTC, or `""` when the comment has no readable time. */
  timestamp: string;
  /** Scheme name and AIFdb scheme id, on S nodes (RA, CA, TA, YA) where AIFdb defines one. */
  scheme?: string;
  schemeID?: string;
}

export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}

export interface AifLocution {
  nodeID: string;
  personID: string;
  timestamp: string;
  start: string | null;
  end: null;
  source: null;
}

export interface AifParticipant {
  participantID: string;
  firstname: string;
  surname: string;
}

/** What AIF cannot say, keyed to the AIF node ids that stand for each threadmap object. */
export interface AifThreadmapExtra {
  schemaVersion: number;
  threadId: string;
  source: string;
  title?: string;
  comments: { commentId: string; nodeID: string }[];
  units: { unitId: string; nodeID: string; commentId: string; start: number; end: number; type: UnitType; confidence: number }[];
  edges: { from: string; to: string; nodeID: string; type: Edge['type']; confidence: number; evidence: Edge['evidence'] }[];
  duplicates: Duplicate[];
}

export interface AifDocument {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: AifLocution[];
  participants: AifParticipant[];
  threadmap: AifThreadmapExtra;
}

// AIFdb's scheme ids for the default schemes, so AIFdb and OVA show the usual names.
const SCHEMES = {
  inference: { type: 'RA', scheme: 'Default Inference', schemeID: '72' },
  conflict: { type: 'CA', scheme: 'Default Conflict', schemeID: '71' },
  transition: { type: 'TA', scheme: 'Default Transition', schemeID: '82' },
  asserting: { type: 'YA', scheme: 'Asserting', schemeID: '74' },
  arguing: { type: 'YA', scheme: 'Arguing', schemeID: '80' },
  disagreeing: { type: 'YA', scheme: 'Disagreeing' },
} as const satisfies Record<string, { type: AifNodeType; scheme: string; schemeID?: string }>;

type Scheme = (typeof SCHEMES)[keyof typeof SCHEMES];

/** Builds the AIF document for a graph. Ids are numbered in thread order, so output is stable. */
export function toAifDocument(graph: ArgumentGraph): AifDocument {
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const locutions: AifLocution[] = [];
  const participants = new Map<string, AifParticipant>();
  const extra: AifThreadmapExtra = {
    schemaVersion: graph.schemaVersion,
    threadId: graph.thread.id,
    source: graph.thread.source,
    ...(graph.thread.title === undefined ? {} : { title: graph.thread.title }),
    comments: [],
    units: [],
    edges: [],
    duplicates: graph.duplicates,
  };

  const addNode = (type: AifNodeType, text: string, timestamp: string): string => {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text, type, timestamp });
    return nodeID;
  };
  const addScheme = (scheme: Scheme, timestamp: string): string => {
    const nodeID = addNode(scheme.type, scheme.scheme, timestamp);
    const node = nodes[nodes.length - 1]!;
    node.scheme = scheme.scheme;
    if ('schemeID' in scheme) node.schemeID = scheme.schemeID;
    return nodeID;
  };
  const link = (fromID: string, toID: string): void => {
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });
  };

  const unitsOf = unitsByComment(graph.units);
  const locutionOf = new Map<string, string>(); // comment id → L node id
  const transitionOf = new Map<string, string>(); // reply comment id → TA node id
  const infoOf = new Map<string, string>(); // unit id → I node id
  const commentOfUnit = new Map<string, Comment>();
  const timeOfComment = new Map<string, string>();

  for (const comment of graph.thread.comments) {
    const time = aifTimestamp(comment.createdAt);
    timeOfComment.set(comment.id, time);
    const speaker = speakerName(comment);
    const lId = addNode('L', `${speaker}: ${cleanText(comment.text)}`, time);
    locutionOf.set(comment.id, lId);
    extra.comments.push({ commentId: comment.id, nodeID: lId });
    locutions.push({ nodeID: lId, personID: participantFor(participants, speaker), timestamp: time, start: time || null, end: null, source: null });

    for (const unit of unitsOf.get(comment.id) ?? []) {
      const iId = addNode('I', cleanText(unit.text), time);
      const ya = addScheme(SCHEMES.asserting, time);
      link(lId, ya);
      link(ya, iId);
      infoOf.set(unit.id, iId);
      commentOfUnit.set(unit.id, comment);
      extra.units.push({
        unitId: unit.id,
        nodeID: iId,
        commentId: unit.commentId,
        start: unit.start,
        end: unit.end,
        type: unit.type,
        confidence: unit.confidence,
      });
    }
  }

  // Transitions after every L node exists, so a reply listed before its parent still gets one.
  for (const comment of graph.thread.comments) {
    const parentL = comment.parentId === null ? undefined : locutionOf.get(comment.parentId);
    if (parentL === undefined) continue;
    const ta = addScheme(SCHEMES.transition, timeOfComment.get(comment.id)!);
    link(parentL, ta);
    link(ta, locutionOf.get(comment.id)!);
    transitionOf.set(comment.id, ta);
  }

  for (const edge of graph.edges) {
    const from = infoOf.get(edge.from);
    const to = infoOf.get(edge.to);
    // The contract guarantees both ends are units of this graph; an edge that breaks it has no I node to join.
    if (from === undefined || to === undefined) continue;
    const source = commentOfUnit.get(edge.from)!;
    const time = timeOfComment.get(source.id) ?? '';
    const supports = edge.type === 'supports';
    const sId = addScheme(supports ? SCHEMES.inference : SCHEMES.conflict, time);
    link(from, sId);
    link(sId, to);
    // IAT anchors an inference or conflict in the dialogue move that made it: the reply's TA.
    const target = commentOfUnit.get(edge.to)!;
    const ta = source.parentId === target.id ? transitionOf.get(source.id) : undefined;
    if (ta !== undefined) {
      const ya = addScheme(supports ? SCHEMES.arguing : SCHEMES.disagreeing, time);
      link(ta, ya);
      link(ya, sId);
    }
    extra.edges.push({ from: edge.from, to: edge.to, nodeID: sId, type: edge.type, confidence: edge.confidence, evidence: edge.evidence });
  }

  return { nodes, edges, locutions, participants: [...participants.values()], threadmap: extra };
}

/** AIF JSON text for a graph (pretty-printed, final newline). */
export function toAif(graph: ArgumentGraph): string {
  return `${JSON.stringify(toAifDocument(graph), null, 2)}\n`;
}

/** AIFdb's timestamp form (`2024-05-01 12:00:00`, UTC) for an ISO-like time; `""` if unreadable. */
export function aifTimestamp(createdAt: string | undefined): string {
  if (createdAt === undefined) return '';
  const ms = Date.parse(createdAt);
  if (Number.isNaN(ms)) return '';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function speakerName(comment: Comment): string {
  if (comment.deleted) return '[deleted]';
  return cleanText(comment.author ?? 'anonymous').replace(/[\r\n]+/g, ' ');
}

function participantFor(participants: Map<string, AifParticipant>, name: string): string {
  let participant = participants.get(name);
  if (participant === undefined) {
    participant = { participantID: String(participants.size + 1), firstname: name, surname: '' };
    participants.set(name, participant);
  }
  return participant.participantID;
}
