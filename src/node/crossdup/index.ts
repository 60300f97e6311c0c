/**
 * Cross-thread near-duplicate comments (copy-pasta, spam, cross-posts) over a whole export:
 * MinHash signatures banded into LSH buckets, candidates verified by their signature estimate,
 * clusters formed with union-find. Cost: O(n · bands · log n) time, O(n · hashes) memory,
 * never all pairs.
 *
 * The index only sees (threadId, commentId, signature) triples, so it can be filled from any
 * number of shards: signatures are computed where the thread is analyzed (a worker thread, a
 * queue worker on another machine) and merged here.
 */
import { DEFAULT_SIGN, estimateJaccard, signComment, type SignOptions } from './sign.js';

export { DEFAULT_SIGN, comparableText, signComment, estimateJaccard } from './sign.js';
export type { SignOptions } from './sign.js';

/** How candidates are found and kept. Defaults: `DEFAULT_CROSSDUP`. */
export interface CrossDupOptions {
  /** LSH bands; `hashes / bands` signature values per band. 16 bands of 4 find a pair at 0.6 with p ≈ 0.9, at 0.7 with p ≈ 0.99. */
  bands: number;
  /**
   * Estimated Jaccard (over character shingles) at or above which two comments are near-duplicates.
   * 0.6 keeps edited copies (a word swapped, "PSA:" prepended): recall 0.95 on the planted copies, 0.75 at 0.7.
   */
  threshold: number;
}

export const DEFAULT_CROSSDUP: CrossDupOptions = { bands: 16, threshold: 0.6 };

/** One comment of a cluster and its estimated similarity to the cluster's representative. */
export interface DuplicateMember {
  threadId: string;
  commentId: string;
  similarity: number;
}

/** Near-duplicate comments spanning at least two threads. The first member is the representative. */
export interface DuplicateCluster {
  id: string;
  size: number;
  /** How many distinct threads the members come from (at least 2). */
  threads: number;
  /** The lowest member similarity to the representative. */
  minSimilarity: number;
  members: DuplicateMember[];
}

/** Collects signatures, then clusters them once (`clusters()`), deterministically whatever the order of `add`. */
export class CrossDupIndex {
  readonly hashes: number;
  readonly options: CrossDupOptions;
  private sigs: Uint16Array;
  private threadIds: string[] = [];
  private commentIds: string[] = [];

  constructor(options: Partial<CrossDupOptions> = {}, hashes = DEFAULT_SIGN.hashes) {
    this.options = { ...DEFAULT_CROSSDUP, ...options };
    if (hashes % this.options.bands !== 0) throw new RangeError(`hashes (${hashes}) must be a multiple of bands (${this.options.bands})`);
    this.hashes = hashes;
    this.sigs = new Uint16Array(hashes * 1024);
  }

  /** Comments indexed so far. */
  get size(): number {
    return this.threadIds.length;
  }

  /** Adds one comment's signature (length `hashes`). */
  add(threadId: string, commentId: string, sig: Uint16Array): void {
    this.addMany(threadId, [commentId], sig);
  }

  /** Adds the signatures of several comments of a thread, laid end to end in `sigs`. */
  addMany(threadId: string, commentIds: readonly string[], sigs: Uint16Array): void {
    if (sigs.length !== commentIds.length * this.hashes) {
      throw new RangeError(`expected ${commentIds.length * this.hashes} signature values, got ${sigs.length}`);
    }
    const need = (this.size + commentIds.length) * this.hashes;
    if (need > this.sigs.length) {
      const grown = new Uint16Array(Math.max(need, this.sigs.length * 2));
      grown.set(this.sigs);
      this.sigs = grown;
    }
    this.sigs.set(sigs, this.size * this.hashes);
    for (const id of commentIds) {
      this.threadIds.push(threadId);
      this.commentIds.push(id);
    }
  }

  /** Signs a text and adds it; returns false when the text is too short to sign. */
  addText(threadId: string, commentId: string, text: string, options: Partial<SignOptions> = {}): boolean {
    const sig = signComment(text, [], { ...DEFAULT_SIGN, ...options, hashes: this.hashes });
    if (sig) this.add(threadId, commentId, sig);
    return sig !== undefined;
  }

  /** Orders comments by thread id, then comment id. */
  private compareKeys = (a: number, b: number): number => {
    const ta = this.threadIds[a]!;
    const tb = this.threadIds[b]!;
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ca = this.commentIds[a]!;
    const cb = this.commentIds[b]!;
    return ca < cb ? -1 : ca > cb ? 1 : a - b;
  };

  /** Clusters of near-duplicate comments that span two or more threads, in a canonical order. */
  clusters(): DuplicateCluster[] {
    const n = this.size;
    const { hashes } = this;
    const sigs = this.sigs;
    // Canonical numbering (by thread id, then comment id) makes the result independent of the
    // order in which parallel workers delivered their threads.
    const order = Array.from({ length: n }, (_, i) => i).sort(this.compareKeys);
    const canonical = new Uint16Array(n * hashes);
    order.forEach((from, to) => canonical.set(sigs.subarray(from * hashes, (from + 1) * hashes), to * hashes));

    const uf = new UnionFind(n);
    const rows = hashes / this.options.bands;
    const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const hashSpace = 2 ** Math.min(32, 53 - indexBits);
    const keys = new Float64Array(n);
    for (let band = 0; band < this.options.bands; band++) {
      const first = band * rows;
      for (let i = 0; i < n; i++) keys[i] = (bandHash(canonical, i * hashes + first, rows) % hashSpace) * 2 ** indexBits + i;
      keys.sort();
      let head = -1;
      let headHash = -1;
      for (let k = 0; k < n; k++) {
        const key = keys[k]!;
        const i = key % 2 ** indexBits;
        const h = Math.floor(key / 2 ** indexBits);
        if (h !== headHash || !sameBand(canonical, head * hashes + first, i * hashes + first, rows)) {
          head = i;
          headHash = h;
          continue;
        }
        if (uf.find(head) === uf.find(i)) continue;
        if (estimateJaccard(canonical, head * hashes, canonical, i * hashes, hashes) >= this.options.threshold) uf.union(head, i);
      }
    }

    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const root = uf.find(i);
      if (uf.sizeOf(root) < 2) continue;
      let members = groups.get(root);
      if (!members) groups.set(root, (members = []));
      members.push(i);
    }
    const clusters: DuplicateCluster[] = [];
    for (const members of groups.values()) {
      const threads = new Set(members.map((i) => this.threadIds[order[i]!]!));
      if (threads.size < 2) continue;
      const rep = members[0]!;
      let minSimilarity = 1;
      const out = members.map((i): DuplicateMember => {
        const similarity = i === rep ? 1 : estimateJaccard(canonical, rep * hashes, canonical, i * hashes, hashes);
        if (similarity < minSimilarity) minSimilarity = similarity;
        return { threadId: this.threadIds[order[i]!]!, commentId: this.commentIds[order[i]!]!, similarity };
      });
      clusters.push({ id: '', size: out.length, threads: threads.size, minSimilarity, members: out });
    }
    // Groups come out in order of their smallest canonical member, already a deterministic order.
    clusters.forEach((c, i) => (c.id = `x${i + 1}`));
    return clusters;
  }
}

function bandHash(sigs: Uint16Array, at: number, rows: number): number {
  let h = 0x811c9dc5;
  for (let r = 0; r < rows; r++) {
    h = Math.imul(h ^ sigs[at + r]!, 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

function sameBand(sigs: Uint16Array, a: number, b: number, rows: number): boolean {
  for (let r = 0; r < rows; r++) if (sigs[a + r] !== sigs[b + r]) return false;
  return true;
}

/** Union-find with path halving and union by size. */
class UnionFind {
  private parent: Int32Array;
  private size: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }
  sizeOf(root: number): number {
    return this.size[root]!;
  }
}
