/**
 * The two baselines the analyzer is measured against, computed on the same sentences in the same run.
 *
 * (a) `sentence`: every sentence is a claim; the first sentence of each reply rebuts the sentence of
 *     its parent comment that shares the most words with it; every later sentence of a paragraph
 *     supports the paragraph's first sentence (the usual claim-then-reasons order of a paragraph).
 * (b) `majority`: every sentence gets the most frequent gold label of the gold file, and the most
 *     frequent gold relation rule: within a comment, each sentence supports the sentence before it
 *     (in the dev data 83% of relations within a comment are supports pointing backwards). No attacks.
 */
import type { Thread } from '../schema/index.js';
import { GOLD_LABELS, type GoldLabel, type GoldThread } from './gold.js';
import type { PredictedEdge, PredictedUnit, Prediction } from './score.js';
import type { SentenceSpan } from './sentences.js';

// Function words say nothing about what a reply answers; only content words count as shared.
const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'i you he she we they me him her us them my your his our their not no so do does did have has had will would can could ' +
    'should there here what which who whom how why when just than then also very more most some any all about into out up'
  ).split(' '),
);

/** Baseline (a): sentences as claims, reply-first-sentence rebuttals by shared words, paragraph supports. */
export function sentenceBaseline(thread: Thread, sentences: readonly SentenceSpan[]): Prediction {
  const units = sentences.map((s, i) => sentenceUnit(s, i, 'claim'));
  const byComment = groupByComment(sentences);
  const edges: PredictedEdge[] = [];
  for (const comment of thread.comments) {
    const own = byComment.get(comment.id);
    if (!own?.length) continue;
    const parent = comment.parentId === null ? undefined : byComment.get(comment.parentId);
    if (parent?.length) {
      const target = mostSharedWords(sentences[own[0]!]!.text, parent.map((i) => sentences[i]!.text));
      edges.push({ from: units[own[0]!]!.id, to: units[parent[target]!]!.id, type: 'rebuts', confidence: 0.5 });
    }
    let head = own[0]!;
    for (let k = 1; k < own.length; k++) {
      const i = own[k]!;
      const previous = sentences[own[k - 1]!]!;
      const gap = comment.text.slice(previous.end, sentences[i]!.start);
      if (/\n\s*\n/.test(gap)) head = i;
      else edges.push({ from: units[i]!.id, to: units[head]!.id, type: 'supports', confidence: 0.5 });
    }
  }
  return { units, edges };
}

/** Baseline (b): the majority gold label on every sentence, and the majority relation rule. */
export function majorityBaseline(thread: Thread, sentences: readonly SentenceSpan[], label: GoldLabel): Prediction {
  const type = label === 'premise' ? 'premise' : 'claim';
  const units = sentences.map((s, i) => sentenceUnit(s, i, type));
  const edges: PredictedEdge[] = [];
  for (const own of groupByComment(sentences).values()) {
    for (let k = 1; k < own.length; k++) edges.push({ from: units[own[k]!]!.id, to: units[own[k - 1]!]!.id, type: 'supports', confidence: 0.5 });
  }
  return { units, edges };
}

/** The most frequent gold unit label over the whole gold file (ties in GOLD_LABELS order). */
export function majorityLabel(threads: readonly GoldThread[]): GoldLabel {
  const counts = new Map<GoldLabel, number>();
  for (const t of threads) for (const u of t.units) counts.set(u.label, (counts.get(u.label) ?? 0) + 1);
  let best: GoldLabel = GOLD_LABELS[0];
  for (const label of GOLD_LABELS) if ((counts.get(label) ?? 0) > (counts.get(best) ?? 0)) best = label;
  return best;
}

function sentenceUnit(s: SentenceSpan, i: number, type: PredictedUnit['type']): PredictedUnit {
  return { id: `s${i}`, commentId: s.commentId, start: s.start, end: s.end, type };
}

function groupByComment(sentences: readonly SentenceSpan[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    const list = map.get(s.commentId);
    if (list) list.push(i);
    else map.set(s.commentId, [i]);
  });
  return map;
}

/** Index of the candidate sharing the most distinct content words with `text` (the first on ties). */
export function mostSharedWords(text: string, candidates: readonly string[]): number {
  const words = contentWords(text);
  let best = 0;
  let bestShared = -1;
  candidates.forEach((candidate, i) => {
    let shared = 0;
    for (const w of contentWords(candidate)) if (words.has(w)) shared++;
    if (shared > bestShared) {
      best = i;
      bestShared = shared;
    }
  });
  return best;
}

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9']+/g) ?? []).filter((w) => !STOPWORDS.has(w)));
}
