/**
 * Facts about the browser bundle that must hold: its gzipped size, and that it is self-contained
 * (no bare module specifiers, no Node built-ins). Shared by `npm run size` and the bundle test.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The bundle's folder; THREADMAP_BROWSER_DIR points the checks at a copy (e.g. while other builds rewrite dist/). */
export const BUNDLE_DIR = process.env.THREADMAP_BROWSER_DIR ?? 'dist/browser';
export const BUNDLE = `${BUNDLE_DIR}/threadmap.js`;
export const BUDGET_BYTES = 150 * 1024;

/**
 * Module specifiers of static imports, re-exports and dynamic imports in (minified) ESM. The
 * clauses may not cross a quote or a semicolon, so words inside string literals do not match.
 */
const SPECIFIERS = [
  /\bimport\s*(?:[\w*{$][^;"'`]*?\bfrom\s*)?["']([^"'\s]+)["']/g,
  /\bexport\s*(?:\*|\{[^}"'`]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"'\s]+)["']/g,
  /\bimport\s*\(\s*["']([^"'\s]+)["']\s*\)/g,
];

export interface BundleFacts {
  bytes: number;
  gzipBytes: number;
  /** Import specifiers that are not relative or absolute URLs (there must be none). */
  imports: string[];
  /** `node:` specifiers or strings found in the code (there must be none). */
  nodeBuiltins: string[];
}

export function bundleFacts(path = BUNDLE): BundleFacts {
  const code = readFileSync(path);
  const text = code.toString('utf8');
  const specifiers = SPECIFIERS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] as string));
  return {
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    imports: specifiers.filter((s) => !/^(?:\.{0,2}\/|https?:|data:)/.test(s)),
    nodeBuiltins: [...new Set(text.match(/\bnode:[a-z_/]+/g) ?? [])],
  };
}
