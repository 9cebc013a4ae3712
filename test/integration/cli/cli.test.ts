import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

const repo = join(import.meta.dirname, '../../..');
const CLEAN = readFileSync(join(repo, 'test/fixtures/lint/clean/input.md'), 'utf8');
const NO_OWNER = readFileSync(join(repo, 'test/fixtures/lint/action-item-owner/input.md'), 'utf8');
// Every field the issue names, written out once (front matter, sections, a full action table).
const FULL = `---
title: Payments webhook backlog
date: 2026-09-14
severity: SEV2
status: final
duration: 1h 20m
services: [payments, webhooks]
tags: [queue]
authors: ["@dana", "Lee Park"]
---

# Payments webhook backlog

## Impact

Merchants received payment webhooks up to 80 minutes late.

## Timeline

- 09:00 UTC — a worker deploy started.
- 09:12 UTC — alert fired on webhook queue age.
- 10:20 UTC — backlog drained; resolved.

## Root cause

The new worker build read its concurrency from an unset variable and ran one thread.

## Contributing factors

- The canary checked error rates, not throughput.

## What went well

- The queue-age alert fired within minutes.

## Action items

| Action | Owner | Due | Priority | Type | Ticket |
|---|---|---|---|---|---|
| Fail the build when concurrency is unset | @dana | 2026-10-01 | P1 | prevent | #88 |
`;

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
      'action-item-due-ambiguous',
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
    // The message names the key, line and expected form (the value itself is not quoted back).
    expect(out).toMatch(
      /^\.github\/postmortem-tracker\.yml\n {2}4:3 {2}error {4}sync\.maxWrites: expected a non-negative integer, got [^\n]*; using the default \(50\)\. {2}config-invalid$/m,
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

  it('prints every field under the names the issue uses, each with its source line', async () => {
    write('pm.md', FULL);
    const { code, out } = await cli(['parse', 'pm.md', '--json']);
    expect(code).toBe(0);
    const pm = JSON.parse(out) as Record<string, unknown>;
    expect(pm).toMatchObject({
      path: 'pm.md',
      title: 'Payments webhook backlog',
      incidentDate: '2026-09-14',
      severity: 'SEV2',
      status: 'final',
      duration: '1h 20m',
      durationMinutes: 80,
      impact: 'Merchants received payment webhooks up to 80 minutes late.',
      services: ['payments', 'webhooks'],
      tags: ['queue'],
      authors: ['@dana', 'Lee Park'],
      rootCause:
        'The new worker build read its concurrency from an unset variable and ran one thread.',
      contributingFactors: [{ text: 'The canary checked error rates, not throughput.', line: 30 }],
      whatWentWell: [{ text: 'The queue-age alert fired within minutes.', line: 34 }],
      diagnostics: [],
      lines: { title: 2, incidentDate: 3, severity: 4, impact: 16, rootCause: 26 },
    });
    expect(pm.timeline).toEqual([
      {
        line: 20,
        time: '09:00 UTC',
        at: '2026-09-14T09:00:00Z',
        text: 'a worker deploy started.',
        kind: 'start',
      },
      {
        line: 21,
        time: '09:12 UTC',
        at: '2026-09-14T09:12:00Z',
        text: 'alert fired on webhook queue age.',
        kind: 'detection',
      },
      {
        line: 22,
        time: '10:20 UTC',
        at: '2026-09-14T10:20:00Z',
        text: 'backlog drained; resolved.',
        kind: 'resolution',
      },
    ]);
    expect(pm.actionItems).toEqual([
      {
        id: expect.stringMatching(/^pm-[0-9a-f]{8}$/),
        title: 'Fail the build when concurrency is unset',
        owner: '@dana',
        due: '2026-10-01',
        dueRaw: '2026-10-01',
        status: 'open',
        line: 40,
        tracker: '#88',
        priority: 'P1',
        type: 'prevent',
        section: 'Action items',
      },
    ]);
    expect(
      (pm.sections as { key: string | null; line: number }[]).map((x) => [x.key, x.line]),
    ).toContainEqual(['contributingFactors', 28]);
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
