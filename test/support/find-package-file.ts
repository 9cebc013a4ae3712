/** Locates a file inside an installed package without going through its `exports` map. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of `relative` inside the nearest `node_modules/<pkg>` above this file (or cwd). */
export function findPackageFile(pkg: string, relative: string): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, 'node_modules', pkg, relative);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`stand-in: cannot find ${pkg}/${relative}; is ${pkg} installed?`);
}
