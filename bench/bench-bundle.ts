import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

/** The real post-mortems the bench reads (never copied into the project); override with PMT_REAL_CORPUS. */
export const REAL_CORPUS =
  process.env['PMT_REAL_CORPUS'] ?? resolve(ROOT, '..', 'shared', 'corpus', 'real');

/** Where a fresh build of the bundles lives, laid out as the package is (bin/, dist/). */
export interface BenchBundle {
  dir: string;
  /** The CLI as installed: bin/postmortem-tracker.js running dist/cli/. */
  cli: string;
  /** The Action: dist/index.js. */
  action: string;
  /** bench/bare-parse.mjs bundled the same way: the floor without module-loading overhead. */
  bareBundled: string;
}

/** Builds the Action, the CLI and a bundled bare parser from the current sources into a temporary folder. */
export function buildBenchBundle(): BenchBundle {
  const dir = mkdtempSync(join(tmpdir(), 'pmt-bench-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], {
    cwd: ROOT,
    env: { ...process.env, BUNDLE_OUTDIR: join(dir, 'dist') },
    stdio: 'inherit',
  });
  mkdirSync(join(dir, 'bin'));
  copyFileSync(
    join(ROOT, 'bin', 'postmortem-tracker.js'),
    join(dir, 'bin', 'postmortem-tracker.js'),
  );
  const bareBundled = join(dir, 'bare-parse.mjs');
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT, 'bench', 'bare-parse.mjs'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--minify',
      `--outfile=${bareBundled}`,
      '--log-level=warning',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return {
    dir,
    cli: join(dir, 'bin', 'postmortem-tracker.js'),
    action: join(dir, 'dist', 'index.js'),
    bareBundled,
  };
}
