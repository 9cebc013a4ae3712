// Bundles the Action (src/action/index.ts) into dist/index.js and its parse worker into
// dist/parse-worker.js: deterministic ESM files for Node.
// CI rebuilds it and diffs dist/ against the committed copy, so the output must not vary between runs.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BUNDLE_OUTDIR builds elsewhere (tests build a fresh bundle into a temporary folder).
const dist = process.env.BUNDLE_OUTDIR ? resolve(process.env.BUNDLE_OUTDIR) : join(root, 'dist');

await mkdir(dist, { recursive: true });
// Two entry points, two self-contained files: the Action, and the parse worker it starts next to
// itself (`new URL('./parse-worker.js', import.meta.url)` in src/io/parse-pool.ts).
const entries = [
  ['src/action/index.ts', join(dist, 'index.js')],
  ['src/io/parse-worker.ts', join(dist, 'parse-worker.js')],
];
for (const [entry, outfile] of entries) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    metafile: false,
    // Renamed import: a bundled module also imports `createRequire` at top level.
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);",
    },
  });
  if (result.errors.length > 0) process.exit(1);
}
await writeFile(join(dist, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
