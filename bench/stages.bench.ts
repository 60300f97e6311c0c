/**
 * `npm run bench:stages`: where analyzeThread's time goes, stage by stage, over the same realistic
 * corpus as `npm run bench` (real Change My View comments re-assembled into reply trees; needs
 * ../shared). Four passes; the first includes JIT warm-up. Milliseconds per pass.
 */
import { readFileSync } from 'node:fs';
// @ts-expect-error -- the generator is plain JavaScript, shared with the batch benchmark
import { makeGenerator } from './gen-export.mjs';
import { validateThread } from '../src/ingest/validate.js';
import { dedupe } from '../src/dedupe/index.js';
import { segment } from '../src/segment/index.js';
import { classify } from '../src/classify/index.js';
import { linkContext } from '../src/link/context.js';
import { link, readClaims } from '../src/link/index.js';
import { LINK_MODELS } from '../src/link/model.js';
import { resolveOptions } from '../src/options.js';
const source = readFileSync(new URL('../../shared/eval/cmv-dev.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const posts = source.map((t: any) => t.comments[0].text);
const replies = source.flatMap((t: any) => t.comments.slice(1).map((c: any) => c.text));
const g = makeGenerator(11);
const threads: any[] = []; let size = 0;
for (let t = 0; size < 1.5e6; t++) {
  const n = g.int(4, 40);
  const comments: any[] = [{ id: `t${t}c0`, parentId: null, author: 'op', text: posts[g.int(0, posts.length - 1)] }];
  for (let c = 1; c < n; c++) {
    const parent = comments[g.int(Math.max(0, c - 6), c - 1)];
    let text = replies[g.int(0, replies.length - 1)];
    if (g.rand() < 0.15) text = `> ${parent.text.trim().split(/(?<=[.?!])\s/)[0]}\n\n${text}`;
    comments.push({ id: `t${t}c${c}`, parentId: parent.id, author: 'u', text });
  }
  threads.push({ id: `t${t}`, source: 'json', comments });
  size += comments.reduce((m: number, c: any) => m + c.text.length, 0);
}
const o = resolveOptions();
const T: Record<string, number> = {};
const add = (k: string, t0: number) => { T[k] = (T[k] ?? 0) + performance.now() - t0; };
for (let rep = 0; rep < 4; rep++) {
  for (const k of Object.keys(T)) T[k] = 0;
  for (const th of threads) {
    let t0 = performance.now(); const v = validateThread(th); add('validate', t0);
    t0 = performance.now(); const d = dedupe(v.thread, o.dedupe); add('dedupe', t0);
    t0 = performance.now(); const s = segment(v.thread, d.setAside); add('segment', t0);
    t0 = performance.now(); const c = classify(s, v.thread); add('classify', t0);
    t0 = performance.now(); const ctx = linkContext(v.thread, c.units, c.quotes, v.parentOf, o.link); add('link:context', t0);
    t0 = performance.now(); readClaims(ctx, LINK_MODELS); add('link:claims', t0);
    t0 = performance.now(); link(c, v.thread, v.parentOf, o.link); add('link (all, incl. context and claims)', t0);
  }
  console.log(Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
}
