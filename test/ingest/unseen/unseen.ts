/**
 * Shared checks for real exports the adapters were not written against
 * (fixtures/forum-samples-extra, see its PROVENANCE.md).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { analyzeThread } from '../../../src/analyze.js';
import { readInput } from '../../../src/ingest/index.js';
import type { Thread } from '../../../src/schema/index.js';
import { checkInvariants } from '../../helpers.js';
import { expectWellFormed } from '../formats/load.js';

export const extra = (path: string): string => readFileSync(new URL(`../../../fixtures/forum-samples-extra/${path}`, import.meta.url), 'utf8');

/** Markup that must not survive conversion: tags, undecoded entities, BBCode quotes, SE tag links. */
const LEFTOVER = /<\/?(?:p|div|a|br|blockquote|aside|span|strong|em|i|b|ul|li|pre|code|img)\b|&(?:amp|gt|lt|quot|apos|#x?[0-9a-f]+);|\[\/?quote\b|\[(?:meta-)?tag:/i;

/**
 * Reads a file with `--from auto` and with its format named; both must give the same threads.
 * Returns the threads after checking the output contract on each.
 */
export function readUnseen(text: string, format: string): Thread[] {
  const auto = readInput(text, { from: 'auto' });
  expect(auto.format).toBe(format);
  const named = readInput(text, { from: format });
  expect(named.threads).toEqual(auto.threads);
  expectWellFormed(auto.threads);
  for (const thread of auto.threads) {
    for (const c of thread.comments) {
      expect(c.text, `comment ${c.id}`).not.toMatch(LEFTOVER);
      for (const q of c.quotes ?? []) {
        // A quote is whole `>` lines: each line of its span starts with `>`.
        for (const line of c.text.slice(q.start, q.end).split('\n')) expect(line.startsWith('>'), `quote line "${line}" in ${c.id}`).toBe(true);
      }
    }
    checkInvariants(analyzeThread(thread));
  }
  return auto.threads;
}

export const allComments = (threads: Thread[]) => threads.flatMap((t) => t.comments);
