import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The exporters ship in the browser bundle (the chat references panel), so none may reach for Node built-ins.
describe('src/export is browser-safe', () => {
  const dir = new URL('../../src/export/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`${file} imports no Node built-in`, () => {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source).not.toMatch(/from\s+['"](node:|fs['"]|path['"]|child_process['"])/);
      expect(source).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    });
  }
});
