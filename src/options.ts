/**
 * Every tunable of the pipeline, declared and documented in one place, with defaults merged
 * once (`resolveOptions`) so no stage invents its own.
 */
export interface DedupeOptions {
  /** Shortest paragraph (in characters, after normalising) that can be an exact duplicate. Default 24. */
  minChars: number;
  /** Jaccard estimate (MinHash) above which two passages are near-duplicates. Default 0.8. */
  nearThreshold: number;
  /** Words per MinHash shingle. Default 2. */
  shingle: number;
}

export interface LinkOptions {
  /**
   * A rebuttal's target named by a quote or a restatement must score at least this, else the attack
   * model chooses. (Model edges use the thresholds learned in training, in src/link/weights.json.) Default 0.3.
   */
  minConfidence: number;
  /** How many index hits are scored for each rebuttal. Default 8. */
  maxCandidates: number;
  /**
   * Most rebuttal edges the attack model draws from one comment (its most confident ones): a reply
   * disputes a few points, not each of its sentences. Quotes and restatements are not counted.
   * Default 3 (on the annotated threads 2, 4 and 5 each found fewer attacks, held out).
   */
  maxModelRebuttalsPerComment: number;
  /**
   * `rebuts` and `supports` edges are kept only at or above this confidence (model edges also need
   * the threshold their model learned); a source that loses its rebuttal edge keeps the classifier's
   * type. Confidences are calibrated to how often such edges were right on Change My View (mostly
   * 0.1–0.35), where nearly every reply argues with what it answers; for threads where replies
   * agree, thank or tell stories, 0.25 keeps the edges the models rate best. Default 0.
   */
  minModelConfidence: number;
}

export interface AnalyzeOptions {
  dedupe: DedupeOptions;
  link: LinkOptions;
}

export type AnalyzeOptionsInput = {
  dedupe?: Partial<DedupeOptions>;
  link?: Partial<LinkOptions>;
};

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  dedupe: { minChars: 24, nearThreshold: 0.8, shingle: 2 },
  link: { minConfidence: 0.3, maxCandidates: 8, maxModelRebuttalsPerComment: 3, minModelConfidence: 0 },
};

export function resolveOptions(input: AnalyzeOptionsInput = {}): AnalyzeOptions {
  return {
    dedupe: { ...DEFAULT_OPTIONS.dedupe, ...input.dedupe },
    link: { ...DEFAULT_OPTIONS.link, ...input.link },
  };
}
