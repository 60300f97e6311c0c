#!/usr/bin/env node
/**
 * A deterministic generator of realistic forum exports for the batch benchmark and tests.
 *
 *   node bench/gen-export.mjs --comments 200000 --out /tmp/export.jsonl [--format jsonl|pushshift]
 *        [--gzip] [--truth truth.jsonl] [--broken 6] [--seed 1] [--dup-rate 0.02]
 *
 * Threads are reply trees of argumentative comments (claims, reasons, rebuttals, predictions,
 * questions, quotes of the parent) drawn from a shared vocabulary, so unrelated comments share
 * common phrases the way real ones do. Planted near-duplicates (copy-pasta with small edits) are
 * spread across threads and listed in the truth file; a few broken records (a torn JSON line,
 * wrong types, a repeated comment id) test that one bad thread does not stop a batch.
 * Same options, same bytes.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

const NOUNS = `policy tax rent market city housing supply demand wage price rule law court vote voter party
state council budget school teacher student parent doctor nurse hospital insurance drug patent company worker union
factory energy coal solar wind grid battery car road bus train bike lane parking zoning permit developer landlord
tenant loan bank rate inflation debt deficit growth job economy trade tariff border migrant farmer crop water river
climate carbon emission forest fire police crime prison judge jury evidence study survey data model theory paper
author journal science experiment result sample effect cause risk benefit cost subsidy program welfare pension
platform moderator forum thread comment post argument claim source article headline reporter network speech
freedom privacy phone app algorithm feed ad creator audience license contract startup investor founder product
market share competitor monopoly regulator agency standard safety engine plane airport port ship harbor`.split(/\s+/);
const VERBS = `raises lowers causes prevents improves harms funds blocks supports replaces reduces increases
changes explains predicts ignores proves undermines protects threatens drives limits helps hurts fixes breaks
creates destroys attracts repels shapes follows precedes outweighs doubles halves`.split(/\s+/);
const ADJS = `expensive cheap fair unfair effective useless dangerous safe popular unpopular new old local
national private public complex simple small large risky stable broken efficient slow fast clear vague strong weak
legal illegal common rare obvious hidden`.split(/\s+/);
const NAMES = `ana ben chloe dmitri eve farah gus hana ivan jo kai lena milo nadia omar pia quinn rosa sam tariq
uma vic wen xena yusuf zoe`.split(/\s+/);

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeGenerator(seed = 1) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  // Zipf-ish picks: frequent words are frequent, as in real text.
  const pick = (list) => list[Math.floor(list.length * rand() ** 1.6)];
  const np = () => (rand() < 0.5 ? `the ${pick(NOUNS)}` : `${pick(ADJS)} ${pick(NOUNS)}s`);
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const SENTENCES = [
    () => `${cap(np())} ${pick(VERBS)} ${np()}.`,
    () => `I think ${np()} is ${pick(ADJS)}.`,
    () => `${cap(np())} ${pick(VERBS)} ${np()} because ${np()} ${pick(VERBS)} ${np()}.`,
    () => `I disagree that ${np()} is ${pick(ADJS)}; ${np()} ${pick(VERBS)} ${np()}.`,
    () => `That's not true, ${np()} never ${pick(VERBS)} ${np()}.`,
    () => `If ${np()} ${pick(VERBS)} ${np()}, ${np()} will ${pick(VERBS).replace(/s$/, '')} ${np()} by ${int(2026, 2040)}.`,
    () => `Why would ${np()} ${pick(VERBS).replace(/s$/, '')} ${np()}?`,
    () => `Granted, ${np()} is ${pick(ADJS)}, but ${np()} still ${pick(VERBS)} ${np()}.`,
    () => `The ${pick(NOUNS)} data shows ${np()} ${pick(VERBS)} ${np()} in ${int(3, 90)}% of cases.`,
    () => `So ${np()} ${pick(VERBS)} ${np()}, and that is why ${np()} is ${pick(ADJS)}.`,
  ];
  const sentence = () => SENTENCES[Math.floor(rand() * SENTENCES.length)]();
  const paragraph = (n) => Array.from({ length: n }, sentence).join(' ');
  return { rand, int, pick, sentence, paragraph };
}

/** Copy-pasta templates: long runs of plain words, distinct from each other. */
function makeTemplates(g, count) {
  return Array.from({ length: count }, () => {
    const words = [];
    const n = g.int(30, 70);
    const all = [...NOUNS, ...VERBS, ...ADJS];
    while (words.length < n) words.push(all[g.int(0, all.length - 1)]);
    return words;
  });
}

/** A lightly edited copy: a few words swapped, sometimes a greeting or sign-off added. */
function editCopy(g, words) {
  const out = words.slice();
  const edits = g.int(0, Math.max(1, Math.floor(out.length / 25)));
  for (let e = 0; e < edits; e++) out[g.int(0, out.length - 1)] = g.pick(NOUNS);
  let text = out.join(' ');
  if (g.rand() < 0.3) text = `PSA: ${text}`;
  if (g.rand() < 0.3) text = `${text} Share this everywhere!`;
  return text;
}

/**
 * Yields `{ line, truth? }` records: one JSON line per thread (`jsonl`) or per comment
 * (`pushshift`, threads interleaved), with `truth` listing planted duplicates.
 */
export function* generateExport({ comments = 200_000, format = 'jsonl', broken = 6, seed = 1, dupRate = 0.02 } = {}) {
  const g = makeGenerator(seed);
  const templates = makeTemplates(g, Math.max(4, Math.round((comments * dupRate) / 8)));
  const avg = 20;
  const nThreads = Math.max(1, Math.round(comments / avg));
  // Broken records sit at evenly spaced thread positions.
  const brokenAt = new Map();
  const kinds = ['torn', 'types', 'dup-id', 'text-type', 'torn', 'types'];
  for (let b = 0; b < broken; b++) brokenAt.set(Math.floor(((b + 0.5) * nThreads) / broken), kinds[b % kinds.length]);
  let made = 0;
  let commentNo = 0;
  const window = []; // pushshift: comments of a few threads, interleaved by time
  for (let t = 0; t < nThreads && made < comments; t++) {
    const threadId = `t${(t + 1).toString(36)}`;
    const size = Math.min(comments - made, t === nThreads - 1 ? comments - made : g.int(2, avg * 2 - 2));
    const list = [];
    const truth = [];
    const baseTime = 1_600_000_000 + t * 600;
    for (let c = 0; c < size; c++) {
      const id = `c${(++commentNo).toString(36)}`;
      const parent = c === 0 || g.rand() < 0.25 ? null : list[g.int(Math.max(0, c - 8), c - 1)];
      let text;
      if (g.rand() < dupRate) {
        const k = g.int(0, templates.length - 1);
        text = editCopy(g, templates[k]);
        truth.push({ t: threadId, c: id, g: k });
      } else {
        text = g.paragraph(g.int(1, 5));
        if (parent && g.rand() < 0.2) text = `> ${parent.text.split(/(?<=[.?!])\s/)[0]}\n\n${text}`;
      }
      list.push({ id, parentId: parent ? parent.id : null, author: g.pick(NAMES), createdAt: new Date((baseTime + c * 37) * 1000).toISOString(), text });
    }
    made += size;
    const kind = brokenAt.get(t);
    if (format === 'pushshift') {
      for (const [i, c] of list.entries()) {
        const rec = {
          author: c.author, body: c.text, created_utc: Date.parse(c.createdAt) / 1000, id: c.id.slice(1),
          link_id: `t3_${threadId}`, parent_id: c.parentId ? `t1_${c.parentId.slice(1)}` : `t3_${threadId}`,
          score: g.int(-5, 200), subreddit: 'changemyview',
        };
        let line = JSON.stringify(rec);
        if (kind === 'torn' && i === 1) line = line.slice(0, Math.floor(line.length / 2));
        if (kind === 'types' && i === 1) line = JSON.stringify({ ...rec, body: 42 });
        window.push({ at: rec.created_utc + g.rand() * 900, line });
      }
      if (window.length > 200) {
        window.sort((a, b) => a.at - b.at);
        for (const w of window.splice(0, window.length - 100)) yield { line: w.line };
      }
      for (const tr of truth) yield { truth: { ...tr, c: tr.c.slice(1) } };
      continue;
    }
    const thread = { id: threadId, title: g.sentence(), comments: list };
    let line = JSON.stringify(thread);
    if (kind === 'torn') line = line.slice(0, Math.floor(line.length * 0.6));
    if (kind === 'types') line = JSON.stringify({ id: threadId, title: 'wrong types', comments: 'not a list' });
    if (kind === 'dup-id' && list.length > 2) {
      list[2].id = list[1].id;
      line = JSON.stringify(thread);
    }
    if (kind === 'text-type') line = JSON.stringify({ ...thread, comments: list.map((c, i) => (i === 1 ? { ...c, text: { html: c.text } } : c)) });
    yield { line };
    if (!kind) for (const tr of truth) yield { truth: tr };
  }
  window.sort((a, b) => a.at - b.at);
  for (const w of window) yield { line: w.line };
}

/** Writes an export (and its truth file) to disk; resolves to counts. */
export async function writeExport(path, options = {}, truthPath) {
  let lines = 0;
  let truthLines = 0;
  const truthBuf = [];
  async function* text() {
    let buf = '';
    for (const rec of generateExport(options)) {
      if (rec.truth) {
        truthBuf.push(JSON.stringify(rec.truth));
        truthLines++;
        continue;
      }
      buf += `${rec.line}\n`;
      lines++;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  const out = createWriteStream(path);
  if (options.gzip) await pipeline(Readable.from(text()), createGzip({ level: 1 }), out);
  else await pipeline(Readable.from(text()), out);
  if (truthPath) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(truthPath, truthBuf.length ? `${truthBuf.join('\n')}\n` : '');
  }
  return { lines, planted: truthLines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  const out = opt('out');
  if (!out) {
    process.stderr.write('usage: gen-export.mjs --out FILE [--comments N] [--format jsonl|pushshift] [--gzip] [--truth FILE] [--broken N] [--seed N] [--dup-rate R]\n');
    process.exit(2);
  }
  const counts = await writeExport(
    out,
    {
      comments: Number(opt('comments', 200_000)),
      format: opt('format', 'jsonl'),
      broken: Number(opt('broken', 6)),
      seed: Number(opt('seed', 1)),
      dupRate: Number(opt('dup-rate', 0.02)),
      gzip: args.includes('--gzip'),
    },
    opt('truth'),
  );
  process.stderr.write(`${JSON.stringify(counts)}\n`);
}
