import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as people install a tool: `npm pack`, installed globally into a temporary prefix from
// the tarball alone (no dev dependencies, no build step), run in an empty folder.
const root = join(import.meta.dirname, '..', '..', '..');
const bundled = existsSync(join(root, 'dist', 'cli', 'main.js'));
if (!bundled)
  console.warn('[installed-package.test] SKIPPED: needs the CLI bundle dist/cli/ (npm run bundle)');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string, timeout = 120_000): Promise<Ran> {
  // No npm_config_* from a surrounding `npm test`: the install must not inherit its prefix.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')),
  );
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, timeout }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const OWNERLESS = `# Database failover

**Severity:** SEV2

## Summary

The primary database failed over.

## Action items

- [ ] Add a replica lag alert (due 2026-04-01)
`;

interface Packed {
  filename: string;
  unpackedSize: number;
  files: { path: string }[];
}

describe.runIf(bundled)('the packed package, installed into an empty prefix', () => {
  let tmp: string;
  let packed: Packed;
  let bin: string;
  let work: string;
  let installFailure: string | null = null;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'pmt-pack-'));
    // --ignore-scripts: pack the committed bundle as it is, without rebuilding dist/ in the tree.
    const pack = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp],
      root,
    );
    expect(pack.code, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
    const prefix = join(tmp, 'prefix');
    // The npm cache is warm after `npm ci`; CI may still reach the registry for what it lacks.
    const install = await run(
      'npm',
      [
        ...['install', '-g', '--prefix', prefix, join(tmp, packed.filename)],
        ...['--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'],
      ],
      tmp,
      170_000,
    );
    if (install.code !== 0) installFailure = install.stderr.trim().split('\n').slice(-3).join(' ');
    bin = join(prefix, 'bin', 'postmortem-tracker');
    work = join(tmp, 'empty');
    mkdirSync(work);
  }, 180_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('packs the bin and the CLI bundle only: no sources, tsc output, tests or Action bundle', () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths).toContain('bin/postmortem-tracker.js');
    expect(paths).toContain('dist/cli/main.js');
    expect(paths.filter((p) => /^(src|lib|test|app|bench|node_modules)\//.test(p))).toEqual([]);
    expect(paths).not.toContain('dist/index.js');
    expect(packed.unpackedSize).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it('installs from the tarball and lints a post-mortem in an empty folder', async (ctx) => {
    if (installFailure !== null) {
      console.warn(`[installed-package.test] SKIPPED: npm could not install: ${installFailure}`);
      ctx.skip();
    }
    writeFileSync(join(work, 'failover.md'), OWNERLESS);
    const lint = await run(bin, ['lint', 'failover.md', '--format', 'json'], work);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
    const rules = (JSON.parse(lint.stdout) as { diagnostics: { rule: string }[] }[]).flatMap((f) =>
      f.diagnostics.map((d) => d.rule),
    );
    expect(rules).toContain('action-item-owner');
    expect(rules).toContain('required-sections');
  });

  it('runs the other commands from the installed bundle: help, parse, init and report', async (ctx) => {
    if (installFailure !== null) ctx.skip();
    const help = await run(bin, ['--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: postmortem-tracker <command>');

    writeFileSync(join(work, 'failover.md'), OWNERLESS);
    const parsed = await run(bin, ['parse', 'failover.md'], work);
    expect(parsed.code, parsed.stderr).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ title: 'Database failover' });

    const init = await run(bin, ['init', 'postmortems/new.md'], work);
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(join(work, 'postmortems', 'new.md'), 'utf8')).toContain('## Action items');

    // report inlines uPlot, read from the installed runtime dependency.
    const report = await run(
      bin,
      ['report', 'failover.md', '--out', 'site', '--now', '2026-05-01'],
      work,
    );
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(join(work, 'site', 'index.html'), 'utf8')).toContain('uPlot');
  });
});
