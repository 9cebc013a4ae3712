#!/usr/bin/env node
// The CLI runs from its bundle (dist/cli/, built by `npm run bundle`, committed and packed); a clone
// that has not bundled it yet runs tsc's output (lib/, built by `npm install`).
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/cli/main.js', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../lib/src/cli/main.js');

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
