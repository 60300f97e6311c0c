/**
 * Content overlap between turn passages and the post's claims, for `mentions`: a turn that talks
 * about a claim without supporting or rebutting it. Built on the linker's vocabulary (stemmed
 * content terms) and its inverted TF-IDF index, so a passage is scored only against the claims
 * that share a term with it, never all pairs.
 */
import { stem, terms, UnitIndex } from '../link/index.js';

/** How a passage overlaps one claim. */
export interface Overlap {
  /** Index of the claim in the list given to `ClaimIndex`. */
  claim: number;
  /** TF-IDF cosine between the passage and the claim. */
  cosine: number;
  /** The passage's words whose stems the claim shares, as the passage writes them. */
  shared: string[];
}

/** When shared vocabulary counts as a mention. */
export interface MentionThresholds {
  /** Least TF-IDF cosine between the turn's passage and the claim. Default 0.3. */
  minCosine: number;
  /** Fewest distinct shared content terms. Default 2. */
  minShared: number;
  /** Most claims one passage can mention. Default 3. */
  maxPerPassage: number;
}

export const DEFAULT_MENTION_THRESHOLDS: MentionThresholds = { minCosine: 0.3, minShared: 2, maxPerPassage: 3 };

/** The post's claims, indexed once; `match` scores one passage against them. */
export class ClaimIndex {
  private readonly index: UnitIndex;
  private readonly termSets: ReadonlyArray<ReadonlySet<string>>;

  constructor(claims: readonly string[]) {
    const docs = claims.map((text) => terms(text));
    this.index = new UnitIndex(docs);
    this.termSets = docs.map((d) => new Set(d));
  }

  /** The claims `text` overlaps above the thresholds, best first (ties by claim order). */
  match(text: string, thresholds: MentionThresholds = DEFAULT_MENTION_THRESHOLDS): Overlap[] {
    const query = terms(text);
    const hits = this.index.search(query, this.termSets.length, () => true, thresholds.maxPerPassage * 4);
    const out: Overlap[] = [];
    for (const hit of hits) {
      if (hit.score < thresholds.minCosine) continue;
      const claimTerms = this.termSets[hit.index]!;
      const shared = surfaceWords(text, (s) => claimTerms.has(s));
      if (shared.length < thresholds.minShared) continue;
      out.push({ claim: hit.index, cosine: Math.min(1, hit.score), shared });
    }
    return out.sort((a, b) => b.cosine - a.cosine || a.claim - b.claim).slice(0, thresholds.maxPerPassage);
  }
}

/** Distinct words of `text` (lower-cased, as written) whose stem passes `keep`, in order. */
function surfaceWords(text: string, keep: (stem: string) => boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const s = stem(m[0]);
    if (seen.has(s) || !keep(s)) continue;
    seen.add(s);
    out.push(m[0]);
  }
  return out;
}
