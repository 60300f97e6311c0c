import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePost, postPageAdapter, postSection } from '../../src/ingest/formats/post-page.js';
import { PostSchema } from '../../src/ingest/formats/post-schema.js';
import { readInput } from '../../src/ingest/index.js';

const PAGE = readFileSync('fixtures/seeds/post-page.txt', 'utf8');
const PASTE = readFileSync('fixtures/seeds/thread-paste.txt', 'utf8');

describe('parsePost on the seed post page', () => {
  const post = parsePost(PAGE);

  it('reads the header: handle, title, publish line', () => {
    expect(post.author).toBe('aiaaron');
    expect(post.title).toBe('When the benchmark is the safety case');
    expect(post.publishLine).toBe('published · May 11, 5:53 PM · $0.06 total · published 48d ago');
    expect(post.status).toBe('published');
  });

  it('finds the five sections in page order, each a slice of the page', () => {
    expect(post.sections.map((s) => s.name)).toEqual(['Plan', 'Body', 'Caption', 'Pipeline', 'Chat References']);
    expect(postSection(post, 'Plan')?.heading).toBe('Plan (drafter input)');
    for (const s of post.sections) expect(PAGE.slice(s.start, s.end)).toBe(s.text);
    expect(postSection(post, 'Body')?.text).toMatch(/^There is a specific structure .* The prior happens to be that your model is safe to ship\.$/s);
    expect(postSection(post, 'Caption')?.text).toMatch(/^if the only evidence .*#machinelearning$/);
    expect(postSection(post, 'Pipeline')?.text.startsWith('  1. Hero image done')).toBe(true);
    expect(postSection(post, 'Chat References')?.text).toBe('No bot turns have referenced this post yet.');
    expect(PostSchema.safeParse(post).success).toBe(true);
  });

  it('reads Windows line endings to the same section texts', () => {
    const crlf = parsePost(PAGE.replace(/\n/g, '\r\n'));
    expect(crlf.sections.map((s) => s.text.replace(/\r\n/g, '\n'))).toEqual(post.sections.map((s) => s.text));
  });

  it('does not take a section name inside the Body for a heading', () => {
    const page = PAGE.replace('This is the complete loop.\n', 'This is the complete loop.\n\nPlan\n\nThe loop again.\n');
    const body = postSection(parsePost(page), 'Body')!;
    expect(body.text).toContain('\n\nPlan\n\nThe loop again.');
  });

  it('rejects text without a Body or Caption, naming the line', () => {
    expect(() => parsePost('← @someone\n\nA title\n\nJust a paragraph.')).toThrow(InputError);
    const err = caught(() => parsePost('← @someone\n\nA title\n\nPlan\n\nonly a plan', { file: 'x.txt' }));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).place).toMatchObject({ file: 'x.txt', line: 5 });
    expect((err as InputError).message).toMatch(/^x\.txt:5: not a post page: expected a "Body" or "Caption"/);
    expect(() => parsePost('')).toThrow(/title/);
  });
});

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('the post adapter', () => {
  it('recognises post pages and nothing else', () => {
    expect(postPageAdapter.detect(PAGE)).toBe(true);
    expect(postPageAdapter.detect(PASTE)).toBe(false);
    expect(postPageAdapter.detect('{"comments": []}')).toBe(false);
    expect(postPageAdapter.detect('@alice\n\nBody shots are fun\n')).toBe(false);
    expect(readInput(PAGE).format).toBe('post');
    expect(readInput(PASTE).format).not.toBe('post');
  });

  it('makes the Body and Caption the comments and keeps the Plan as metadata', () => {
    const { threads } = readInput(PAGE, { from: 'post' });
    const [thread] = threads;
    const post = parsePost(PAGE);
    expect(thread!.source).toBe('post');
    expect(thread!.title).toBe(post.title);
    expect(thread!.comments.map((c) => [c.id, c.parentId, c.author])).toEqual([
      ['body', null, 'aiaaron'],
      ['caption', null, 'aiaaron'],
    ]);
    expect(thread!.comments[0]!.text).toBe(postSection(post, 'Body')!.text);
    expect(thread!.meta?.plan).toBe(postSection(post, 'Plan')!.text);
    expect(thread!.comments.some((c) => c.text.includes('special_message'))).toBe(false);
    expect(readInput(PAGE, { from: 'post' }).threads[0]!.id).toBe(thread!.id);
  });
});

describe('parsePost properties', () => {
  const paragraph = fc
    .array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta,', 'claims', 'because', 'so.', '—', 'é'), { minLength: 1, maxLength: 12 })
    .map((w) => w.join(' '));
  const section = fc.array(paragraph, { minLength: 0, maxLength: 4 }).map((ps) => ps.join('\n\n'));

  it('every section is an exact slice of the page, whatever its content and line endings', () => {
    fc.assert(
      fc.property(section, section, section, fc.boolean(), (plan, body, caption, crlf) => {
        let page = `← @writer\n\nTitle here\n\npublished · now\n\nPlan\n\n${plan}\n\nBody\n\n${body}\n\nCaption\n\n${caption}\n`;
        if (crlf) page = page.replace(/\n/g, '\r\n');
        const post = parsePost(page);
        for (const s of post.sections) expect(page.slice(s.start, s.end)).toBe(s.text);
        expect(postSection(post, 'Body')!.text.replace(/\r\n/g, '\n')).toBe(body.trim());
        expect(postSection(post, 'Caption')!.text.replace(/\r\n/g, '\n')).toBe(caption.trim());
      }),
      { numRuns: 200 },
    );
  });
});
