/** FNV-1a over UTF-16 code units: fast, deterministic, good enough for bucketing and stable ids. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A short stable id for a text, e.g. for a pasted thread that has no id of its own. */
export function stableId(prefix: string, text: string): string {
  return `${prefix}-${fnv1a(text).toString(16).padStart(8, '0')}${fnv1a(text, 0x9747b28c).toString(16).padStart(8, '0')}`;
}
