import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

const POSTMORTEM = [
  '# Checkout outage',
  '',
  '**Date:** 2026-02-10',
  '**Severity:** SEV2',
  '**Duration:** 45 minutes',
  '',
  '## Summary',
  '',
  'Checkout failed for 45 minutes.',
  '',
  '## Timeline',
  '',
  '- 10:00 UTC deploy',
  '',
  '## Root cause',
  '',
  'A bad config.',
  '',
  '## Action items',
  '',
  '- [ ] Add a canary (@alice, due 2026-03-01)',
  '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pmt-enc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd: dir,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    now: () => new Date('2026-02-20T10:00:00Z'),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('reading post-mortems from disk', () => {
  it('reads a post-mortem saved with Windows line endings: metadata and sections are found', async () => {
    writeFileSync(join(dir, 'pm.md'), POSTMORTEM.replaceAll('\n', '\r\n'));
    const parsed = await cli(['parse', 'pm.md']);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.out)).toMatchObject({
      incidentDate: '2026-02-10',
      severity: 'SEV2',
      durationMinutes: 45,
    });
    const linted = await cli(['lint', 'pm.md', '--format', 'json']);
    expect(linted.out).not.toContain('required-sections');
    expect(linted.code).toBe(0);
  });

  it('decodes UTF-16 LE and BE files with a byte-order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POSTMORTEM, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    for (const bytes of [le, be]) {
      writeFileSync(join(dir, 'pm.md'), bytes);
      const parsed = await cli(['parse', 'pm.md']);
      expect(parsed.code).toBe(0);
      expect(JSON.parse(parsed.out)).toMatchObject({ title: 'Checkout outage', severity: 'SEV2' });
    }
  });

  it('reports an empty, binary or invalid UTF-8 file as unreadable, naming what was found', async () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.alloc(0), 'pm.md is unreadable: empty file'],
      [Buffer.from('\n \n'), 'pm.md is unreadable: empty file (only whitespace)'],
      [
        Buffer.concat([Buffer.from('# Checkout\n\n'), Buffer.from([0x00, 0x01, 0x02])]),
        'pm.md is unreadable: binary content (NUL byte at offset 12)',
      ],
      [
        Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
        'pm.md is unreadable: invalid UTF-8 at byte 5',
      ],
    ];
    for (const [bytes, message] of cases) {
      writeFileSync(join(dir, 'pm.md'), bytes);
      const linted = await cli(['lint', 'pm.md']);
      expect(linted.err).toContain(message);
      expect(linted.code).toBe(2);
    }
  });

  it('refuses a 5 MB post-mortem at once, before reading it', async () => {
    writeFileSync(join(dir, 'big.md'), `# Big\n\n${'All good here. '.repeat(350_000)}\n`);
    const started = performance.now();
    const linted = await cli(['lint', 'big.md']);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(linted.err).toContain(
      'big.md is too large to read: 5.3 MB, over the limit of 1 MB (limits.maxFileBytes)',
    );
    expect(linted.code).toBe(2);
  });
});
