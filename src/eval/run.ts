/**
 * Runs an evaluation: the analyzer and both baselines on every gold thread, scored in one pass.
 */
import { readGenericJson } from '../ingest/json.js';
import type { ArgumentGraph, Thread } from '../schema/index.js';
import { majorityBaseline, majorityLabel, sentenceBaseline } from './baselines.js';
import type { GoldThread } from './gold.js';
import { addCounts, scoreThread, type Prediction, type ThreadCounts } from './score.js';
import { threadSentences } from './sentences.js';

/** The systems an evaluation reports, in table order. */
export const SYSTEMS = ['threadmap', 'sentence', 'majority'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface EvalResult {
  /** What the gold file holds. */
  gold: { threads: number; comments: number; units: number; attacks: number; crossCommentAttacks: number; supports: number };
  /** Summed counts per system. */
  counts: Record<SystemName, ThreadCounts>;
  /** The gold label baseline (b) puts on every sentence. */
  majorityLabel: string;
  /**
   * Comment text given to the analyzer (UTF-8 bytes) and the time it spent on it: in the scored pass,
   * where V8 is still compiling the analyzer, and in a second, unscored pass over the same threads.
   */
  throughput: { bytes: number; seconds: number; warmSeconds: number };
}

export interface EvalOptions {
  /** The analyzer under test (analyzeThread); passed in so the core stays free of eval code. */
  analyze: (thread: Thread) => ArgumentGraph;
  /** A monotonic clock in milliseconds; `performance.now` by default. */
  now?: () => number;
}

/**
 * The gold thread's comments read by the generic-JSON adapter, as a user's export would be. The
 * adapter keeps text byte for byte; that is checked, because every gold offset depends on it.
 */
export function goldToThread(gold: GoldThread): Thread {
  const comments = gold.comments.map((c) => ({ id: c.id, parentId: c.parentId, author: c.author ?? null, text: c.text }));
  const thread = readGenericJson({ id: gold.id, ...(gold.title !== undefined ? { title: gold.title } : {}), comments });
  thread.comments.forEach((c, i) => {
    if (c.text !== comments[i]!.text) throw new Error(`the JSON reader changed the text of comment "${c.id}"; gold offsets would not hold`);
  });
  return thread;
}

/** Evaluates the analyzer and the baselines on gold threads. */
export function runEval(golds: readonly GoldThread[], options: EvalOptions): EvalResult {
  const now = options.now ?? (() => performance.now());
  const label = majorityLabel(golds);
  const encoder = new TextEncoder();
  let bytes = 0;
  let ms = 0;
  const totals: Partial<Record<SystemName, ThreadCounts>> = {};
  const add = (system: SystemName, gold: GoldThread, prediction: Prediction) => {
    totals[system] = addCounts(totals[system], scoreThread(gold, prediction));
  };
  const threads: Thread[] = [];
  for (const gold of golds) {
    const thread = goldToThread(gold);
    threads.push(thread);
    for (const c of thread.comments) bytes += encoder.encode(c.text).length;
    const started = now();
    const graph = options.analyze(thread);
    ms += now() - started;
    const sentences = threadSentences(thread);
    add('threadmap', gold, graph);
    add('sentence', gold, sentenceBaseline(thread, sentences));
    add('majority', gold, majorityBaseline(thread, sentences, label));
  }
  // A 0.2 MB eval is over before V8 has compiled the analyzer; the second pass shows its speed once warm.
  const warmStarted = now();
  for (const thread of threads) options.analyze(thread);
  const warmMs = now() - warmStarted;
  return {
    gold: goldSummary(golds),
    counts: totals as Record<SystemName, ThreadCounts>,
    majorityLabel: label,
    throughput: { bytes, seconds: ms / 1000, warmSeconds: warmMs / 1000 },
  };
}

function goldSummary(golds: readonly GoldThread[]): EvalResult['gold'] {
  const summary = { threads: golds.length, comments: 0, units: 0, attacks: 0, crossCommentAttacks: 0, supports: 0 };
  for (const g of golds) {
    summary.comments += g.comments.length;
    summary.units += g.units.length;
    const comment = new Map(g.units.map((u) => [u.id, u.commentId]));
    for (const r of g.relations) {
      if (r.family === 'support') summary.supports++;
      if (r.family !== 'attack') continue;
      summary.attacks++;
      if (comment.get(r.from) !== comment.get(r.to)) summary.crossCommentAttacks++;
    }
  }
  return summary;
}
