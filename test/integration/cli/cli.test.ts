import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

const repo = join(import.meta.dirname, '../../..');
const CLEAN = readFileSync(join(repo, 'test/fixtures/lint/clean/input.md'), 'utf8');
const NO_OWNER = readFileSync(join(repo, 'test/fixtures/lint/action-item-owner/input.md'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pmt-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], cwd = dir): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    now: () => new Date('2026-11-26T10:00:00Z'),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

function write(rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

describe('postmortem-tracker lint', () => {
  it('lints the bundled examples: only the one with problems is reported, exit 1', async () => {
    const { code, out } = await cli(['lint', 'examples/'], repo);
    expect(code).toBe(1);
    const files = out.split('\n').filter((l) => l.startsWith('examples/'));
    expect(files).toEqual(['examples/postmortems/2026-11-10-login-latency.md']);
    for (const rule of [
      'action-item-owner',
      'action-item-due',
      'date-ambiguous',
      'blame-language',
      'placeholder',
    ])
      expect(out).toContain(rule);
    expect(out).toMatch(/✖ \d+ problems \(\d+ errors, 3 warnings\) in 6 files checked\n$/);
  });

  it('lints the examples the same way from inside examples/, with its config file', async () => {
    const { code, out } = await cli(['lint'], join(repo, 'examples'));
    expect(code).toBe(1);
    expect(out.split('\n').filter((l) => l.startsWith('postmortems/'))).toEqual([
      'postmortems/2026-11-10-login-latency.md',
    ]);
    expect(out).not.toContain('postmortem-tracker.yml');
  });

  it('exits 0 with a summary line when everything is clean', async () => {
    write('postmortems/2026-04-07-queue.md', CLEAN);
    const { code, out, err } = await cli(['lint']);
    expect({ code, out, err }).toEqual({
      code: 0,
      out: '✔ 1 file checked, no problems\n',
      err: '',
    });
  });

  it('groups stylish output by file with line:col, severity, message and rule', async () => {
    write('pm/a.md', NO_OWNER);
    const { code, out } = await cli(['lint', 'pm']);
    expect(code).toBe(1);
    expect(out.split('\n').slice(0, 2)).toEqual([
      'pm/a.md',
      expect.stringMatching(
        /^ {2}21:1 {2}error {4}Action item "Rotate the reporting API token automatically" has no owner; .+ {2}action-item-owner$/,
      ),
    ]);
  });

  it('expands directories to **/*.md, honours exclude, and takes an extension-less file only when named', async () => {
    write('pm/a.md', CLEAN);
    write('pm/deep/b.md', CLEAN);
    write('pm/README.md', '# Index\n');
    write('pm/notes', NO_OWNER);
    const { code, out } = await cli(['lint', 'pm', '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { file: string }[]).map((r) => r.file)).toEqual([
      'pm/a.md',
      'pm/deep/b.md',
    ]);
    const named = await cli(['lint', 'pm/notes', '--format', 'json']);
    expect(named.code).toBe(1);
    expect(JSON.parse(named.out)).toEqual([
      expect.objectContaining({ file: 'pm/notes', errorCount: 1, warningCount: 0 }),
    ]);
  });

  it('accepts globs, and reports a glob or path that matches nothing with exit 2', async () => {
    write('pm/a.md', CLEAN);
    expect((await cli(['lint', 'pm/*.md'])).code).toBe(0);
    const missing = await cli(['lint', 'nope/', 'pm/*.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(
      'postmortem-tracker lint: no such file, directory or matching glob: nope/\npostmortem-tracker lint: no such file, directory or matching glob: pm/*.txt\n',
    );
  });

  it('prints GitHub workflow commands with escaped properties and data', async () => {
    write(
      'pm/a, b:c.md',
      NO_OWNER.replace('Rotate the reporting API token automatically', 'Rotate 100% of tokens'),
    );
    const { code, out } = await cli(['lint', 'pm', '--format', 'github']);
    expect(code).toBe(1);
    expect(out).toBe(
      '::error file=pm/a%2C b%3Ac.md,line=21,col=1,title=action-item-owner::Action item "Rotate 100%25 of tokens" has no owner; add a GitHub handle, e.g. "@alice" or "(owner: @org/team)", or fill the Owner column.\n',
    );
  });

  it('reads .github/postmortem-tracker.yml: its settings apply and its errors are reported with a line', async () => {
    write('postmortems/a.md', NO_OWNER);
    write(
      '.github/postmortem-tracker.yml',
      'rules:\n  action-item-owner: warning\nsync:\n  maxWrites: ten\n',
    );
    const { code, out } = await cli(['lint']);
    expect(code).toBe(1);
    expect(out).toContain(
      '.github/postmortem-tracker.yml\n  4:3  error    sync.maxWrites: expected a non-negative integer, got "ten"; using the default (50).  config-invalid',
    );
    expect(out).toMatch(/21:1 {2}warning {2}Action item/);
  });

  it('exits 2 for a missing --config file, an unknown option and an unknown format', async () => {
    write('postmortems/a.md', CLEAN);
    const missing = await cli(['lint', '--config', 'nope.yml']);
    expect(missing).toMatchObject({
      code: 2,
      err: expect.stringContaining('cannot read config file nope.yml: no such file or directory'),
    });
    expect(await cli(['lint', '--colour'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(await cli(['lint', '--format', 'xml'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown --format "xml"'),
    });
  });
});

describe('postmortem-tracker parse', () => {
  it('prints the parsed post-mortem as pretty JSON, or compact', async () => {
    write('pm.md', CLEAN);
    const { code, out } = await cli(['parse', 'pm.md', '--json']);
    expect(code).toBe(0);
    const pm = JSON.parse(out) as {
      path: string;
      severity: string;
      actionItems: { owner: string; due: string }[];
    };
    expect(pm).toMatchObject({ path: 'pm.md', severity: 'SEV2' });
    expect(pm.actionItems[0]).toMatchObject({ owner: '@ana-silva', due: '2026-05-08' });
    expect(out.split('\n').length).toBeGreaterThan(20);
    const compact = await cli(['parse', 'pm.md', '--compact']);
    expect(compact.out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 without exactly one FILE, or when the file is missing', async () => {
    expect((await cli(['parse'])).code).toBe(2);
    expect(await cli(['parse', 'missing.md'])).toMatchObject({
      code: 2,
      err: 'postmortem-tracker parse: cannot read missing.md: no such file or directory\n',
    });
  });
});

describe('postmortem-tracker init', () => {
  it('writes a template that the linter passes with zero diagnostics', async () => {
    const { code, out } = await cli(['init']);
    expect(code).toBe(0);
    expect(out).toContain('Wrote postmortems/2026-11-26-incident.md');
    const text = readFileSync(join(dir, 'postmortems/2026-11-26-incident.md'), 'utf8');
    expect(text).toContain('date: 2026-11-26');
    const lint = await cli(['lint', 'postmortems/2026-11-26-incident.md', '--format', 'json']);
    expect(JSON.parse(lint.out)).toEqual([
      {
        file: 'postmortems/2026-11-26-incident.md',
        errorCount: 0,
        warningCount: 0,
        diagnostics: [],
      },
    ]);
    expect(lint.code).toBe(0);
  });

  it('writes into a named directory or file, and refuses to overwrite (exit 2)', async () => {
    mkdirSync(join(dir, 'docs'));
    expect((await cli(['init', 'docs'])).code).toBe(0);
    expect(readFileSync(join(dir, 'docs/2026-11-26-incident.md'), 'utf8')).toContain(
      '# Checkout errors',
    );
    expect((await cli(['init', 'docs/x.md'])).code).toBe(0);
    const again = await cli(['init', 'docs/x.md']);
    expect(again).toMatchObject({
      code: 2,
      err: expect.stringContaining('docs/x.md already exists'),
    });
  });
});

describe('postmortem-tracker', () => {
  it.each(['lint', 'parse', 'init'])('prints help for %s', async (command) => {
    const { code, out } = await cli([command, '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: postmortem-tracker ${command}`));
  });

  it('prints the command list for --help, and exits 2 for no or an unknown command', async () => {
    expect(await cli(['--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Commands:'),
    });
    expect(await cli([])).toMatchObject({ code: 2, err: expect.stringContaining('Commands:') });
    expect(await cli(['lnt'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "lnt"'),
    });
  });
});
