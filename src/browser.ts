/**
 * The browser entry (`threadmap/browser`, and `threadmap` under the `browser` condition): the
 * whole browser-safe core plus the chat references panel, bundled by tsup into one
 * self-contained ES module, `dist/browser/threadmap.js`.
 */
export * from './index.js';
export * from './panel/index.js';
