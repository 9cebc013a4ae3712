// Fetches the test assets pinned in test/assets.json: from each package, only the files the tests
// read, checked against the pinned sha512 before anything is extracted. Run by `prepare`, so
// `npm install` and `npm ci` bring them; a second run with nothing to do spawns nothing.
//
// Safe if killed at any line and if two installs run at once: each run works in its own
// `.tmp-<pid>-*` directory next to the target, writes the stamp last, and renames the finished
// directory into place; a directory without a matching stamp is never taken as present.
//
// Options (for tests): --manifest FILE (default test/assets.json), --dir DIR (default: the
// manifest's `dir`, relative to the repository).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Written last into an asset's directory; the same name is read by test/support/test-assets.ts. */
const STAMP = '.test-asset.json';
const run = promisify(execFile);
/** Options for tar found by stopEarly(), once. */
let earlyStop;

const { values } = parseArgs({
  options: { manifest: { type: 'string' }, dir: { type: 'string' } },
});
const manifestPath = resolve(values.manifest ?? join(ROOT, 'test', 'assets.json'));

try {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const dir = resolve(values.dir ?? join(ROOT, manifest.dir));
  removeLeftovers(dir, manifest.assets);
  // At once: each waits mostly on its own npm and tar processes.
  const results = await Promise.allSettled(manifest.assets.map((a) => fetchAsset(dir, a)));
  for (const result of results) {
    if (result.status === 'fulfilled') console.log(`test asset ${result.value}`);
    else fail(result.reason);
  }
} catch (error) {
  fail(error);
}

function fail(error) {
  console.error(`fetch-test-assets: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/** Directory name of an asset (the same layout as test/support/test-assets.ts). */
function folderOf(asset) {
  return `${asset.name.replace('/', '+')}@${asset.version}`;
}

/** Fetches one asset unless present; returns the line to print. */
async function fetchAsset(dir, asset) {
  const id = `${asset.name}@${asset.version}`;
  if ((asset.os && asset.os !== process.platform) || (asset.cpu && asset.cpu !== process.arch)) {
    return `${id}: skipped, only for ${asset.os ?? 'any os'} ${asset.cpu ?? ''} (the tests that need it skip with a message)`;
  }
  const target = join(dir, folderOf(asset));
  if (isPresent(target, asset)) return `${id}: already present, ${sizeOf(target, asset)}`;

  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(dir, `.tmp-${process.pid}-`));
  try {
    const tarball = await pack(asset, work);
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== asset.integrity) {
      throw new Error(
        `${id}: the tarball's integrity is ${actual} but ${relative(manifestPath)} pins ${asset.integrity}; refusing it (nothing extracted)`,
      );
    }
    const out = join(work, 'files');
    mkdirSync(out);
    const members = asset.files.map((f) => `package/${f}`);
    const tarArgs = ['-xzf', tarball, '-C', out, '--strip-components=1', ...stopEarly()];
    await run('tar', [...tarArgs, ...members]).catch((error) => {
      throw new Error(
        `${id}: tar could not extract ${asset.files.join(', ')} (see ${relative(manifestPath)}): ${String(error.stderr || error.message).trim()}`,
        { cause: error },
      );
    });
    rmSync(tarball);
    for (const file of asset.files) {
      if (!statSync(join(out, file), { throwIfNoEntry: false })?.isFile())
        throw new Error(
          `${id}: ${file} is not a file in the package (see ${relative(manifestPath)})`,
        );
    }
    const { name, version, integrity, files } = asset;
    writeFileSync(join(out, STAMP), `${JSON.stringify({ name, version, integrity, files })}\n`);
    const how = moveIntoPlace(out, target, asset, dir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${id}: ${how}, ${sizeOf(target, asset)} in ${seconds} s`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when `target` holds every listed file and a stamp for this exact pin. */
function isPresent(target, asset) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(target, STAMP), 'utf8'));
  } catch {
    return false;
  }
  return (
    stamp.integrity === asset.integrity &&
    JSON.stringify(stamp.files) === JSON.stringify(asset.files) &&
    asset.files.every((f) => existsSync(join(target, f)))
  );
}

/** Renames the finished `out` to `target`; a concurrent run may have done it first. */
function moveIntoPlace(out, target, asset, dir) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      renameSync(out, target);
      return 'fetched';
    } catch (error) {
      if (!['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES'].includes(error?.code)) throw error;
    }
    if (isPresent(target, asset)) return 'already present (fetched by a concurrent install)';
    // Something without a matching stamp is in the way: move it aside in one step, then remove it.
    const aside = mkdtempSync(join(dir, `.tmp-${process.pid}-`));
    try {
      renameSync(target, join(aside, 'stale'));
    } catch (error) {
      if (error?.code !== 'ENOENT') throw error;
    } finally {
      rmSync(aside, { recursive: true, force: true });
    }
  }
  throw new Error(`${asset.name}@${asset.version}: could not move it into ${target}`);
}

/** Runs `npm pack NAME@VERSION` into `dest` (npm's cache and configured registry); the tarball's path. */
async function pack(asset, dest) {
  const execPath = process.env['npm_execpath'];
  const viaNode = execPath !== undefined && /npm-cli\.[cm]?js$/.test(execPath);
  const args = [
    'pack',
    `${asset.name}@${asset.version}`,
    '--pack-destination',
    dest,
    '--json',
    '--ignore-scripts',
    '--prefer-offline',
    '--loglevel=error',
  ];
  let stdout;
  try {
    ({ stdout } = await run(
      viaNode ? process.execPath : 'npm',
      viaNode ? [execPath, ...args] : args,
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        shell: !viaNode && process.platform === 'win32',
      },
    ));
  } catch (error) {
    throw new Error(
      `${asset.name}@${asset.version}: npm pack failed: ${String(error.stderr || error.message).trim()}`,
      { cause: error },
    );
  }
  const [result] = JSON.parse(stdout);
  return join(dest, basename(result.filename));
}

/** tar's option to stop reading once every member asked for is out (not the whole archive). */
function stopEarly() {
  if (earlyStop === undefined) {
    let version = '';
    try {
      version = execFileSync('tar', ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // No `tar --version`: extract without the option (the tar step reports a missing tar).
    }
    earlyStop = /GNU tar/.test(version)
      ? ['--occurrence=1']
      : /bsdtar/.test(version)
        ? ['--fast-read']
        : [];
  }
  return earlyStop;
}

/** Removes what killed runs left (`.tmp-<pid>-*` of a process that is gone) and unpinned versions. */
function removeLeftovers(dir, assets) {
  if (!existsSync(dir)) return;
  const pinned = new Set(assets.map(folderOf));
  for (const entry of readdirSync(dir)) {
    const tmp = /^\.tmp-(\d+)-/.exec(entry);
    const stale = tmp
      ? !isAlive(Number(tmp[1]))
      : !pinned.has(entry) && existsSync(join(dir, entry, STAMP));
    if (stale) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

function sizeOf(target, asset) {
  const bytes = asset.files.reduce((n, f) => n + statSync(join(target, f)).size, 0);
  return `${(bytes / 1024 / 1024).toFixed(1)} MB (${asset.files.join(', ')})`;
}

function relative(path) {
  return path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path;
}
