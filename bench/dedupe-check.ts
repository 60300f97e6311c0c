/**
 * Differential check for dedupe speed work: one hash of the dedupe stage's output (and of the
 * exported normalizeForMatch and minhashSignature, which other stages and the cross-thread index
 * call) over every input at hand. Run it before and after a change; the hashes must not move.
 *
 *   npx tsx bench/dedupe-check.ts          # prints one hash per input family and a total
 *
 * Inputs: the bench corpus, the forum and seed fixtures, the annotated eval threads (../shared),
 * the batch generator's threads (with planted near copies), and the same real comments copied
 * again with small edits (case, punctuation, spacing, quote style, a word changed, lines
 * dropped), so the near-duplicate paths are exercised as much as the exact ones.
 */
import { createHash } from 'node:crypto';
// @ts-expect-error -- plain JavaScript
import { makeGenerator } from './gen-export.mjs';
import { validateThread } from '../src/ingest/validate.js';
import { dedupe } from '../src/dedupe/index.js';
import { minhashSignature } from '../src/dedupe/minhash.js';
import { normalizeForMatch } from '../src/dedupe/normalize.js';
import { resolveOptions } from '../src/options.js';
import type { Thread } from '../src/schema/index.js';
import { evalThreads, inputFamilies } from './check-inputs.js';

const options = resolveOptions();
const variants = [
  options.dedupe,
  { ...options.dedupe, minChars: 8, nearThreshold: 0.6, shingle: 1 },
  { ...options.dedupe, minChars: 60, nearThreshold: 0.9, shingle: 3 },
];

/** Real comments again, each copy edited a little, so near matches (and misses) happen often. */
function editedThreads(base: Thread[]): Thread[] {
  const g = makeGenerator(5);
  const edits: Array<(s: string) => string> = [
    (s) => s.toUpperCase(),
    (s) => s.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’'),
    (s) => s.replace(/ /g, '  ').replace(/\n/g, ' \n\t'),
    (s) => s.replace(/[.,!?]/g, ''),
    (s) => s.replace(/\b(\w+)\b/, 'changed'),
    (s) => s.split('\n').filter((_, i) => i % 3 !== 1).join('\n'),
    (s) => s.replace(/(\w)(\w)/, '$2$1'),
    (s) => s.slice(0, Math.floor(s.length * 0.9)),
    (s) => s.replace(/\n\n/g, '\n'),
    (s) => s.replace(/e/g, 'é').replace(/ss/g, 'ß'),
    (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
    (s) => s,
  ];
  return base.map((t, k) => {
    const comments = t.comments.map((c) => ({ ...c }));
    const n = comments.length;
    for (let i = 0; i < n; i++) {
      if (g.rand() < 0.5) {
        const src = comments[g.int(0, comments.length - 1)]!;
        const edit = edits[g.int(0, edits.length - 1)]!;
        comments.push({ id: `${t.id}e${k}x${i}`, parentId: src.id, author: null, text: edit(src.text) });
      }
    }
    return { ...t, comments };
  });
}

function hashOf(threads: Thread[]): { hash: string; duplicates: number; near: number } {
  const h = createHash('sha256');
  let duplicates = 0;
  let near = 0;
  for (const raw of threads) {
    const thread = validateThread(raw).thread;
    for (const o of variants) {
      const d = dedupe(thread, o);
      duplicates += d.duplicates.length;
      near += d.duplicates.filter((x) => x.kind === 'near').length;
      h.update(JSON.stringify(d));
    }
    for (const c of thread.comments) {
      for (const line of c.text.split('\n')) {
        const norm = normalizeForMatch(line);
        h.update(norm);
        h.update(minhashSignature(norm));
        h.update(minhashSignature(norm, { bins: 64, width: 3 }));
      }
      const norm = normalizeForMatch(c.text);
      h.update(norm);
      h.update(minhashSignature(norm, { bins: 48, width: 1 }));
    }
  }
  return { hash: h.digest('hex').slice(0, 16), duplicates, near };
}

const base = inputFamilies();
const families: Record<string, Thread[]> = {
  ...base,
  edited: editedThreads(base.bench!.slice(0, 40)),
  editedEval: editedThreads(evalThreads()),
};
const total = createHash('sha256');
for (const [name, threads] of Object.entries(families)) {
  const r = hashOf(threads);
  total.update(r.hash);
  console.log(`${name.padEnd(10)} threads ${String(threads.length).padStart(4)}  duplicates ${String(r.duplicates).padStart(5)} (near ${String(r.near).padStart(4)})  ${r.hash}`);
}
console.log(`total ${total.digest('hex').slice(0, 16)}`);
