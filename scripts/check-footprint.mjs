// Measures a contributor's install (all of node_modules, with the test assets under it) and fails
// above the budget, so the install does not grow unnoticed. Run by .ci/run right after `npm ci`.
//
// Options: --budget-mb N (instead of BUDGET_MB), --root DIR (the checkout to measure),
// --json (print the figures as JSON and never fail; the bench reads them).
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The budget, in MiB of file contents: about 10% above the install measured when it was set. */
const BUDGET_MB = 485;

const { values } = parseArgs({
  options: {
    'budget-mb': { type: 'string' },
    root: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const budgetMb = values['budget-mb'] === undefined ? BUDGET_MB : Number(values['budget-mb']);
if (!Number.isFinite(budgetMb) || budgetMb <= 0) {
  console.error(
    `check-footprint: --budget-mb must be a positive number of MB, got "${values['budget-mb']}"`,
  );
  process.exit(2);
}

const modules = join(root, 'node_modules');
if (!existsSync(modules)) {
  console.error(`check-footprint: no ${modules}: run \`npm ci\` first`);
  process.exit(2);
}
const bytes = bytesUnder(modules);
const assets = testAssetsDir(root);
const parts = [
  ...packagesIn(modules).map((name) => ({ name, bytes: bytesUnder(join(modules, name)) })),
  ...(assets && existsSync(assets) ? readdirSync(assets) : [])
    .filter((e) => !e.startsWith('.'))
    .map((e) => ({
      name: `${e.replace('+', '/')} (test asset)`,
      bytes: bytesUnder(join(assets, e)),
    })),
].sort((a, b) => b.bytes - a.bytes);
const assetBytes = parts
  .filter((p) => p.name.endsWith('(test asset)'))
  .reduce((n, p) => n + p.bytes, 0);

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const largest = parts
  .slice(0, 6)
  .map((p) => `${p.name} ${mb(p.bytes)}`)
  .join(', ');
const budgetBytes = budgetMb * 1024 * 1024;

if (values.json) {
  console.log(JSON.stringify({ bytes, assetBytes, budgetBytes, largest: parts.slice(0, 6) }));
} else if (bytes > budgetBytes) {
  console.error(
    `check-footprint: a contributor's install is ${mb(bytes)} (node_modules, of which test assets ${mb(assetBytes)}), ` +
      `over the budget of ${budgetMb} MB (${values['budget-mb'] === undefined ? 'BUDGET_MB in scripts/check-footprint.mjs' : '--budget-mb'}). Largest: ${largest}. ` +
      'Keep large files the tests read out of devDependencies (test/assets.json), or raise the budget and say why in the commit.',
  );
  process.exitCode = 1;
} else {
  console.log(
    `contributor install: ${mb(bytes)} (node_modules, of which test assets ${mb(assetBytes)}), budget ${budgetMb} MB. Largest: ${largest}.`,
  );
}

/** Bytes of the files under `path` (links not followed). */
function bytesUnder(path) {
  let total = 0;
  const stack = [path];
  while (stack.length > 0) {
    const p = stack.pop();
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) for (const e of readdirSync(p)) stack.push(join(p, e));
    else if (st.isFile()) total += st.size;
  }
  return total;
}

/** Top-level package names in node_modules (scopes expanded; `.bin`, `.cache` and the like left out). */
function packagesIn(dir) {
  return readdirSync(dir)
    .filter((e) => !e.startsWith('.'))
    .flatMap((e) => (e.startsWith('@') ? readdirSync(join(dir, e)).map((s) => `${e}/${s}`) : [e]));
}

/** The test assets' directory from test/assets.json, if the checkout has one. */
function testAssetsDir(checkout) {
  const manifest = join(checkout, 'test', 'assets.json');
  if (!existsSync(manifest)) return undefined;
  return join(checkout, JSON.parse(readFileSync(manifest, 'utf8')).dir);
}
