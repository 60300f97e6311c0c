/**
 * The panel's default look, as a CSS string. Classes are prefixed `tm-` so they do not meet the
 * host page's; colours come from custom properties a host can override.
 */
export const PANEL_CSS = `
.tm-refs{--tm-rebuts:#b42318;--tm-supports:#067647;--tm-mentions:#475467;--tm-mark:#fef0c7;--tm-focus:#2e90fa;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#101828}
.tm-refs-empty{color:#475467;margin:0}
.tm-refs-summary{margin:0 0 .5rem;color:#475467}
.tm-refs ul{list-style:none;margin:0;padding:0}
.tm-claim{border:1px solid #eaecf0;border-radius:8px;margin:0 0 .6rem;padding:.5rem .7rem}
.tm-claim-head{display:flex;gap:.5rem;align-items:baseline;cursor:pointer}
.tm-claim-head::before{content:"▾";color:#667085;width:1em;flex:none}
.tm-claim[aria-expanded="false"]>.tm-claim-head::before{content:"▸"}
.tm-section{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#667085;flex:none}
.tm-claim-text{flex:1;font-weight:600}
.tm-count{font-size:12px;color:#667085;flex:none}
.tm-claim>ul{margin-top:.4rem;padding-left:1.4rem}
.tm-ref{border-left:3px solid var(--tm-mentions);padding:.3rem .6rem;margin:.35rem 0;border-radius:0 6px 6px 0;background:#f9fafb}
.tm-ref[data-relation="rebuts"]{border-left-color:var(--tm-rebuts)}
.tm-ref[data-relation="supports"]{border-left-color:var(--tm-supports)}
.tm-ref-head{display:flex;gap:.5rem;align-items:baseline;font-size:12px}
.tm-relation{font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:var(--tm-mentions)}
.tm-ref[data-relation="rebuts"] .tm-relation{color:var(--tm-rebuts)}
.tm-ref[data-relation="supports"] .tm-relation{color:var(--tm-supports)}
.tm-turn-label,.tm-confidence{color:#667085}
.tm-turn{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.tm-turn mark{background:var(--tm-mark);color:inherit;padding:0 .1em;border-radius:2px}
.tm-evidence{margin:0;font-size:12px;color:#475467}
.tm-repeats{margin-top:.25rem;font-size:12px;color:#667085}
.tm-refs [role="treeitem"]:focus{outline:2px solid var(--tm-focus);outline-offset:2px}
.tm-refs [hidden]{display:none}
`;

const STYLE_MARK = 'data-threadmap-panel';

/** Adds the panel's stylesheet to a document once (a `<style data-threadmap-panel>` in its head). */
export function injectPanelStyles(doc: Document): void {
  if (doc.head.querySelector(`style[${STYLE_MARK}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(STYLE_MARK, '');
  style.textContent = PANEL_CSS;
  doc.head.append(style);
}
