/**
 * Commits work in the order it was started, whatever order it finishes in, with a bound on how
 * much is started but not yet committed. In-order commits are what make the batch's output the
 * same line for line at any worker count, let "the first copy of a thread id" mean first in the
 * input, and let resume be a position in the input rather than a set of done records.
 */
export interface InOrderLimits {
  /** Most pieces of work started but not committed. */
  chunks: number;
  /** Most input bytes started but not committed (one piece is always allowed). */
  bytes: number;
}

export class InOrder<Tag, Result> {
  private next = 0; // number of the next piece to start
  private committing = 0; // number of the next piece to commit
  private readonly ready = new Map<number, { tag: Tag; result: Result; bytes: number }>();
  private readonly running = new Set<Promise<void>>();
  private bytes = 0;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly commit: (result: Result, tag: Tag) => void,
    private readonly limits: InOrderLimits,
  ) {}

  /** Takes a piece of work; resolves once there is room for another. Throws what a commit threw. */
  async add(tag: Tag, bytes: number, work: Promise<Result>): Promise<void> {
    const number = this.next++;
    this.bytes += bytes;
    const task: Promise<void> = work
      .then((result) => {
        this.ready.set(number, { tag, result, bytes });
        this.flush();
      })
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(task);
        this.wake?.();
      });
    this.running.add(task);
    while (!this.failure && this.next - this.committing > 0 && (this.next - this.committing >= this.limits.chunks || this.bytes >= this.limits.bytes)) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure.error;
  }

  /** Waits for everything started to be committed. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
  }

  /** Waits for everything started to finish, without throwing (for cleanup). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.running);
  }

  private flush(): void {
    for (let r = this.ready.get(this.committing); r; r = this.ready.get(this.committing)) {
      this.ready.delete(this.committing);
      this.committing++;
      this.bytes -= r.bytes;
      this.commit(r.result, r.tag);
    }
  }
}
