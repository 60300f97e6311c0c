/**
 * Keyboard navigation for an ARIA tree (WAI-ARIA APG tree pattern) with a roving tabindex: one
 * item is in the tab order; arrows move among visible items, Right/Left open, close or step
 * between a parent and its children, Home/End jump, Enter/Space toggle a parent.
 */

const ITEM = '[role="treeitem"]';

/** Makes `tree` (a `role="tree"` element) navigable by keyboard. The first item takes the tab stop. */
export function enableTreeKeys(tree: HTMLElement): void {
  const items = () => Array.from(tree.querySelectorAll<HTMLElement>(ITEM)).filter((el) => isVisible(el, tree));
  const first = tree.querySelector<HTMLElement>(ITEM);
  for (const el of Array.from(tree.querySelectorAll<HTMLElement>(ITEM))) el.tabIndex = el === first ? 0 : -1;

  tree.addEventListener('focusin', (event) => {
    const item = (event.target as Element | null)?.closest?.(ITEM);
    if (item instanceof HTMLElement && tree.contains(item)) moveTabStop(tree, item);
  });
  tree.addEventListener('click', (event) => {
    const head = (event.target as Element | null)?.closest?.('[data-tree-toggle]');
    const item = head?.closest(ITEM);
    if (item instanceof HTMLElement) {
      toggle(item);
      item.focus();
    }
  });
  tree.addEventListener('keydown', (event) => {
    const current = (event.target as Element | null)?.closest?.(ITEM);
    if (!(current instanceof HTMLElement) || event.altKey || event.ctrlKey || event.metaKey) return;
    const visible = items();
    const at = visible.indexOf(current);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = visible[at + 1];
        break;
      case 'ArrowUp':
        next = visible[at - 1];
        break;
      case 'Home':
        next = visible[0];
        break;
      case 'End':
        next = visible[visible.length - 1];
        break;
      case 'ArrowRight':
        if (current.getAttribute('aria-expanded') === 'false') toggle(current);
        else if (current.hasAttribute('aria-expanded')) next = current.querySelector<HTMLElement>(ITEM) ?? undefined;
        break;
      case 'ArrowLeft':
        if (current.getAttribute('aria-expanded') === 'true') toggle(current);
        else next = current.parentElement?.closest<HTMLElement>(ITEM) ?? undefined;
        break;
      case 'Enter':
      case ' ':
        if (current.hasAttribute('aria-expanded')) toggle(current);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) {
      moveTabStop(tree, next);
      next.focus();
    }
  });
}

function toggle(item: HTMLElement): void {
  const open = item.getAttribute('aria-expanded') !== 'true';
  item.setAttribute('aria-expanded', String(open));
  const group = item.querySelector<HTMLElement>(':scope > [role="group"]');
  if (group) group.hidden = !open;
}

function moveTabStop(tree: HTMLElement, to: HTMLElement): void {
  for (const el of Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]'))) if (el !== to) el.tabIndex = -1;
  to.tabIndex = 0;
}

/** An item is visible when no group between it and the tree is collapsed. */
function isVisible(item: HTMLElement, tree: HTMLElement): boolean {
  for (let el = item.parentElement; el && el !== tree; el = el.parentElement) if (el.hidden) return false;
  return true;
}
