#!/usr/bin/env node
/**
 * Runs before `npm test`, so the README's two commands hold on a fresh machine: builds dist/ when it
 * is missing (the CLI, package and browser tests run the built files), and installs Debian's
 * chromium for the browser tests when it is missing and this is a root shell with apt-get (as on
 * CI). Anywhere else it says what to install, and the browser tests fail with the same message.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });

if (!['dist/index.js', 'dist/cli.js', 'dist/batch-worker.cjs', 'dist/browser/threadmap.js'].every((f) => existsSync(f))) {
  console.error('pretest: dist/ is missing or incomplete, building it (npm run build)');
  run('npm run build --silent -- --silent');
}

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.error('pretest: installing Debian chromium for the browser tests (apt-get install -y chromium)');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error(`pretest: ${CHROMIUM} is missing; the browser tests need it: sudo apt-get install -y chromium`);
  }
}
