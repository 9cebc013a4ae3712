// Bundles the Action (src/action/index.ts) into dist/index.js: one deterministic ESM file for Node.
// CI rebuilds it and diffs dist/ against the committed copy, so the output must not vary between runs.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

await mkdir(dist, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/action/index.ts'],
  outfile: 'dist/index.js',
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
await writeFile(join(dist, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
