#!/usr/bin/env node
/**
 * `npm run bench:ingest`: how fast each forum adapter reads its real sample, repeated, next to
 * JSON.parse alone over the same bytes in the same run (the floor any JSON adapter pays).
 * Figures are MB/s of input and the ratio to that baseline; the machine is shared, so compare
 * ratios, not absolute numbers, between runs.
 *
 *   node --import tsx bench/ingest.bench.mjs [--mb 8]
 *
 * Samples come from ../shared/forum-samples when present (the full HN thread), else fixtures/.
 * The Pushshift input is NDJSON derived from the real Reddit sample's comments (one per line).
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { discourseAdapter } from '../src/ingest/formats/discourse.ts';
import { hackerNewsAdapter } from '../src/ingest/formats/hackernews.ts';
import { mastodonAdapter } from '../src/ingest/formats/mastodon.ts';
import { readPushshift } from '../src/ingest/formats/pushshift.ts';
import { redditAdapter } from '../src/ingest/formats/reddit.ts';
import { readStackExchange } from '../src/ingest/formats/stackexchange.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const targetMb = Number(args.mb ?? 8);

const shared = new URL('../../shared/forum-samples/', import.meta.url);
const local = new URL('../fixtures/forum-samples/', import.meta.url);
const read = (sharedPath, localPath = sharedPath) => {
  const s = new URL(sharedPath, shared);
  return readFileSync(existsSync(s) ? s : new URL(localPath, local), 'utf8');
};

function redditToNdjson(text) {
  const lines = [];
  const walk = (children) => {
    for (const c of children) {
      if (c.kind !== 't1') continue;
      const d = c.data;
      lines.push(JSON.stringify({ author: d.author, body: d.body, created_utc: d.created_utc, id: d.id, link_id: d.link_id, parent_id: d.parent_id, score: d.score, subreddit: d.subreddit, edited: d.edited }));
      if (d.replies) walk(d.replies.data.children);
    }
  };
  walk(JSON.parse(text)[1].data.children);
  return lines.join('\n') + '\n';
}

const json = (adapter) => (text) => adapter.read(JSON.parse(text), {});
const reddit = read('reddit/graw__thread.json');
const cases = [
  { name: 'discourse', texts: [read('discourse/criticalfallibilism__t_2108_posts.json'), read('discourse/discourse_api__topic.json')], run: json(discourseAdapter), isJson: true },
  { name: 'reddit', texts: [reddit, read('reddit/graw__morechildren.json')], run: json(redditAdapter), isJson: true },
  { name: 'hn', texts: [read('hackernews/circumflex__hnpwa_item_25015967.json', 'hackernews/circumflex__hnpwa_item_25015967.trimmed.json')], run: json(hackerNewsAdapter), isJson: true },
  { name: 'mastodon', texts: [read('mastodon/TootSDK__post_akkoma_quote.json'), read('mastodon/MastodonKit__Context.json')], run: json(mastodonAdapter), isJson: true },
  { name: 'pushshift', texts: [redditToNdjson(reddit)], run: (t) => readPushshift(t), isJson: false },
  { name: 'stackexchange', texts: [read('stackexchange/beer_tentrr__Posts.first600rows.xml', 'stackexchange/beer_tentrr__Posts.first150rows.xml')], run: (t) => readStackExchange(t), isJson: false },
];

const bytes = (s) => Buffer.byteLength(s, 'utf8');

/** Runs fn over the texts, repeated until targetMb of input has gone through; best of 3 rounds. */
function measure(texts, fn) {
  const size = texts.reduce((n, t) => n + bytes(t), 0);
  const reps = Math.max(1, Math.ceil((targetMb * 1e6) / size));
  for (const t of texts) fn(t); // warm-up
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (const t of texts) fn(t);
    best = Math.min(best, performance.now() - t0);
  }
  return (size * reps) / 1e6 / (best / 1000);
}

console.log(`ingest throughput, ~${targetMb} MB of input per adapter, best of 3 (MB/s of input bytes)`);
console.log('adapter        adapter MB/s   JSON.parse-only MB/s   adapter/baseline');
for (const c of cases) {
  const rate = measure(c.texts, c.run);
  // The baseline for NDJSON is JSON.parse of each line; for XML there is none (reported as -).
  const baseline = c.isJson
    ? measure(c.texts, (t) => JSON.parse(t))
    : c.name === 'pushshift'
      ? measure(c.texts, (t) => { for (const line of t.split('\n')) if (line) JSON.parse(line); })
      : NaN;
  const fmt = (x) => (Number.isNaN(x) ? '-' : x.toFixed(1)).padStart(8);
  console.log(`${c.name.padEnd(14)} ${fmt(rate)}       ${fmt(baseline)}              ${Number.isNaN(baseline) ? '   -' : (rate / baseline).toFixed(2)}`);
}
