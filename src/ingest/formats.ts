/**
 * The registry of source formats, in detection order: specific formats first, the generic
 * JSON and plain-text readers last (they accept almost anything). Add an adapter with one line.
 */
import type { FormatAdapter } from './adapter.js';
import { discourseAdapter } from './formats/discourse.js';
import { discourseArchiveAdapter } from './formats/discourse-archive.js';
import { hackerNewsAdapter } from './formats/hackernews.js';
import { lessWrongAdapter } from './formats/lesswrong.js';
import { mastodonAdapter } from './formats/mastodon.js';
import { postPageAdapter } from './formats/post-page.js';
import { pushshiftAdapter } from './formats/pushshift.js';
import { redditAdapter } from './formats/reddit.js';
import { stackExchangeAdapter } from './formats/stackexchange.js';
import { genericJsonAdapter } from './json.js';
import { jsonLinesAdapter } from './json-lines.js';
import { plainTextAdapter } from './text.js';

export const FORMAT_ADAPTERS: readonly FormatAdapter[] = [
  // specific formats go here, before the generic readers
  postPageAdapter,
  discourseAdapter,
  redditAdapter,
  pushshiftAdapter,
  hackerNewsAdapter,
  lessWrongAdapter,
  mastodonAdapter,
  stackExchangeAdapter,
  discourseArchiveAdapter,
  genericJsonAdapter,
  // After Pushshift (JSON lines of comments); reads each line with the JSON readers above.
  jsonLinesAdapter(() => FORMAT_ADAPTERS.flatMap((a) => (a.kind === 'json' ? [a] : []))),
  plainTextAdapter,
];
