import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildBenchBundle, ROOT } from './bench-bundle.js';

/** Bytes under `path` (files only, links not followed). */
function bytesUnder(path: string): number {
  let total = 0;
  const stack = [path];
  while (stack.length > 0) {
    const p = stack.pop()!;
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    if (st === undefined) continue;
    if (st.isDirectory()) for (const e of readdirSync(p)) stack.push(join(p, e));
    else if (st.isFile()) total += st.size;
  }
  return total;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Sizes: the bundles, the packed package, its runtime dependencies, and a contributor's install. */
export async function bench(): Promise<string> {
  const bundle = buildBenchBundle();
  const dist = join(bundle.dir, 'dist');
  const entry = staticClosure(join(dist, 'index.js'));
  const action = statSync(join(dist, 'index.js')).size + bytesUnder(join(dist, 'action'));
  const cli = bytesUnder(join(dist, 'cli'));
  rmSync(bundle.dir, { recursive: true, force: true });

  const packed = (
    JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString(),
    ) as { size: number; unpackedSize: number; entryCount: number }[]
  )[0]!;

  // What `npm install -g` of the package brings: the lockfile's non-dev packages, as installed here.
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; optional?: boolean }>;
  };
  const runtime = Object.entries(lock.packages).filter(
    ([path, p]) => path.startsWith('node_modules/') && p.dev !== true,
  );
  const runtimeBytes = runtime.reduce(
    (n, [path]) => n + bytesUnder(join(ROOT, path)) - nestedBytes(join(ROOT, path)),
    0,
  );
  // A contributor's install as CI checks it: node_modules with the test assets fetched under it.
  const footprint = JSON.parse(
    execFileSync(process.execPath, [
      join(ROOT, 'scripts', 'check-footprint.mjs'),
      '--json',
    ]).toString(),
  ) as {
    bytes: number;
    assetBytes: number;
    budgetBytes: number;
    largest: { name: string; bytes: number }[];
  };

  return `## Sizes

| what | size | target |
| --- | ---: | ---: |
| the Action: \`dist/index.js\` and its mode chunks \`dist/action/\` (minified, fresh build) | ${mb(action)} | ≤ 1.5 MB: ${action <= 1.5 * 1024 * 1024 ? 'met' : 'missed'} |
| of which loaded before the first request (\`dist/index.js\` and what it imports statically) | ${mb(entry)} | |
| CLI \`dist/cli/\` (split per command) | ${mb(cli)} | |
| packed package (\`npm pack\`): tarball / unpacked, ${packed.entryCount} files | ${mb(packed.size)} / ${mb(packed.unpackedSize)} | ≤ 5 MB unpacked: ${packed.unpackedSize <= 5 * 1024 * 1024 ? 'met' : 'missed'} |
| its runtime dependencies (${runtime.length} packages in the lockfile, not dev) | ${mb(runtimeBytes)} | |
| a contributor's \`npm ci\` (all of node_modules, with ${mb(footprint.assetBytes)} of test assets) | ${mb(footprint.bytes)} | ≤ ${mb(footprint.budgetBytes)} (\`scripts/check-footprint.mjs\`): ${footprint.bytes <= footprint.budgetBytes ? 'met' : 'missed'} |

Largest in a contributor's install: ${footprint.largest.map((t) => `${t.name} ${mb(t.bytes)}`).join(', ')}.
`;
}

/** Bytes of `file` and of every chunk it imports statically, transitively (what loads with it). */
function staticClosure(file: string): number {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      visit(join(dirname(path), m[1]!));
  };
  visit(file);
  return [...seen].reduce((n, p) => n + statSync(p).size, 0);
}

/** Bytes of packages nested under `path/node_modules` (counted as packages of their own). */
function nestedBytes(path: string): number {
  return bytesUnder(join(path, 'node_modules'));
}
