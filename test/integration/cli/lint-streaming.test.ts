import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/cli/format/format-json.js';
import { main } from '../../../src/cli/main.js';
import type { Diagnostic } from '../../../src/core/model/index.js';

const repo = join(import.meta.dirname, '../../..');
const NO_OWNER = readFileSync(join(repo, 'test/fixtures/lint/action-item-owner/input.md'), 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pmt-stream-'));
  mkdirSync(join(dir, 'postmortems'));
  for (const name of ['a', 'b', 'c'])
    writeFileSync(
      join(dir, 'postmortems', `2026-01-0${name.charCodeAt(0) - 96}-${name}.md`),
      NO_OWNER,
    );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `lint` and keeps every write to stdout separately. */
async function lint(format: string): Promise<{ code: number; writes: string[] }> {
  const writes: string[] = [];
  const code = await main(['lint', 'postmortems', '--format', format], {
    cwd: dir,
    stdout: { write: (s: string) => writes.push(s) },
    stderr: { write: () => true },
  });
  return { code, writes: writes.filter((w) => w !== '') };
}

describe('lint writes each file’s findings as soon as the file is linted', () => {
  it('stylish: one write per file, then the summary', async () => {
    const { code, writes } = await lint('stylish');
    expect(code).toBe(1);
    expect(writes).toHaveLength(4);
    expect(writes[0]).toMatch(/^postmortems\/2026-01-01-a\.md\n/);
    expect(writes[0]).not.toContain('2026-01-02-b.md');
    expect(writes[3]).toMatch(/^✖ \d+ problems .* in 3 files checked\n$/);
  });

  it('json: the streamed parts join into the same document JSON.stringify writes', async () => {
    const { writes } = await lint('json');
    expect(writes.length).toBeGreaterThanOrEqual(4);
    const parsed = JSON.parse(writes.join('')) as Array<{
      file: string;
      diagnostics: Diagnostic[];
    }>;
    expect(parsed.map((f) => f.file)).toEqual([
      'postmortems/2026-01-01-a.md',
      'postmortems/2026-01-02-b.md',
      'postmortems/2026-01-03-c.md',
    ]);
    const all = parsed.map(({ file, diagnostics }) => ({ file, diagnostics }));
    expect(writes.join('')).toBe(formatJson(all));
    expect(writes.join('')).toBe(
      `${JSON.stringify(
        all.map(({ file, diagnostics }) => ({
          file,
          errorCount: diagnostics.filter((d) => d.severity === 'error').length,
          warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
          diagnostics,
        })),
        null,
        2,
      )}\n`,
    );
  });

  it('json: no file is an empty array, as before', () => {
    expect(formatJson([])).toBe('[]\n');
  });
});
