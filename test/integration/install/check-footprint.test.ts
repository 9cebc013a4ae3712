import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/check-footprint.mjs, as .ci/run runs it, on a checkout of the test's own: a 2 MB package
// and a 1 MB test asset under node_modules.
const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'check-footprint.mjs');
const MB = 1024 * 1024;
let checkout: string;

function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--root', checkout, ...args], (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'pmt-footprint-'));
  mkdirSync(join(checkout, 'test'));
  writeFileSync(
    join(checkout, 'test', 'assets.json'),
    JSON.stringify({ dir: 'node_modules/.cache/a' }),
  );
  mkdirSync(join(checkout, 'node_modules', 'big'), { recursive: true });
  writeFileSync(join(checkout, 'node_modules', 'big', 'index.js'), Buffer.alloc(2 * MB));
  mkdirSync(join(checkout, 'node_modules', '.cache', 'a', '@o+spec@1.0.0'), { recursive: true });
  writeFileSync(
    join(checkout, 'node_modules', '.cache', 'a', '@o+spec@1.0.0', 'spec.json'),
    Buffer.alloc(MB),
  );
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

describe('check-footprint', () => {
  it('fails above the budget, naming the size, the budget and the largest parts', async () => {
    const result = await check('--budget-mb', '2.5');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "check-footprint: a contributor's install is 3.0 MB (node_modules, of which test assets 1.0 MB), over the budget of 2.5 MB (--budget-mb). Largest: big 2.0 MB, @o/spec@1.0.0 (test asset) 1.0 MB.",
    );
  });

  it('passes within the budget and states the footprint', async () => {
    const result = await check('--budget-mb', '4');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^contributor install: 3\.0 MB .*budget 4 MB/);
  });

  it('gives the figures as JSON for the bench, without failing', async () => {
    const result = await check('--budget-mb', '1', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      bytes: 3 * MB,
      assetBytes: MB,
      budgetBytes: MB,
      largest: [
        { name: 'big', bytes: 2 * MB },
        { name: '@o/spec@1.0.0 (test asset)', bytes: MB },
      ],
    });
  });
});
