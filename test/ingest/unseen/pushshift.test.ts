import { describe, expect, it } from 'vitest';
import { allComments, extra, readUnseen } from './unseen.js';

describe('pushshift on unseen real exports', () => {
  it('reads a 2015 dump line: created_utc as a string, the parent outside the file reported', () => {
    const text = extra('pushshift/rc_2015-01_askmen_line.ndjson');
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const threads = readUnseen(text, 'pushshift');
    const comments = allComments(threads);
    expect(comments).toHaveLength(lines.length);
    expect(comments[0]).toMatchObject({ id: 't1_cnasd6x', parentId: 't1_cnapn0k', author: 'TheDukeofEtown', createdAt: '2015-01-01T00:04:28.000Z' });
    expect(threads[0]!.id).toBe('t3_2qyhmp');
    expect(threads[0]!.meta!.missing).toMatchObject({ ids: ['t1_cnapn0k'] });
  });
});
