/** Progress as a terminal and a log file see it: a redrawn bar, plain lines, or nothing. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress, type ProgressState } from '../../src/node/batch/progress.js';

function sink() {
  const chunks: string[] = [];
  const out = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
  return { out, text: () => chunks.join('') };
}
const state = (done: number): ProgressState => ({ threadsDone: done, threadsFailed: 1, threadsTotal: 40, skipped: 0, bytesRead: done * 1000, bytesTotal: 40_000, itemsQueued: done, itemsDone: done });

describe('batch progress', () => {
  it('redraws one bar line on a terminal, with done/total, rates and an ETA, and ends it with a newline', () => {
    const { out, text } = sink();
    const p = new Progress(out, 'bar', 0);
    p.update(state(10));
    p.update(state(20));
    p.finish(state(40));
    const drawn = text();
    expect(drawn.split('\r').length - 1).toBe(3);
    expect(drawn).toMatch(/\r\[#{6}-{18}\]  25% 10\/40 threads \(1 failed\) · \d+ threads\/s · [\d.]+ MB\/s · ETA \d+:\d\d\x1b\[K/);
    expect(drawn).toMatch(/\[#{24}\] 100% 40\/40 threads/);
    expect(drawn.endsWith('\n')).toBe(true);
    expect(drawn.split('\n')).toHaveLength(2);
  });

  it('writes plain lines when stderr is not a terminal, and nothing when quiet', () => {
    const lines = sink();
    const p = new Progress(lines.out, 'lines', 0);
    p.update(state(20));
    p.finish(state(40));
    expect(lines.text()).toMatch(/^threadmap batch: 20\/40 threads \(1 failed\) · .* 50% of input\nthreadmap batch: done: 40\/40 threads .* 100% of input in \d+:\d\d\n$/);
    const quiet = sink();
    const q = new Progress(quiet.out, 'off');
    q.update(state(20));
    q.finish(state(40));
    expect(quiet.text()).toBe('');
  });

  it('counts as done only the share of what was read that the workers have committed', () => {
    // Reading runs ahead of analysis: half the input read and nothing committed yet is 0%, with no ETA.
    const early = sink();
    new Progress(early.out, 'lines', 0).update({ threadsDone: 0, threadsFailed: 0, skipped: 0, bytesRead: 20_000, bytesTotal: 40_000, itemsQueued: 50, itemsDone: 0 });
    expect(early.text()).toMatch(/^threadmap batch: 0 threads · 0 threads\/s · 0\.0 MB\/s, 0% of input\n$/);
    // All read, half of it committed: 50%, with an ETA.
    const later = sink();
    new Progress(later.out, 'lines', 0).update({ threadsDone: 50, threadsFailed: 0, skipped: 0, bytesRead: 40_000, bytesTotal: 40_000, itemsQueued: 100, itemsDone: 50 });
    expect(later.text()).toMatch(/ETA \d+:\d\d, 50% of input\n$/);
  });

  it('draws at most once per interval', () => {
    const { out, text } = sink();
    const p = new Progress(out, 'lines', 60_000);
    for (let i = 0; i < 100; i++) p.update(state(i));
    expect(text().split('\n').filter(Boolean)).toHaveLength(1);
  });
});
