/**
 * The chat references panel in headless Chromium: the built bundle (dist/browser/threadmap.js)
 * loaded from a localhost page, rendering the seed post with real chat turns.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE } from '../../scripts/bundle-facts.js';
import { DEMO_PATH, startPanelServer, type PanelServer } from '../../scripts/serve-panel.js';
import { launchChromium, type Browser } from './chromium.js';

const OUT = 'test/.out';
const EMPTY = 'No bot turns have referenced this post yet.';

let server: PanelServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build before the browser tests`);
  mkdirSync(OUT, { recursive: true });
  server = await startPanelServer();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${server.origin}/test/browser/pages/panel.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Renders the panel for the seed post and `turns` (a page expression) into #panel. */
async function render(turnsExpr: string): Promise<void> {
  await page.evaluate(`(() => {
    const { parsePost, chatReferences, renderReferencesPanel } = window.threadmap;
    window.lastRefs = chatReferences(parsePost(window.postPage), ${turnsExpr});
    renderReferencesPanel(document.getElementById('panel'), window.lastRefs);
  })()`);
}

describe('chat references panel in Chromium', () => {
  it('loads the bundle and exports the browser API', async () => {
    const names = await page.evaluate(() => Object.keys((window as any).threadmap));
    expect(names).toEqual(expect.arrayContaining(['parsePost', 'chatReferences', 'renderReferencesPanel', 'analyzeThread']));
  });

  it('says exactly the app\'s empty message when no bot turn references the post', async () => {
    await render('[]');
    expect(await page.textContent('#panel')).toBe(EMPTY);
    await render(`window.exampleTurns.filter((t) => t.role === 'user')`);
    expect(await page.textContent('#panel')).toBe(EMPTY);
    expect(await page.locator('#panel [data-claim-id]').count()).toBe(0);
  });

  it('lists referencing bot turns under each claim, with relation and highlighted span', async () => {
    await render('window.exampleTurns');
    const shown = await page.evaluate(() => {
      const refs = (window as any).lastRefs;
      return {
        refs,
        claims: Array.from(document.querySelectorAll('#panel [data-claim-id]')).map((claim) => ({
          id: claim.getAttribute('data-claim-id'),
          role: claim.getAttribute('role'),
          references: Array.from(claim.querySelectorAll('[data-turn-id][data-relation]')).map((r) => ({
            turnId: r.getAttribute('data-turn-id'),
            relation: r.getAttribute('data-relation'),
            mark: r.querySelector('mark')?.textContent,
          })),
        })),
        repeats: Array.from(document.querySelectorAll('#panel [data-duplicate-of]')).map((r) => [r.getAttribute('data-turn-id'), r.getAttribute('data-duplicate-of')]),
      };
    });
    const botIds = ['b1', 'b2', 'b3', 'b4'];
    expect(shown.claims.length).toBeGreaterThan(0);
    for (const claim of shown.claims) {
      expect(claim.role).toBe('treeitem');
      const data = shown.refs.claims.find((c: { id: string }) => c.id === claim.id);
      expect(claim.references.length).toBe(data.references.length);
      claim.references.forEach((r, i) => {
        expect(botIds).toContain(r.turnId);
        expect(['supports', 'rebuts', 'mentions']).toContain(r.relation);
        expect(r.mark).toBe(data.references[i].span.text);
      });
    }
    const all = shown.claims.flatMap((c) => c.references);
    // b2 disagrees with the post's closing argument; b4 repeats b2 word for word and is folded into it.
    expect(all.some((r) => r.turnId === 'b2' && r.relation === 'rebuts')).toBe(true);
    expect(all.some((r) => r.turnId === 'b4')).toBe(false);
    expect(shown.repeats).toContainEqual(['b4', 'b2']);
    expect(all.some((r) => r.turnId?.startsWith('u'))).toBe(false);
    await page.locator('#panel').screenshot({ path: `${OUT}/chat-references-panel.png` });
  });

  it('inserts turn and post text as text: <img onerror> and <script> payloads run nothing', async () => {
    await page.evaluate(() => {
      const w = window as any;
      w.__pwned = undefined;
      const payloads = [
        '<img src=x onerror="window.__pwned = \'img\'">',
        '<script>window.__pwned = \'script\'</script>',
        '<svg onload="window.__pwned = \'svg\'"></svg>',
      ];
      const body = 'When the model clears the threshold, the lab concludes the threshold has not been crossed.';
      w.hostileTurns = payloads.map((p, i) => ({ id: `x${i}<b>`, role: 'bot', text: `${p} ${body} ${p}` }));
      w.hostilePage = w.postPage.replace('This is the complete loop.', `This is the complete loop. ${payloads[0]}`);
    });
    await page.evaluate(`(() => {
      const { parsePost, chatReferences, renderReferencesPanel } = window.threadmap;
      window.lastRefs = chatReferences(parsePost(window.hostilePage), window.hostileTurns);
      renderReferencesPanel(document.getElementById('panel'), window.lastRefs);
    })()`);
    await page.waitForTimeout(300);
    const result = await page.evaluate(() => ({
      pwned: (window as any).__pwned,
      elements: document.querySelectorAll('#panel img, #panel script, #panel svg').length,
      text: document.getElementById('panel')!.textContent,
      refs: document.querySelectorAll('#panel [data-relation]').length,
    }));
    expect(result.pwned).toBeUndefined();
    expect(result.elements).toBe(0);
    expect(result.refs).toBeGreaterThan(0);
    expect(result.text).toContain('<img src=x onerror=');
    expect(result.text).toContain('<script>');
    expect(pageErrors).toEqual([]);
  });

  it('re-renders in place, adds its stylesheet once, and windows long turns around the span', async () => {
    const result = await page.evaluate(() => {
      const w = window as any;
      const { parsePost, chatReferences, renderReferencesPanel } = w.threadmap;
      const post = parsePost(w.postPage);
      const b2 = w.exampleTurns.find((t: { id: string }) => t.id === 'b2');
      const padding = 'Before answering, some context on how evaluations are usually run in practice. '.repeat(12);
      const long = { id: 'long', role: 'bot', text: `${padding}${b2.text}${padding}` };
      const panel = document.getElementById('panel')!;
      renderReferencesPanel(panel, chatReferences(post, w.exampleTurns));
      const refs = chatReferences(post, [long]);
      renderReferencesPanel(panel, refs);
      const rebuttal = refs.claims.flatMap((c: any) => c.references).find((r: any) => r.relation === 'rebuts');
      const quote = panel.querySelector('[data-turn-id="long"][data-relation="rebuts"] blockquote')!;
      return {
        styles: document.head.querySelectorAll('style[data-threadmap-panel]').length,
        roots: panel.children.length,
        spanText: rebuttal?.span.text,
        mark: quote.querySelector('mark')?.textContent,
        shown: quote.textContent!.length,
        full: long.text.length,
        cut: quote.textContent!.startsWith('…') && quote.textContent!.endsWith('…'),
      };
    });
    expect(result.styles).toBe(1);
    expect(result.roots).toBe(1);
    expect(result.mark).toBe(result.spanText);
    expect(result.shown).toBeLessThan(result.full);
    expect(result.cut).toBe(true);
  });

  it('is a keyboard-navigable ARIA tree', async () => {
    await render('window.exampleTurns');
    expect(await page.locator('#panel [role="tree"]').count()).toBe(1);
    expect(await page.locator('#panel [role="tree"] [tabindex="0"]').count()).toBe(1);
    const first = page.locator('#panel [role="treeitem"][aria-level="1"]').first();
    await first.focus();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement!;
      return el.getAttribute('data-claim-id') ?? `turn:${el.getAttribute('data-turn-id')}`;
    });
    const claimId = await focused();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(/^turn:b\d$/);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(claimId);
    await page.keyboard.press('ArrowLeft');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    expect(await first.locator('[role="group"]').isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('End');
    const last = await page.evaluate(() => document.activeElement!.getAttribute('data-turn-id'));
    expect(last).toMatch(/^b\d$/);
    expect(await page.evaluate(() => document.activeElement!.getAttribute('tabindex'))).toBe('0');
  });

  it('measures chatReferences for the post and 50 turns (figure logged, not asserted)', async () => {
    const timing = await page.evaluate(() => {
      const w = window as any;
      const { parsePost, chatReferences } = w.threadmap;
      const post = parsePost(w.postPage);
      const body = post.sections.find((s: { name: string }) => s.name === 'Body').text as string;
      const sentences = body.split(/(?<=\.)\s+/);
      const frames = [
        (a: string, b: string) => `The post says "${a}" I agree, because ${b.toLowerCase()}`,
        (a: string, b: string) => `I disagree that ${a.charAt(0).toLowerCase()}${a.slice(1, -1)}. ${b}`,
        (a: string, b: string) => `Two points stand out. First: ${a} Second: ${b}`,
      ];
      // 50 turns, 40 of them bot turns, each distinct (no repeats to fold away).
      const turns = Array.from({ length: 50 }, (_, i) => {
        const a = sentences[i % sentences.length]!;
        const b = sentences[(i * 7 + 3) % sentences.length]!;
        if (i % 5 === 4) return { id: `t${i}`, role: 'user', text: `What would change your mind about this: ${a}` };
        return { id: `t${i}`, role: 'bot', text: frames[i % frames.length]!(a, b) };
      });
      const found = chatReferences(post, turns).claims.reduce((n: number, c: { references: unknown[] }) => n + c.references.length, 0);
      for (let i = 0; i < 3; i++) chatReferences(post, turns);
      const runs: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        chatReferences(post, turns);
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      return { medianMs: runs[7], minMs: runs[0], maxMs: runs[14], turns: turns.length, references: found };
    });
    console.log(`chatReferences in Chromium, post + ${timing.turns} turns (${timing.references} references): median ${timing.medianMs!.toFixed(1)} ms (min ${timing.minMs!.toFixed(1)}, max ${timing.maxMs!.toFixed(1)}; target 30 ms)`);
    writeFileSync(`${OUT}/panel-timing.json`, `${JSON.stringify(timing, null, 2)}\n`);
    expect(timing.references).toBeGreaterThan(0);
  });

  it('renders the example page: post, panel and the dagre-laid argument graph', async () => {
    const demo = await browser.context.newPage();
    const errors: string[] = [];
    demo.on('pageerror', (err) => errors.push(err.message));
    await demo.goto(`${server.origin}${DEMO_PATH}`);
    await demo.waitForSelector('body[data-ready]', { state: 'attached' });
    expect(await demo.getAttribute('body', 'data-ready')).toBe('true');
    expect(await demo.textContent('#post-title')).toBe('When the benchmark is the safety case');
    expect(await demo.locator('#refs [data-claim-id]').count()).toBeGreaterThan(0);
    expect(await demo.locator('#graph svg g[data-unit-id]').count()).toBeGreaterThan(1);
    expect(await demo.locator('#graph svg path[marker-end]').count()).toBeGreaterThan(0);
    await demo.screenshot({ path: `${OUT}/chat-references-demo.png`, fullPage: true });
    const svg = await demo.evaluate(() => new XMLSerializer().serializeToString(document.querySelector('#graph svg')!));
    writeFileSync(`${OUT}/argument-graph.svg`, svg);
    expect(errors).toEqual([]);
    await demo.close();
  });
});
