import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: ESM + CJS with types. Dependencies stay external.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    define: { __THREADMAP_VERSION__: JSON.stringify(version) },
  },
  {
    // threadmap/node: batch runner and cross-thread index. ESM only: the worker pool finds its
    // worker file beside this module through import.meta.url.
    entry: { node: 'src/node/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    define: { __THREADMAP_VERSION__: JSON.stringify(version) },
  },
  {
    // The CLI: ESM only, with its shebang.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    define: { __THREADMAP_VERSION__: JSON.stringify(version) },
  },
  {
    // The batch pool's worker thread (src/node/batch/worker.ts), loaded by dist/cli.js from beside it.
    // CommonJS on purpose: piscina loads its task file with require() first, and on Node 20 a
    // require() of an ES module that two loads reach at once (the pool's preload and the first
    // task) can abort the whole process (v8::Module::IsGraphAsync fatal error).
    entry: { 'batch-worker': 'src/node/batch/worker.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20',
    define: { __THREADMAP_VERSION__: JSON.stringify(version) },
  },
  {
    // The browser bundle (chat references panel): one self-contained, minified ES module with
    // every dependency inlined (no bare imports, no Node built-ins). `npm run size` checks its weight.
    entry: { threadmap: 'src/browser.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2020',
    noExternal: [/.*/],
    minify: true,
    treeshake: true,
    splitting: false,
    sourcemap: true,
    dts: true,
    define: { __THREADMAP_VERSION__: JSON.stringify(version) },
  },
]);
