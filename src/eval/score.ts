/**
 * The scorer: compares one thread's predicted units and edges with its gold annotation and counts
 * matches. Counts are summed over threads (micro-average) before precision and recall are taken.
 */
import { ARGUMENTATIVE_TYPES, type EdgeType, type UnitType } from '../schema/index.js';
import type { GoldThread } from './gold.js';
import { MATCH_MODES, matchSpans, type MatchMode } from './spans.js';
import { addCalibration, CALIBRATED_TYPES, countEdge, emptyCalibration, type CalibratedType, type CalibrationCounts } from './calibration.js';

/** What the scorer needs from a predicted unit (a threadmap Unit has it). */
export interface PredictedUnit {
  id: string;
  commentId: string;
  start: number;
  end: number;
  type: UnitType;
}

/** What the scorer needs from a predicted edge (a threadmap Edge has it). */
export interface PredictedEdge {
  from: string;
  to: string;
  type: EdgeType;
  confidence: number;
}

/**
 * A system's output on one thread. Only units of an argumentative type are matched to gold units;
 * every distinct edge counts as predicted, so an edge to a question or heading is a miss, not ignored.
 */
export interface Prediction {
  units: readonly PredictedUnit[];
  edges: readonly PredictedEdge[];
}

/** Matches found, items predicted, items in the gold annotation. */
export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

/**
 * Cross-comment attacks: of the gold attacks whose source is matched (leniently) to a predicted unit
 * that rebuts something (`predicted`), how many of those predictions (its most confident `rebuts`
 * edge) point into the comment that holds the gold target (`rightComment`).
 */
export interface CrossCommentCounts {
  gold: number;
  predicted: number;
  rightComment: number;
}

export type ModeCounts = Record<MatchMode, Counts>;

export interface ThreadCounts {
  units: ModeCounts;
  rebuttals: ModeCounts;
  /** Gold units labelled premise against predicted units typed premise (the claim-or-premise reading). */
  premises: ModeCounts;
  attacks: ModeCounts;
  supports: ModeCounts;
  crossComment: CrossCommentCounts;
  /** Predicted rebuts and supports edges by confidence, and how many match a gold relation (lenient). */
  calibration: CalibrationCounts;
}

/** A predicted edge of a scored type and whether it matches a gold relation of its family (lenient). */
export interface JudgedEdge<E extends PredictedEdge = PredictedEdge> {
  edge: E & { type: CalibratedType };
  right: boolean;
}

/** Scores one thread. */
export function scoreThread(gold: GoldThread, prediction: Prediction): ThreadCounts {
  // Only argumentative units take part: a question or heading is not an argument unit.
  const units = prediction.units.filter((u) => ARGUMENTATIVE_TYPES.has(u.type));
  const index = new Map(units.map((u, i) => [u.id, i]));
  // Every edge counts as predicted; one that touches a non-argumentative unit simply cannot be found.
  const edges = uniqueEdges(prediction.edges);
  const scorable = edges.filter((e) => index.has(e.from) && index.has(e.to));
  const edgeKeys = new Set(scorable.map((e) => edgeKey(index.get(e.from)!, index.get(e.to)!, e.type)));

  const goldIndex = new Map(gold.units.map((u, i) => [u.id, i]));
  const relations = uniqueRelations(gold);
  const goldRebuttal = gold.units.map(() => false);
  for (const r of relations.attack) goldRebuttal[goldIndex.get(r.from)!] = true;
  const predRebuttal = units.map((u) => u.type === 'rebuttal');
  const goldPremise = gold.units.map((u) => u.label === 'premise');
  const predPremise = units.map((u) => u.type === 'premise');
  for (const e of scorable) if (e.type === 'rebuts') predRebuttal[index.get(e.from)!] = true;

  const matchUnder = (mode: MatchMode) => matchSpans(gold.units, units, mode);
  const countUnder = (match: readonly number[]) => {
    const found = (family: 'attack' | 'support', type: EdgeType) =>
      relations[family].filter((r) => {
        const from = match[goldIndex.get(r.from)!]!;
        const to = match[goldIndex.get(r.to)!]!;
        return from !== -1 && to !== -1 && edgeKeys.has(edgeKey(from, to, type));
      }).length;
    return {
      units: { tp: match.filter((p) => p !== -1).length, predicted: units.length, gold: gold.units.length },
      rebuttals: {
        tp: match.filter((p, g) => p !== -1 && goldRebuttal[g] && predRebuttal[p]).length,
        predicted: predRebuttal.filter(Boolean).length,
        gold: goldRebuttal.filter(Boolean).length,
      },
      premises: {
        tp: match.filter((p, g) => p !== -1 && goldPremise[g] && predPremise[p]).length,
        predicted: predPremise.filter(Boolean).length,
        gold: goldPremise.filter(Boolean).length,
      },
      attacks: { tp: found('attack', 'rebuts'), predicted: edges.filter((e) => e.type === 'rebuts').length, gold: relations.attack.length },
      supports: { tp: found('support', 'supports'), predicted: edges.filter((e) => e.type === 'supports').length, gold: relations.support.length },
    };
  };
  const lenientMatch = matchUnder('lenient');
  const strict = countUnder(matchUnder('strict'));
  const lenient = countUnder(lenientMatch);
  const both = (key: keyof typeof strict): ModeCounts => ({ strict: strict[key], lenient: lenient[key] });
  const calibration = emptyCalibration();
  for (const { edge, right } of judge(relations, goldIndex, lenientMatch, index, edges)) countEdge(calibration, edge.type, edge.confidence, right);
  return {
    units: both('units'),
    rebuttals: both('rebuttals'),
    premises: both('premises'),
    attacks: both('attacks'),
    supports: both('supports'),
    crossComment: crossComment(gold, relations.attack, units, scorable, lenientMatch),
    calibration,
  };
}

/**
 * Each distinct rebuts or supports edge, in prediction order, judged against the gold relations
 * as the lenient relation rows count them: right when its ends are the units matched to the two
 * ends of a gold relation of its family. What `npm run train` fits confidences to.
 */
export function judgeEdges<E extends PredictedEdge>(gold: GoldThread, prediction: { units: readonly PredictedUnit[]; edges: readonly E[] }): JudgedEdge<E>[] {
  const units = prediction.units.filter((u) => ARGUMENTATIVE_TYPES.has(u.type));
  const goldIndex = new Map(gold.units.map((u, i) => [u.id, i]));
  return judge(uniqueRelations(gold), goldIndex, matchSpans(gold.units, units, 'lenient'), new Map(units.map((u, i) => [u.id, i])), uniqueEdges(prediction.edges));
}

function judge<E extends PredictedEdge>(
  relations: ReturnType<typeof uniqueRelations>,
  goldIndex: ReadonlyMap<string, number>,
  match: readonly number[],
  index: ReadonlyMap<string, number>,
  edges: readonly E[],
): JudgedEdge<E>[] {
  const found = new Set<string>();
  for (const [family, type] of [['attack', 'rebuts'], ['support', 'supports']] as const) {
    for (const r of relations[family]) {
      const from = match[goldIndex.get(r.from)!]!;
      const to = match[goldIndex.get(r.to)!]!;
      if (from !== -1 && to !== -1) found.add(edgeKey(from, to, type));
    }
  }
  const judged: JudgedEdge<E>[] = [];
  for (const e of edges) {
    if (!isCalibrated(e.type)) continue;
    const from = index.get(e.from);
    const to = index.get(e.to);
    const right = from !== undefined && to !== undefined && found.has(edgeKey(from, to, e.type));
    judged.push({ edge: e as JudgedEdge<E>['edge'], right });
  }
  return judged;
}

function isCalibrated(type: EdgeType): type is CalibratedType {
  return (CALIBRATED_TYPES as readonly string[]).includes(type);
}

function crossComment(
  gold: GoldThread,
  attacks: readonly { from: string; to: string }[],
  units: readonly PredictedUnit[],
  edges: readonly PredictedEdge[],
  match: readonly number[],
): CrossCommentCounts {
  const goldUnits = new Map(gold.units.map((u, i) => [u.id, { unit: u, index: i }]));
  const predUnits = new Map(units.map((u, i) => [u.id, { unit: u, index: i }]));
  // The most confident rebuts edge of each predicted unit (the first one on ties: output order is deterministic).
  const best = new Map<number, PredictedEdge>();
  for (const e of edges) {
    if (e.type !== 'rebuts') continue;
    const from = predUnits.get(e.from)!.index;
    const current = best.get(from);
    if (!current || e.confidence > current.confidence) best.set(from, e);
  }
  const result: CrossCommentCounts = { gold: 0, predicted: 0, rightComment: 0 };
  for (const r of attacks) {
    const source = goldUnits.get(r.from)!;
    const target = goldUnits.get(r.to)!;
    if (source.unit.commentId === target.unit.commentId) continue;
    result.gold++;
    const p = match[source.index]!;
    const edge = p === -1 ? undefined : best.get(p);
    if (!edge) continue;
    result.predicted++;
    if (predUnits.get(edge.to)!.unit.commentId === target.unit.commentId) result.rightComment++;
  }
  return result;
}

/** Gold attack and support relations, each (from, to) once. Agreement relations are not scored. */
function uniqueRelations(gold: GoldThread) {
  const seen = new Set<string>();
  const out = { attack: [] as { from: string; to: string }[], support: [] as { from: string; to: string }[] };
  for (const r of gold.relations) {
    if (r.family === 'agreement') continue;
    const key = `${r.family}\u0000${r.from}\u0000${r.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out[r.family].push({ from: r.from, to: r.to });
  }
  return out;
}

function uniqueEdges<E extends PredictedEdge>(edges: readonly E[]): E[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.type}\u0000${e.from}\u0000${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function edgeKey(from: number, to: number, type: EdgeType): string {
  return `${type}:${from}:${to}`;
}

/** Adds counts thread by thread. */
export function addCounts(total: ThreadCounts | undefined, next: ThreadCounts): ThreadCounts {
  if (!total) return structuredClone(next);
  for (const key of ['units', 'rebuttals', 'premises', 'attacks', 'supports'] as const) {
    for (const mode of MATCH_MODES) {
      total[key][mode].tp += next[key][mode].tp;
      total[key][mode].predicted += next[key][mode].predicted;
      total[key][mode].gold += next[key][mode].gold;
    }
  }
  total.crossComment.gold += next.crossComment.gold;
  total.crossComment.predicted += next.crossComment.predicted;
  total.crossComment.rightComment += next.crossComment.rightComment;
  addCalibration(total.calibration, next.calibration);
  return total;
}

/** Precision, recall and F1 with their counts; a ratio with nothing below it is 0. */
export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(counts: Counts): Scores {
  const precision = counts.predicted ? counts.tp / counts.predicted : 0;
  const recall = counts.gold ? counts.tp / counts.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1 };
}
