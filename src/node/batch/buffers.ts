/**
 * Buffers the batch's reading thread fills again and again instead of making new ones: every new
 * buffer there becomes garbage outside V8's heap once its chunk is done, and V8 answers a few tens
 * of megabytes of that with a collection of the whole heap of the thread.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  /** Buffers of `size` bytes; at most `keep` are held while unused. */
  constructor(
    readonly size: number,
    private readonly keep: number,
  ) {}

  /** `n` bytes: a view from the start of a pooled buffer when `n` fits in one, else a buffer of its own. */
  take(n: number): Uint8Array {
    if (n > this.size) return new Uint8Array(n);
    return new Uint8Array(this.free.pop() ?? new ArrayBuffer(this.size), 0, n);
  }

  /** Takes back bytes from `take` once nothing reads them any more (others are left to the collector). */
  give(bytes: Uint8Array): void {
    const buffer = bytes.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === this.size && bytes.byteOffset === 0 && this.free.length < this.keep) this.free.push(buffer);
  }
}
