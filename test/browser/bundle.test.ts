/**
 * The browser bundle as built by `npm run build`: self-contained, within budget, and carrying the
 * browser API. (Its behaviour in a real browser is panel.e2e.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, BUNDLE, bundleFacts } from '../../scripts/bundle-facts.js';

describe('dist/browser/threadmap.js', () => {
  it('exists (npm run build writes it)', () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build before the tests`).toBe(true);
  });

  it('is one self-contained ES module within the gzip budget', () => {
    const facts = bundleFacts();
    expect(facts.imports).toEqual([]);
    expect(facts.nodeBuiltins).toEqual([]);
    expect(facts.gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    // compromise and full zod must stay out; zod/mini's core is fine.
    const sources = (JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8')) as { sources: string[] }).sources;
    expect(sources.filter((s) => /node_modules\/(compromise|zod\/v4\/classic)\//.test(s))).toEqual([]);
  });

  it('exports the browser API and works without a DOM until asked to render', async () => {
    const mod = (await import(pathToFileURL(BUNDLE).href)) as Record<string, unknown>;
    for (const name of ['parsePost', 'chatReferences', 'renderReferencesPanel', 'analyzeThread', 'PostSchema', 'ChatTurnSchema']) {
      expect(typeof mod[name], name).not.toBe('undefined');
    }
    const parsePost = mod.parsePost as (text: string) => { title: string };
    expect(parsePost(readFileSync('fixtures/seeds/post-page.txt', 'utf8')).title).toBe('When the benchmark is the safety case');
  });
});
