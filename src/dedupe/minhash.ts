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
  return minhashInto(text, new Uint32Array(options.bins ?? 32), options.width ?? 2);
}

/**
 * minhashSignature written into `sig` (its length is the bin count), for callers that sign many
 * texts and keep few signatures: a typed array costs more to allocate than a short line to sign.
 */
export function minhashInto(text: string, sig: Uint32Array, width = 2): Uint32Array {
  const bins = sig.length;
  sig.fill(EMPTY);
  const words = wordHashes(text);
  const n = words.count;
  const hashes = words.hashes;
  const count = Math.max(1, n - width + 1);
  // Bin by mask when the bin count is a power of two: the same as `% bins` on the unsigned hash.
  const mask = (bins & (bins - 1)) === 0 ? bins - 1 : -1;
  for (let i = 0; i < count; i++) {
    let s = SHINGLE_SEED;
    const last = Math.min(n, i + width);
    for (let j = i; j < last; j++) s = Math.imul(s ^ hashes[j]!, 0x01000193);
    const h = mix(s);
    const bin = mask >= 0 ? h & mask : (h >>> 0) % bins;
    // The value ranks shingles within a bin: a multiplicative re-hash of the mixed hash is enough.
    const value = Math.imul(h, 0x9e3779b1) >>> 0;
    if (value < sig[bin]!) sig[bin] = value;
  }
  densify(sig);
  return sig;
}

// Hash seeds as signed 32-bit values, so the hash loops stay in small-integer arithmetic.
const FNV_SEED = 0x811c9dc5 | 0;
const SHINGLE_SEED = 0x9747b28c | 0;

/** Scratch for the word hashes of one text, grown as needed: a signature allocates only itself. */
let scratch = new Int32Array(256);

/** The mixed FNV-1a hash of each space-separated word, in order. */
function wordHashes(text: string): { hashes: Int32Array; count: number } {
  // A text of L characters has at most L/2 + 1 words.
  if (scratch.length < (text.length >> 1) + 2) scratch = new Int32Array((text.length >> 1) + 256);
  const hashes = scratch;
  let count = 0;
  let h = FNV_SEED;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (inWord) hashes[count++] = mix(h);
      h = FNV_SEED;
      inWord = false;
    } else {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    }
  }
  if (inWord) hashes[count++] = mix(h);
  return { hashes, count };
}

/** The share of equal bins: an estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array, bOffset = 0): number {
  const n = Math.min(a.length, b.length - bOffset);
  if (n <= 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[bOffset + i]) same++;
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
    const out: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      const bucket = this.buckets.get(this.key(sig, b));
      if (!bucket) continue;
      // `out` holds at most `limit` ids: a scan of it is cheaper than a set.
      for (const id of bucket) {
        if (out.includes(id)) continue;
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
    // Signed, so the key is a small integer for the map; the same keys as their unsigned forms, one to one.
    return h ^ (band << 24);
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
  let empty = true;
  for (let i = 0; i < n && empty; i++) empty = sig[i] === EMPTY;
  if (empty) return;
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

