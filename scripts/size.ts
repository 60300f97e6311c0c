/** `npm run size`: prints the browser bundle's size (raw and gzipped) and fails over budget. */
import { existsSync } from 'node:fs';
import { BUDGET_BYTES, BUNDLE, bundleFacts } from './bundle-facts.js';

if (!existsSync(BUNDLE)) {
  console.error(`${BUNDLE} is missing: run npm run build first`);
  process.exit(1);
}
const f = bundleFacts();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${BUNDLE}: ${kb(f.bytes)} minified, ${kb(f.gzipBytes)} gzipped (budget ${kb(BUDGET_BYTES)} gzipped)`);
const problems: string[] = [];
if (f.gzipBytes > BUDGET_BYTES) problems.push(`over budget by ${kb(f.gzipBytes - BUDGET_BYTES)}`);
if (f.imports.length) problems.push(`bare imports: ${f.imports.join(', ')}`);
if (f.nodeBuiltins.length) problems.push(`Node built-ins: ${f.nodeBuiltins.join(', ')}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
