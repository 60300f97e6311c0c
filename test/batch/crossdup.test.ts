/**
 * The cross-thread index on a generated export with planted near-duplicate copies (copy-pasta
 * with words swapped, "PSA:" prepended): recall and precision of the planted pairs, and the same
 * clusters whatever order the threads arrive in.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minhashSignature } from '../../src/dedupe/minhash.js';
import { comparableText, CrossDupIndex, DEFAULT_SIGN, signComment } from '../../src/node/crossdup/index.js';
import { generate, readJsonl } from './helpers.js';

interface GenThread {
  id: string;
  comments: { id: string; text: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'threadmap-crossdup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let threads: GenThread[] = [];
const planted = new Map<string, number>();

beforeAll(() => {
  generate(join(dir, 'export.jsonl'), ['--comments', '30000', '--broken', '0', '--seed', '3', '--truth', join(dir, 'truth.jsonl')]);
  threads = readJsonl<GenThread>(join(dir, 'export.jsonl'));
  for (const t of readJsonl<{ t: string; c: string; g: number }>(join(dir, 'truth.jsonl'))) planted.set(`${t.t}/${t.c}`, t.g);
});

function index(order: GenThread[]): CrossDupIndex {
  const idx = new CrossDupIndex();
  for (const t of order) for (const c of t.comments) idx.addText(t.id, c.id, c.text);
  return idx;
}

describe('CrossDupIndex', () => {
  it('finds the planted copies across threads with high recall and precision', () => {
    const clusters = index(threads).clusters();
    const pairs = (k: number) => (k * (k - 1)) / 2;
    const sizes = new Map<number, number>();
    for (const g of planted.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    let plantedPairs = 0;
    for (const k of sizes.values()) plantedPairs += pairs(k);
    let found = 0;
    let right = 0;
    for (const c of clusters) {
      expect(c.threads).toBeGreaterThanOrEqual(2);
      expect(c.members[0]!.similarity).toBe(1);
      found += pairs(c.size);
      const byGroup = new Map<number, number>();
      for (const m of c.members) {
        const g = planted.get(`${m.threadId}/${m.commentId}`);
        if (g !== undefined) byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
      }
      for (const k of byGroup.values()) right += pairs(k);
    }
    expect(plantedPairs).toBeGreaterThan(100);
    expect(right / plantedPairs).toBeGreaterThan(0.85);
    expect(right / found).toBeGreaterThan(0.95);
  });

  it('gives the same clusters whatever order threads are added in', () => {
    const forward = index(threads).clusters();
    const backward = index([...threads].reverse()).clusters();
    expect(backward).toEqual(forward);
  });

  it('does not sign short stock replies or count a quoted copy as a copy', () => {
    expect(signComment('Thanks, great point!')).toBeUndefined();
    const pasta = 'solar wind grid battery car road bus train bike lane parking zoning permit developer landlord tenant loan bank';
    const reply = `> ${pasta}\n\nI doubt it.`;
    expect(signComment(pasta)).toBeDefined();
    expect(signComment(reply)).toBeUndefined();
  });

  it('signs the words of comparableText, read without building it (quote lines, quoted spans, any script)', () => {
    // The definition: MinHash of the built comparison form, top 8 bits of each value.
    const reference = (text: string, quotes: { start: number; end: number }[] = []) => {
      const norm = comparableText(text, quotes);
      if ((norm === '' ? 0 : norm.split(' ').length) < DEFAULT_SIGN.minWords) return undefined;
      return Array.from(minhashSignature(norm, { bins: DEFAULT_SIGN.hashes, width: DEFAULT_SIGN.width }), (v) => v >>> 24);
    };
    const words = 'the policy raises rent because the market ignores supply and demand in every city';
    const texts = [
      words,
      `${words}\n> quoted line one\n  &gt; quoted two\r\n\t> three\u2028${words.toUpperCase()}\r&gt;x`,
      `Straße ÉTÉ naïve cafe\u0301 ΣΟΦΟΣ σοφός İstanbul \u212a 日本語 𝐀𝐁 😀 ${words}\u2029> ΣΟΦΟΣ ${words}`,
      `Don't—stop! 1,000 a.b ${words.replace(/ /g, '\u00a0')} ${words.replace(/ /g, '\u3000')} ${words}`,
      `&GT; not a quote ${words}\n >also a quote ${words}`,
    ];
    for (const text of texts) {
      for (const quotes of [[], [{ start: 3, end: 40 }, { start: 20, end: 60 }]]) {
        const sig = signComment(text, quotes);
        expect(sig && Array.from(sig)).toEqual(reference(text, quotes));
      }
    }
  });
});
