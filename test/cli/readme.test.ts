/** The README's 30-second example is examples/quickstart.mjs, verbatim, and it runs as written. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

const built = existsSync(join(root, 'dist/index.js'));

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = readFileSync(join(root, 'examples/quickstart.mjs'), 'utf8');

  it('shows the quickstart example verbatim and the two set-up commands', () => {
    expect(readme).toContain(example);
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
  });

  it.runIf(built)('runs the quickstart example as written', () => {
    const r = spawnSync(process.execPath, [join(root, 'examples/quickstart.mjs')], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^u3 rebuts u2 quote /m);
    expect(r.stdout).toMatch(/^u4 rebuts u3 restatement /m);
    expect(r.stdout.trim().endsWith('true')).toBe(true);
  });
});
