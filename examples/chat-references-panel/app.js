/**
 * The demo: reads the seed post page, finds which bot turns of a short chat reference its claims,
 * renders the panel, and draws the chat thread's argument graph. Everything goes in as text.
 */
import { analyzeThread, chatReferences, chatThread, parsePost, renderReferencesPanel } from '/dist/browser/threadmap.js';
import * as dagre from '/vendor/dagre/dagre.esm.js';
import { drawArgumentGraph } from './graph-svg.js';

const $ = (id) => document.getElementById(id);

function add(parent, tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  parent.append(node);
  return node;
}

function showPost(post) {
  $('post-author').textContent = post.author ? `@${post.author}` : '';
  $('post-title').textContent = post.title;
  $('post-publish').textContent = post.publishLine ?? '';
  const sections = $('post-sections');
  for (const s of post.sections.filter((x) => x.name === 'Body' || x.name === 'Caption')) {
    const box = add(sections, 'section', undefined, 'section');
    add(box, 'h2', s.name);
    for (const para of s.text.split(/\n\s*\n/)) add(box, 'p', para);
  }
}

function showChat(turns) {
  const list = add($('chat'), 'ul');
  for (const t of turns) {
    const item = add(list, 'li', undefined, t.role);
    add(item, 'span', `${t.role} · ${t.id}`, 'who');
    item.append(document.createTextNode(t.text));
  }
}

try {
  const page = await (await fetch('/fixtures/seeds/post-page.txt')).text();
  const turns = await (await fetch('./turns.json')).json();
  const post = parsePost(page);
  showPost(post);
  showChat(turns);
  const started = performance.now();
  const refs = chatReferences(post, turns);
  const ms = performance.now() - started;
  renderReferencesPanel($('refs'), refs);
  const graph = analyzeThread(chatThread(post, turns));
  drawArgumentGraph($('graph'), graph, dagre, (u) => (u.commentId.startsWith('turn:') ? `turn ${u.commentId.slice(5)}` : u.commentId.slice(5)));
  document.body.dataset.ready = 'true';
  console.log(`chatReferences: ${ms.toFixed(1)} ms, ${refs.claims.filter((c) => c.references.length).length} claims referenced`);
} catch (err) {
  $('status').textContent = `Could not render: ${err instanceof Error ? err.message : String(err)}`;
  document.body.dataset.ready = 'error';
  throw err;
}
