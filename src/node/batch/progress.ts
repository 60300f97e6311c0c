/**
 * Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise, and
 * nothing when quiet. Rates are over the whole run so far; ETA comes from the share of input analyzed.
 */
import type { Writable } from 'node:stream';

export type ProgressMode = 'bar' | 'lines' | 'off';

export interface ProgressState {
  threadsDone: number;
  threadsFailed: number;
  /** Threads in the input, when known (Pushshift dumps, after grouping). */
  threadsTotal?: number;
  /** Records skipped because an earlier run finished them. */
  skipped: number;
  bytesRead: number;
  bytesTotal: number;
  /**
   * Input items handed to the workers and committed. Reading runs ahead of analysis by the chunks in
   * flight, so of the bytes read only the committed items' share counts as done.
   */
  itemsQueued: number;
  itemsDone: number;
}

export class Progress {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly out: Writable,
    private readonly mode: ProgressMode,
    private readonly everyMs = mode === 'bar' ? 100 : 2000,
  ) {}

  /** Redraws when enough time has passed since the last drawing. */
  update(state: ProgressState): void {
    if (this.mode === 'off') return;
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    this.draw(state);
  }

  /** The final state, always drawn (except when quiet), ending the bar's line. */
  finish(state: ProgressState): void {
    if (this.mode === 'off') return;
    this.draw(state, true);
    if (this.mode === 'bar') this.out.write('\n');
  }

  private draw(s: ProgressState, final = false): void {
    const seconds = Math.max(1e-3, (Date.now() - this.started) / 1000);
    const rate = s.threadsDone / seconds;
    const analyzedShare = s.itemsQueued > 0 ? s.itemsDone / s.itemsQueued : 0;
    const bytesDone = s.bytesRead * analyzedShare;
    const mbps = bytesDone / 1e6 / seconds;
    const fraction = s.threadsTotal ? (s.threadsDone + s.skipped) / s.threadsTotal : s.bytesTotal > 0 ? bytesDone / s.bytesTotal : 1;
    const eta = !final && fraction > 0.001 && fraction < 1 ? ` · ETA ${clock((seconds * (1 - fraction)) / fraction)}` : '';
    const total = s.threadsTotal ? `/${s.threadsTotal}` : '';
    const failed = s.threadsFailed ? ` (${s.threadsFailed} failed)` : '';
    const skipped = s.skipped ? ` · ${s.skipped} done before` : '';
    const text = `${s.threadsDone}${total} threads${failed} · ${rate.toFixed(0)} threads/s · ${mbps.toFixed(1)} MB/s${eta}${skipped}`;
    if (this.mode === 'bar') {
      const width = 24;
      const filled = Math.round(Math.min(1, fraction) * width);
      this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(Math.min(1, fraction) * 100).toFixed(0).padStart(3)}% ${text}\x1b[K`);
    } else {
      this.out.write(`threadmap batch: ${final ? 'done: ' : ''}${text}, ${(Math.min(1, fraction) * 100).toFixed(0)}% of input${final ? ` in ${clock(seconds)}` : ''}\n`);
    }
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
