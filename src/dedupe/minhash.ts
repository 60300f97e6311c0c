/**
 * MinHash signatures and an LSH index: near-duplicate candidates in time linear in the text,
 * never all pairs. Signatures use one-permutation hashing (one hash per shingle, the minimum kept
 * per bin) with rotation densification for empty bins, so a signature costs one pass over the
 * words instead of one pass per hash function.
 */

export interface MinHashOptions {
  /** Signature length (bins). Default 32. */
  bins?: number;
  /** Words per shingle. Default 2: a one-word edit in a twenty-word line keeps ~80% of the shingles. */
  width?: number;
}

const EMPTY = 0xffffffff;

/**
 * The MinHash signature of a normalised text (see normalizeForMatch: lower-case words separated
 * by single spaces). Each word is hashed once; a shingle's hash combines its words' hashes.
 */
export function minhashSignature(text: string, options: MinHashOptions = {}): Uint32Array {
  const bins = options.bins ?? 32;
  const width = options.width ?? 2;
  const sig = new Uint32Array(bins).fill(EMPTY);
  const words: number[] = [];
  let h = 0x811c9dc5;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 32) {
      if (h !== 0x811c9dc5) words.push(mix(h));
      h = 0x811c9dc5;
    } else h = Math.imul(h ^ c, 0x01000193);
  }
  const count = Math.max(1, words.length - width + 1);
  for (let i = 0; i < count; i++) {
    let s = 0x9747b28c;
    for (let j = i; j < Math.min(words.length, i + width); j++) s = Math.imul(s ^ words[j]!, 0x01000193);
    const h = mix(s) >>> 0;
    const bin = h % bins;
    // The value ranks shingles within a bin: a multiplicative re-hash of the mixed hash is enough.
    const value = Math.imul(h, 0x9e3779b1) >>> 0;
    if (value < sig[bin]!) sig[bin] = value;
  }
  densify(sig);
  return sig;
}

/** The share of equal bins: an estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/**
 * Locality-sensitive hashing over signatures: `bands` bands of `rows` rows. Two texts whose
 * Jaccard similarity is s become candidates with probability 1 - (1 - s^rows)^bands.
 */
export class LshIndex {
  private readonly buckets = new Map<number, number[]>();
  constructor(
    readonly bands = 8,
    readonly rows = 4,
    /** A bucket holding more ids than this stops growing: a text repeated thousands of times needs no more. */
    readonly maxBucket = 64,
  ) {}

  /** Ids added earlier that share a band with `sig`, each once, in the order first seen. */
  candidates(sig: Uint32Array, limit = 32): number[] {
    const seen = new Set<number>();
    const out: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      const bucket = this.buckets.get(this.key(sig, b));
      if (!bucket) continue;
      for (const id of bucket) {
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(id);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  add(id: number, sig: Uint32Array): void {
    for (let b = 0; b < this.bands; b++) {
      const key = this.key(sig, b);
      const bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, [id]);
      else if (bucket.length < this.maxBucket) bucket.push(id);
    }
  }

  private key(sig: Uint32Array, band: number): number {
    let h = Math.imul(0x811c9dc5 ^ band, 0x01000193);
    for (let r = 0; r < this.rows; r++) h = Math.imul(h ^ (sig[band * this.rows + r] ?? 0), 0x01000193);
    return (h ^ (band << 24)) >>> 0;
  }
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Fills empty bins from the next non-empty bin (Shrivastava's rotation), keeping estimates unbiased. */
function densify(sig: Uint32Array): void {
  const n = sig.length;
  if (sig.every((v) => v === EMPTY)) return;
  for (let i = 0; i < n; i++) {
    if (sig[i] !== EMPTY) continue;
    let j = (i + 1) % n;
    let step = 1;
    while (sig[j] === EMPTY) {
      j = (j + 1) % n;
      step++;
    }
    // Offset by the distance so two empty bins filled from one source differ.
    sig[i] = (sig[j]! + Math.imul(step, 0x9e3779b1)) >>> 0;
  }
}

