/**
 * MinHash signatures and an LSH index: near-duplicate candidates in time linear in the text,
 * never all pairs. Signatures use one-permutation hashing (one hash per shingle, the minimum kept
 * per bin) with rotation densification for empty bins, so a signature costs one pass over the
 * words instead of one pass per hash function.
 */
import { grown } from './arrays.js';
import { mix } from './normalize.js';

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
  const words = wordHashes(text);
  return signWords(words.hashes, 0, words.count, sig, width);
}

/**
 * minhashInto from word hashes already at hand (words[from, from + n)), for a caller that hashed
 * the words while reading the text (scanForm).
 */
export function signWords(hashes: Int32Array, from: number, n: number, sig: Uint32Array, width = 2): Uint32Array {
  const bins = sig.length;
  if (width === 2 && bins === 32 && n >= 2) {
    // The default shingle and signature, unrolled: each word's first step is taken once, for the
    // shingle it opens. The bins that hold a value are the set bits of `filled`, so the signature
    // is not cleared first: a bin not yet filled compares as empty, and densify32 writes the rest.
    let filled = 0;
    let opened = Math.imul(SHINGLE_SEED ^ hashes[from]!, 0x01000193);
    for (let j = from + 1; j < from + n; j++) {
      const word = hashes[j]!;
      const h = mix(Math.imul(opened ^ word, 0x01000193));
      opened = Math.imul(SHINGLE_SEED ^ word, 0x01000193);
      const bin = h & 31;
      // The value ranks shingles within a bin: a multiplicative re-hash of the mixed hash is enough.
      const value = Math.imul(h, 0x9e3779b1) >>> 0;
      if (value < ((filled >>> bin) & 1 ? sig[bin]! : EMPTY)) {
        sig[bin] = value;
        filled |= 1 << bin;
      }
    }
    densify32(sig, filled);
    return sig;
  }
  // A loop, not sig.fill: fill with a value above the small-integer range is a call into the runtime.
  for (let b = 0; b < bins; b++) sig[b] = EMPTY;
  const count = Math.max(1, n - width + 1);
  // Bin by mask when the bin count is a power of two: the same as `% bins` on the unsigned hash.
  const mask = (bins & (bins - 1)) === 0 ? bins - 1 : -1;
  for (let i = 0; i < count; i++) {
    let s = SHINGLE_SEED;
    const last = Math.min(n, i + width);
    for (let j = i; j < last; j++) s = Math.imul(s ^ hashes[from + j]!, 0x01000193);
    const h = mix(s);
    const bin = mask >= 0 ? h & mask : (h >>> 0) % bins;
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
 *
 * Buckets live in typed arrays (an open-addressing table from band key to bucket, each bucket a
 * linked list of ids) rather than a Map of arrays: a thread's lines nearly all land in buckets of
 * their own, and one array per band per line cost more than signing the line. `clear` keeps the
 * arrays for the next thread.
 */
export class LshIndex {
  /** Open addressing: a slot's band key, and its bucket + 1 (0: the slot is free). */
  private slotKey = new Int32Array(256);
  private slotBucket = new Int32Array(256);
  private shift = 32 - 8;
  /** Per bucket: first and last entry, entry count, and its slot (so clear visits only used slots). */
  private head = new Int32Array(128);
  private tail = new Int32Array(128);
  private size = new Int32Array(128);
  private bucketSlot = new Int32Array(128);
  private bucketCount = 0;
  /** Per entry: the id and the bucket's next entry (-1 at the end). */
  private entryId = new Int32Array(256);
  private entryNext = new Int32Array(256);
  private entryCount = 0;
  private scratch = new Int32Array(32);
  /** The band keys of the signature last queried or added. */
  private keys = new Int32Array(8);

  constructor(
    readonly bands = 8,
    readonly rows = 4,
    /** A bucket holding more ids than this stops growing: a text repeated thousands of times needs no more. */
    readonly maxBucket = 64,
  ) {}

  /** Ids added earlier that share a band with `sig`, each once, in the order first seen. */
  candidates(sig: Uint32Array, limit = 32): number[] {
    if (this.scratch.length < limit) this.scratch = new Int32Array(limit);
    const n = this.candidatesInto(sig, this.scratch, limit);
    return Array.from(this.scratch.subarray(0, n));
  }

  /** candidates written into `out` (room for `limit` ids); returns how many. */
  candidatesInto(sig: Uint32Array, out: Int32Array, limit = 32): number {
    this.setKeys(sig);
    let n = 0;
    for (let b = 0; b < this.bands; b++) {
      const bucket = this.slotBucket[this.find(this.keys[b]!)]! - 1;
      if (bucket < 0) continue;
      for (let e = this.head[bucket]!; e >= 0; e = this.entryNext[e]!) {
        const id = this.entryId[e]!;
        // `out` holds at most `limit` ids: a scan of it is cheaper than a set.
        let seen = false;
        for (let k = 0; k < n && !seen; k++) seen = out[k] === id;
        if (seen) continue;
        out[n++] = id;
        if (n >= limit) return n;
      }
    }
    return n;
  }

  add(id: number, sig: Uint32Array): void {
    this.setKeys(sig);
    this.addQueried(id);
  }

  /** add for the signature last passed to candidatesInto (or add), without hashing its bands again. */
  addQueried(id: number): void {
    for (let b = 0; b < this.bands; b++) {
      const key = this.keys[b]!;
      const slot = this.find(key);
      const bucket = this.slotBucket[slot]! - 1;
      if (bucket < 0) this.newBucket(slot, key, this.newEntry(id));
      else if (this.size[bucket]! < this.maxBucket) {
        const e = this.newEntry(id);
        this.entryNext[this.tail[bucket]!] = e;
        this.tail[bucket] = e;
        this.size[bucket]!++;
      }
    }
  }

  private setKeys(sig: Uint32Array): void {
    if (this.keys.length < this.bands) this.keys = new Int32Array(this.bands);
    for (let b = 0; b < this.bands; b++) this.keys[b] = this.key(sig, b);
  }

  /** Forgets every id, keeping the storage. */
  clear(): void {
    for (let b = 0; b < this.bucketCount; b++) this.slotBucket[this.bucketSlot[b]!] = 0;
    this.bucketCount = 0;
    this.entryCount = 0;
  }

  /** The slot holding `key`, or the free slot where it would go. */
  private find(key: number): number {
    const mask = this.slotKey.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.slotBucket[slot] !== 0 && this.slotKey[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private newEntry(id: number): number {
    if (this.entryCount === this.entryId.length) {
      this.entryId = grown(this.entryId);
      this.entryNext = grown(this.entryNext);
    }
    const e = this.entryCount++;
    this.entryId[e] = id;
    this.entryNext[e] = -1;
    return e;
  }

  private newBucket(slot: number, key: number, entry: number): void {
    if (this.bucketCount === this.head.length) {
      this.head = grown(this.head);
      this.tail = grown(this.tail);
      this.size = grown(this.size);
      this.bucketSlot = grown(this.bucketSlot);
    }
    const bucket = this.bucketCount++;
    this.head[bucket] = entry;
    this.tail[bucket] = entry;
    this.size[bucket] = 1;
    this.slotKey[slot] = key;
    this.slotBucket[slot] = bucket + 1;
    this.bucketSlot[bucket] = slot;
    // At most half the slots in use keeps probe runs short.
    if (this.bucketCount * 2 > this.slotKey.length) this.rehash();
  }

  private rehash(): void {
    const oldKey = this.slotKey;
    const size = oldKey.length * 2;
    this.slotKey = new Int32Array(size);
    this.slotBucket = new Int32Array(size);
    this.shift--;
    for (let b = 0; b < this.bucketCount; b++) {
      const key = oldKey[this.bucketSlot[b]!]!;
      const slot = this.find(key);
      this.slotKey[slot] = key;
      this.slotBucket[slot] = b + 1;
      this.bucketSlot[b] = slot;
    }
  }

  private key(sig: Uint32Array, band: number): number {
    let h = Math.imul(0x811c9dc5 ^ band, 0x01000193);
    for (let r = 0; r < this.rows; r++) h = Math.imul(h ^ (sig[band * this.rows + r] ?? 0), 0x01000193);
    // Signed, so the key is a small integer for the map; the same keys as their unsigned forms, one to one.
    return h ^ (band << 24);
  }
}

/** Fills empty bins from the next non-empty bin (Shrivastava's rotation), keeping estimates unbiased. */
function densify(sig: Uint32Array): void {
  let last = sig.length - 1;
  while (last >= 0 && sig[last] === EMPTY) last--;
  if (last < 0) return;
  // A bin before the last full one takes the nearest full bin after it: one walk back, carrying that
  // bin, instead of a search forward from each empty bin (a short line leaves most bins empty).
  let next = last;
  for (let i = last - 1; i >= 0; i--) {
    if (sig[i] !== EMPTY) next = i;
    else sig[i] = fillFrom(sig, next, next - i);
  }
  densifyTail(sig, last);
}

/**
 * densify for 32 bins whose full ones are the set bits of `filled`, the others holding anything:
 * the walk back tests bits, and the bins after the last full one are emptied for densifyTail.
 */
function densify32(sig: Uint32Array, filled: number): void {
  if (filled === -1) return;
  const last = 31 - Math.clz32(filled);
  for (let i = last + 1; i < 32; i++) sig[i] = EMPTY;
  if (filled === 0) return;
  let next = last;
  for (let i = last - 1; i >= 0; i--) {
    if ((filled >>> i) & 1) next = i;
    else sig[i] = fillFrom(sig, next, next - i);
  }
  densifyTail(sig, last);
}

/** Offset by the distance so two empty bins filled from one source differ. */
function fillFrom(sig: Uint32Array, source: number, step: number): number {
  return (sig[source]! + Math.imul(step, 0x9e3779b1)) >>> 0;
}

/** The bins after the last full one wrap around to bins already filled: searched forward, as at first. */
function densifyTail(sig: Uint32Array, last: number): void {
  const n = sig.length;
  for (let i = last + 1; i < n; i++) {
    let j = (i + 1) % n;
    let step = 1;
    while (sig[j] === EMPTY) {
      j = (j + 1) % n;
      step++;
    }
    sig[i] = fillFrom(sig, j, step);
  }
}
