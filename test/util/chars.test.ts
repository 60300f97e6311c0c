import { describe, expect, it } from 'vitest';
import { isSpaceCode } from '../../src/util/chars.js';

describe('isSpaceCode', () => {
  it('answers as the regex class \\s does, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
