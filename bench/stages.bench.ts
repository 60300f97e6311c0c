/**
 * `npm run bench:stages`: where analyzeThread's time goes, stage by stage, over the same realistic
 * corpus as `npm run bench` (real Change My View comments re-assembled into reply trees; needs
 * ../shared). Four passes; the first includes JIT warm-up. Milliseconds per pass.
 */
// @ts-expect-error -- the corpus builder is plain JavaScript, shared with `npm run bench`
import { corpus } from './corpus.mjs';
import { validateThread } from '../src/ingest/validate.js';
import { dedupe } from '../src/dedupe/index.js';
import { segment } from '../src/segment/index.js';
import { classify } from '../src/classify/index.js';
import { linkContext } from '../src/link/context.js';
import { link, readClaims } from '../src/link/index.js';
import { LINK_MODELS } from '../src/link/model.js';
import { resolveOptions } from '../src/options.js';
const { threads } = corpus(1.5);
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
