/** The published package as a consumer sees it: ESM, CJS, types, the node and browser entries. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

const built = existsSync(join(root, 'dist/index.cjs'));
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe.runIf(built)('package entry points', () => {
  it('loads with require() (CJS) and import (ESM), and both analyze alike', () => {
    const script = "const [g] = t.analyze('Rents will rise.\\n---\\nI disagree that rents will rise.'); console.log(JSON.stringify(g.edges));";
    const cjs = node(['-e', `const t = require('threadmap'); ${script}`]);
    const esm = node(['--input-type=module', '-e', `import * as t from 'threadmap'; ${script}`]);
    expect(cjs.stderr).toBe('');
    expect(esm.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual([expect.objectContaining({ type: 'rebuts', evidence: expect.objectContaining({ kind: 'restatement' }) })]);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it('prints nothing on load (natural is imported by submodule, never its noisy index)', () => {
    const r = node(['--input-type=module', '-e', "import 'threadmap'; import 'threadmap/node';"]);
    expect([r.stdout, r.stderr]).toEqual(['', '']);
  });

  it('declares types for every entry and a bin', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const entry of ['.', './browser', './node']) {
      const target = pkg.exports[entry];
      const types = target.types ?? target.import?.types;
      expect(existsSync(join(root, types)), `${entry} types`).toBe(true);
    }
    expect(existsSync(join(root, pkg.exports['.'].require.types))).toBe(true);
    expect(existsSync(join(root, pkg.bin.threadmap))).toBe(true);
    expect(readFileSync(join(root, pkg.bin.threadmap), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
