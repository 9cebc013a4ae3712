// Bundles the Action and the CLI into dist/: deterministic, minified ESM files for Node.
//   dist/index.js, dist/action/*.js        the Action (action.yml runs dist/index.js), one chunk per mode
//   dist/cli/main.js, dist/cli/*.js        the CLI (bin/postmortem-tracker.js), one chunk per command
//                                          plus shared chunks
// CI rebuilds it and diffs dist/ against the committed copy, so the output must not vary between runs.
import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BUNDLE_OUTDIR builds elsewhere (tests build a fresh bundle into a temporary folder).
const dist = process.env.BUNDLE_OUTDIR ? resolve(process.env.BUNDLE_OUTDIR) : join(root, 'dist');

/** Options every bundle shares: minified (a third of the size, faster to compile) and reproducible. */
/**
 * zod's `z` namespace re-exports every locale (`z.locales`, 260 KB minified) though only English,
 * the default, is ever used: the namespace keeps them all in a bundle. This gives zod a locales
 * module that holds English alone; anything else asked of `z.locales` is a build error, not a
 * silent fallback.
 */
const englishZodLocales = {
  name: 'english-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? {
            // Relative to the root: esbuild names chunks by a hash that includes this path, so an
            // absolute one would make the bundle depend on where the checkout lives.
            path: relative(root, join(dirname(args.importer), '..', 'locales', 'en.js')),
            namespace: 'zod-en',
          }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => {
      const file = join(root, args.path);
      return {
        contents: `export { default as en } from ${JSON.stringify('./' + basename(file))};`,
        resolveDir: dirname(file),
        loader: 'js',
      };
    });
  },
};

/**
 * @actions/core imports its OIDC client (and through it @actions/http-client, undici and tunnel)
 * for `getIDToken`, which we never call; undici alone costs ~40 ms of the Action's start-up to
 * evaluate. Marked free of side effects, the unused import is dropped with everything behind it.
 */
const unusedActionsOidc = {
  name: 'unused-actions-oidc',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      if (!/[\\/]node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer)) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.BUNDLE_MINIFY !== '0',
  // Keep class and function names: error messages and stacks stay readable.
  keepNames: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  metafile: false,
  plugins: [englishZodLocales, unusedActionsOidc],
  // Renamed import: a bundled module also imports `createRequire` at top level.
  banner: {
    js: "import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);",
  },
};

await mkdir(dist, { recursive: true });
// The Action: dist/index.js (action.yml runs it) and one chunk per mode under dist/action/, so a
// run compiles only its mode's code (src/action/run.ts imports each mode with a dynamic import).
// Files are parsed on the Action's own thread (src/io/create-in-process-parser.ts): no worker file.
await rm(join(dist, 'action'), { recursive: true, force: true });
await rm(join(dist, 'parse-worker.js'), { force: true });
const action = await build({
  ...common,
  entryPoints: { index: 'src/action/index.ts' },
  outdir: dist,
  splitting: true,
  chunkNames: 'action/chunk-[hash]',
  metafile: Boolean(process.env.BUNDLE_METAFILE),
});
if (action.errors.length > 0) process.exit(1);
// BUNDLE_METAFILE=FILE writes esbuild's account of the Action's chunks (what each holds, and why).
if (process.env.BUNDLE_METAFILE)
  await writeFile(process.env.BUNDLE_METAFILE, JSON.stringify(action.metafile));

// The CLI: split, so that `lint` loads its own chunk and never the GitHub, date or dashboard code
// of the other commands (main.ts imports each command with a dynamic import).
const cli = join(dist, 'cli');
await rm(cli, { recursive: true, force: true });
const result = await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: cli,
  splitting: true,
  chunkNames: 'chunk-[hash]',
});
if (result.errors.length > 0) process.exit(1);

// The Action runs without node_modules: its dashboard (digest mode, `report-dir`) inlines uPlot
// from a copy beside dist/index.js (src/io/read-uplot-assets.ts looks there second).
const uplot = join(dist, 'uplot');
await mkdir(uplot, { recursive: true });
for (const file of ['uPlot.iife.min.js', 'uPlot.min.css'])
  await copyFile(join(root, 'node_modules', 'uplot', 'dist', file), join(uplot, file));

await writeFile(join(dist, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
