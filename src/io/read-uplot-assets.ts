import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** uPlot's browser build and style sheet, to inline into the dashboard; empty when not found. */
export interface UplotAssets {
  uplotJs: string;
  uplotCss: string;
}

const FILES = { js: 'uPlot.iife.min.js', css: 'uPlot.min.css' } as const;

/**
 * Reads uPlot from the installed `uplot` package, else from a `uplot/` folder beside this module
 * (where the Action's bundle keeps a copy, as it runs without node_modules). Null when neither
 * exists: the page then has its tables only, which hold every figure.
 */
export async function readUplotAssets(): Promise<UplotAssets | null> {
  const candidates: Array<() => { js: string; css: string }> = [
    () => {
      const require = createRequire(import.meta.url);
      return {
        js: require.resolve(`uplot/dist/${FILES.js}`),
        css: require.resolve(`uplot/dist/${FILES.css}`),
      };
    },
    () => ({
      js: fileURLToPath(new URL(`./uplot/${FILES.js}`, import.meta.url)),
      css: fileURLToPath(new URL(`./uplot/${FILES.css}`, import.meta.url)),
    }),
  ];
  for (const locate of candidates) {
    try {
      const { js, css } = locate();
      const [uplotJs, uplotCss] = await Promise.all([readFile(js, 'utf8'), readFile(css, 'utf8')]);
      return { uplotJs, uplotCss };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'MODULE_NOT_FOUND' && code !== 'ENOENT') throw error;
    }
  }
  return null;
}
