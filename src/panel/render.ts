/**
 * The chat references panel as plain DOM. Every piece of text from a post or a turn goes in as a
 * text node (`textContent` / `createTextNode`), never as markup, so nothing a turn says can run.
 */
import type { ChatReference, ChatReferences, ClaimReferences, FoldedTurn } from './schema.js';
import { injectPanelStyles } from './styles.js';
import { enableTreeKeys } from './tree-keys.js';

/** What the panel says when no bot turn references the post (the app's own wording). */
export const EMPTY_MESSAGE = 'No bot turns have referenced this post yet.';

export interface RenderPanelOptions {
  /** Add the default stylesheet to the document (once). Default true. */
  styles?: boolean;
  /** Turns longer than this are shown as a window around the referenced span. Default 360 characters. */
  maxTurnChars?: number;
  /** Show folded repeats under the turn they repeat. Default true. */
  showRepeats?: boolean;
}

let renders = 0;

/**
 * Renders `refs` into `element`, replacing what it held. Each referenced claim is a tree item with
 * `data-claim-id`; inside it each reference is a tree item with `data-turn-id` and `data-relation`,
 * showing the turn with the referenced span in a `<mark>`. Folded repeats appear under the turn they
 * repeat with `data-duplicate-of`. With no references the panel holds only the empty message.
 * Returns the panel's root element.
 */
export function renderReferencesPanel(element: HTMLElement, refs: ChatReferences, options: RenderPanelOptions = {}): HTMLElement {
  const doc = element.ownerDocument;
  if (options.styles !== false) injectPanelStyles(doc);
  const h = builder(doc);
  const idPrefix = `tm-refs-${++renders}`;
  const root = h('div', { class: 'tm-refs' });

  const referenced = refs.claims.filter((c) => c.references.length > 0);
  if (referenced.length === 0) {
    root.append(h('p', { class: 'tm-refs-empty', role: 'status' }, EMPTY_MESSAGE));
    element.replaceChildren(root);
    return root;
  }

  const turnText = new Map(refs.turns.map((t) => [t.id, t.text]));
  const turnCount = new Set(referenced.flatMap((c) => c.references.map((r) => r.turnId))).size;
  const summaryId = `${idPrefix}-summary`;
  root.append(
    h('p', { class: 'tm-refs-summary', id: summaryId }, `${plural(turnCount, 'bot turn')} reference ${plural(referenced.length, 'claim')} of this post`),
  );
  const tree = h('ul', { class: 'tm-refs-tree', role: 'tree', 'aria-labelledby': summaryId });
  referenced.forEach((claim, i) => tree.append(claimItem(h, claim, `${idPrefix}-c${i}`, turnText, options)));
  root.append(tree);
  enableTreeKeys(tree);
  element.replaceChildren(root);
  return root;
}

type Builder = (tag: string, attrs?: Record<string, string>, text?: string) => HTMLElement;

/** A tiny element factory: attributes as attributes, text as a text node. */
function builder(doc: Document): Builder {
  return (tag, attrs = {}, text) => {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text !== undefined) el.append(doc.createTextNode(text));
    return el;
  };
}

function claimItem(h: Builder, claim: ClaimReferences, id: string, turnText: Map<string, string>, options: RenderPanelOptions): HTMLElement {
  const item = h('li', { class: 'tm-claim', role: 'treeitem', 'aria-level': '1', 'aria-expanded': 'true', 'data-claim-id': claim.id, 'aria-labelledby': `${id}-text` });
  const head = h('div', { class: 'tm-claim-head', 'data-tree-toggle': '' });
  head.append(
    h('span', { class: 'tm-section' }, claim.section),
    h('q', { class: 'tm-claim-text', id: `${id}-text` }, claim.text),
    h('span', { class: 'tm-count' }, plural(claim.references.length, 'reference')),
  );
  const group = h('ul', { role: 'group' });
  claim.references.forEach((ref, k) => group.append(referenceItem(h, ref, `${id}-r${k}`, turnText.get(ref.turnId), options)));
  item.append(head, group);
  return item;
}

function referenceItem(h: Builder, ref: ChatReference, id: string, text: string | undefined, options: RenderPanelOptions): HTMLElement {
  const item = h('li', { class: 'tm-ref', role: 'treeitem', 'aria-level': '2', 'data-turn-id': ref.turnId, 'data-relation': ref.relation, 'aria-describedby': `${id}-turn` });
  const head = h('div', { class: 'tm-ref-head' });
  head.append(
    h('span', { class: 'tm-relation' }, ref.relation),
    h('span', { class: 'tm-turn-label' }, `turn ${ref.turnId}`),
    h('span', { class: 'tm-confidence' }, `confidence ${ref.confidence.toFixed(2)}`),
  );
  const turn = h('blockquote', { class: 'tm-turn', id: `${id}-turn` });
  appendHighlighted(h, turn, text ?? ref.span.text, text === undefined ? 0 : ref.span.start, text === undefined ? ref.span.text.length : ref.span.end, options.maxTurnChars ?? 360);
  item.append(head, turn, h('p', { class: 'tm-evidence' }, evidenceLine(ref)));
  if (options.showRepeats !== false && ref.duplicates.length > 0) item.append(repeatsList(h, ref.duplicates));
  return item;
}

/**
 * The turn's text with [start, end) in a `<mark>`; a long turn is cut to a window around the span
 * (ellipses mark the cuts) so the panel stays readable.
 */
function appendHighlighted(h: Builder, into: HTMLElement, text: string, start: number, end: number, max: number): void {
  let from = 0;
  let to = text.length;
  if (text.length > max) {
    const room = Math.max(0, Math.floor((max - (end - start)) / 2));
    from = Math.max(0, start - room);
    to = Math.min(text.length, end + room);
  }
  const doc = into.ownerDocument;
  const before = (from > 0 ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < text.length ? '…' : '');
  if (before) into.append(doc.createTextNode(before));
  into.append(h('mark', {}, text.slice(start, end)));
  if (after) into.append(doc.createTextNode(after));
}

function evidenceLine(ref: ChatReference): string {
  const kind = `evidence: ${ref.evidence.kind}`;
  return ref.evidence.text ? `${kind} — ${ref.evidence.text}` : kind;
}

function repeatsList(h: Builder, repeats: readonly FoldedTurn[]): HTMLElement {
  const list = h('ul', { class: 'tm-repeats', 'aria-label': 'Repeated in later turns' });
  for (const r of repeats) {
    const what = r.kind === 'exact' ? 'repeated word for word' : `repeated (similarity ${r.similarity.toFixed(2)})`;
    list.append(h('li', { 'data-turn-id': r.turnId, 'data-duplicate-of': r.of }, `turn ${r.turnId}: ${what}`));
  }
  return list;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
