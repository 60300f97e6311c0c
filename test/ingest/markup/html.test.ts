import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/ingest/markup/index.js';

describe('htmlToText', () => {
  it('lays out paragraphs, line breaks, lists and tables', () => {
    const r = htmlToText('<p>One  two\nthree</p><p>Four<br>five<br><br>six</p><ul><li>a</li><li>b<li>c</ul><ol start="3"><li>x</li><li>y</li></ol><table><tr><td>k</td><td>v</td></tr></table>');
    expect(r.text).toBe('One two three\n\nFour\nfive\n\nsix\n\n- a\n- b\n- c\n\n3. x\n4. y\n\nk v');
  });

  it('reads Hacker News markup: unclosed <p>, hex entities, &gt; quotes, <pre><code>', () => {
    const r = htmlToText('&gt; they said it&#x27;s fine<p>It isn&#x27;t &#x2F; never was.<p><pre><code>  x = 1\n  y = 2</code></pre>\nAfter the code.', { textQuotes: true });
    expect(r.text).toBe("> they said it's fine\n\nIt isn't / never was.\n\nAfter the code.");
    expect(r.quotes).toEqual([{ start: 0, end: 21 }]);
    expect(r.code).toEqual([{ at: 44, text: '  x = 1\n  y = 2' }]);
  });

  it('renders nested blockquotes as nested > lines and records the outermost quote', () => {
    const r = htmlToText('<blockquote><p>outer</p><blockquote><p>inner</p></blockquote><p>outer again</p></blockquote><p>reply</p>');
    expect(r.text).toBe('> outer\n>\n> > inner\n>\n> outer again\n\nreply');
    expect(r.quotes).toEqual([{ start: 0, end: r.text.indexOf('\n\nreply') }]);
  });

  it('decodes entities exactly once, in text and attributes', () => {
    const r = htmlToText('<p>a &amp;gt; b &lt;3 &#128512; &bogus; &nbsp;x</p><aside class="quote" data-username="&lt;x&gt;"><blockquote>q</blockquote></aside>');
    expect(r.text).toBe('a &gt; b <3 😀 &bogus; x\n\n> q');
    expect(r.quotes[0]!.sourceAuthor).toBe('<x>');
  });

  it('drops chrome: scripts, comments, invisible spans, images (keeping emoji alt)', () => {
    const r = htmlToText('<!-- c --><script>alert("<p>")</script><p>Hi <img src="a.png" alt="photo"><img class="emoji" alt="🙂"> <span class="invisible">https://</span>x.org</p>');
    expect(r.text).toBe('Hi 🙂 x.org');
  });

  it('keeps text after an unclosed tag and a bare < as text', () => {
    expect(htmlToText('<p>if a < b then</p><p>tail <a href="x').text).toBe('if a < b then\n\ntail <a href="x');
  });

  it('stays linear on pathological input: 100k nested tags, 100k unclosed tags, 100k stray closers', () => {
    const n = 100_000;
    const nested = '<div>'.repeat(n) + 'deep' + '</div>'.repeat(n);
    expect(htmlToText(nested).text).toBe('deep');
    const quotes = '<blockquote>'.repeat(n) + 'deep quote' + '</blockquote>'.repeat(n);
    const q = htmlToText(quotes);
    expect(q.text).toBe('> > > > > > > > deep quote'); // depth shown is capped, the quote is one span
    expect(q.quotes).toHaveLength(1);
    expect(htmlToText('<b>x'.repeat(n)).text).toBe('x'.repeat(n));
    expect(htmlToText('</i>'.repeat(n) + 'ok').text).toBe('ok');
    expect(htmlToText('<a title="'.repeat(n)).text.length).toBeGreaterThan(0);
    expect(htmlToText('<'.repeat(n)).text).toBe('<'.repeat(n));
  });
});
