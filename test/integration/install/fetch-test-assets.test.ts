import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// scripts/fetch-test-assets.mjs, run as `prepare` runs it, on a small package the lockfile already
// brings (so npm answers from its cache): a manifest and a target directory of the test's own.
const root = join(import.meta.dirname, '..', '..', '..');
const script = join(root, 'scripts', 'fetch-test-assets.mjs');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string; integrity: string }>;
};
const picomatch = lock.packages['node_modules/picomatch']!;
const PIN = {
  name: 'picomatch',
  version: picomatch.version,
  integrity: picomatch.integrity,
  files: ['index.js', 'lib/parse.js'],
};
const folder = `picomatch@${picomatch.version}`;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;
let dir: string;

function writeManifest(assets: object[]): string {
  const file = join(work, 'assets.json');
  writeFileSync(file, JSON.stringify({ dir: 'unused', assets }));
  return file;
}

function fetchAssets(manifest: string, env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, '--manifest', manifest, '--dir', dir],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Everything under `path`, relative, sorted. */
function tree(path: string): string[] {
  return (readdirSync(path, { recursive: true }) as string[])
    .filter((p) => statSync(join(path, p)).isFile())
    .sort();
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pmt-assets-'));
  dir = join(work, 'test-assets');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('fetch-test-assets', () => {
  it('keeps only the listed files with a stamp, and a second run spawns nothing', async () => {
    const manifest = writeManifest([PIN]);
    const first = await fetchAssets(manifest);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(new RegExp(`^test asset ${folder}: fetched, [\\d.]+ MB`));
    expect(tree(join(dir, folder))).toEqual(['.test-asset.json', 'index.js', 'lib/parse.js']);
    expect(readdirSync(dir)).toEqual([folder]); // no tarball, no temporary directory left

    // No npm and no tar on the PATH: a run that tried to fetch again would fail.
    const second = await fetchAssets(manifest, { PATH: '' });
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toMatch(new RegExp(`^test asset ${folder}: already present, `));
  });

  it('refuses a tarball whose sha512 differs from the pin, naming both, and extracts nothing', async () => {
    const wrong = lock.packages['node_modules/yaml']!.integrity;
    const result = await fetchAssets(writeManifest([{ ...PIN, integrity: wrong }]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `fetch-test-assets: ${folder}: the tarball's integrity is ${picomatch.integrity}`,
    );
    expect(result.stderr).toContain(`pins ${wrong}; refusing it (nothing extracted)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("replaces a directory without a stamp and removes a killed run's leftovers", async () => {
    // What a run killed mid-way leaves: its temporary directory (its process is gone). And a
    // directory in the target's place without a stamp (half-written by hand or by an old script).
    const gone = execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim();
    mkdirSync(join(dir, `.tmp-${gone}-abc`, 'files'), { recursive: true });
    writeFileSync(join(dir, `.tmp-${gone}-abc`, 'picomatch-4.tgz'), 'partial');
    mkdirSync(join(dir, folder, 'lib'), { recursive: true });
    writeFileSync(join(dir, folder, 'index.js'), 'half');

    const result = await fetchAssets(writeManifest([PIN]));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/: fetched, /);
    expect(readdirSync(dir)).toEqual([folder]);
    expect(tree(join(dir, folder))).toEqual(['.test-asset.json', 'index.js', 'lib/parse.js']);
    expect(readFileSync(join(dir, folder, 'index.js'), 'utf8')).not.toBe('half');
  });

  it('ends with one complete directory when two installs run at once', async () => {
    const manifest = writeManifest([PIN]);
    const both = await Promise.all([fetchAssets(manifest), fetchAssets(manifest)]);
    for (const result of both) {
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/: (fetched|already present)/);
    }
    expect(readdirSync(dir)).toEqual([folder]);
    expect(tree(join(dir, folder))).toEqual(['.test-asset.json', 'index.js', 'lib/parse.js']);
    const stamp = JSON.parse(readFileSync(join(dir, folder, '.test-asset.json'), 'utf8')) as object;
    expect(stamp).toEqual(PIN);
  });

  it('skips an asset pinned to another platform and says so', async () => {
    const other = process.platform === 'linux' ? 'darwin' : 'linux';
    const result = await fetchAssets(writeManifest([{ ...PIN, os: other }]), { PATH: '' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`${folder}: skipped, only for ${other}`);
    expect(existsSync(dir)).toBe(false);
  });
});
