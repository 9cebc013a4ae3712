// Reading bounds: time, peak RSS and the main thread's longest stall for the largest accepted
// inputs, a 5 MB file, and the pathological shapes micromark is super-linear on. Each shape runs
// in its own process (`npx tsx bench/read-bounds.ts`; `--shape NAME` runs one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../src/core/config/schema.js';
import { readLimits } from '../src/core/read/read-limits.js';
import { lintInWorker, parseInWorker } from '../src/io/parse-in-worker.js';
import { createParsePool } from '../src/io/parse-pool.js';
import { readPostmortemBytes } from '../src/io/read-postmortem-file.js';

const MB = 1_000_000;
const fill = (unit: string, size: number) => unit.repeat(Math.floor(size / unit.length));
const wrap = (text: string) => text.replace(/(.{400})/g, '$1\n');
const head = '# Incident\n\n**Date:** 2026-02-10\n**Severity:** SEV2\n\n## Summary\n\n';
const SHAPES: Record<string, () => string> = {
  'small post-mortem (1 KB)': () =>
    `${head}It broke.\n\n## Action items\n\n- [ ] Add a canary (@alice, due 2026-03-01)\n`,
  'prose, 0.99 MB': () =>
    head + wrap(fill('The cache evicted keys faster than expected. ', 0.985 * MB)),
  'action-item lines, 1 MB': () =>
    `${head}## Action items\n\n${fill('- [ ] Rotate the token (@alice, due 2026-03-01)\n', MB - 200)}`,
  '5 MB file': () => head + fill('All good here. ', 5 * MB),
  'nested list markers, one 24 KB line': () => `${head}${'- '.repeat(12_000)}x\n`,
  '`<!--` × 25,000 on one line': () => `${head}${'<!--'.repeat(25_000)}\n`,
  '`<!--` in prose, 105 KB': () => head + 'a <!--\n'.repeat(15_000),
  '`](` × 50,000 on one line': () => `${head}${']('.repeat(50_000)}\n`,
  '`](` in prose, 100 KB': () => head + 'x ](\n'.repeat(20_000),
  '`] ` × 50,000 on one line': () => `${head}${'] '.repeat(50_000)}\n`,
  '`] ` lines, 100 KB': () => head + '] \n'.repeat(33_000),
};

async function measure(name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pmt-bounds-'));
  const text = SHAPES[name]!();
  writeFileSync(join(dir, 'pm.md'), text);
  const pool = createParsePool({ size: 1 });
  await parseInWorker('# warm\n', 'warm.md', {}, pool); // worker start-up is not measured
  const baseline = process.memoryUsage().rss / 1e6;
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const read = await readPostmortemBytes(dir, 'pm.md', readLimits());
  const result = read.ok
    ? await lintInWorker(read.text, 'pm.md', defaultConfig, pool)
    : { postmortem: read.postmortem, diagnostics: read.postmortem.diagnostics };
  const ms = performance.now() - started;
  clearInterval(timer);
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
  const limit = result.diagnostics.find((d) =>
    ['file-too-large', 'file-too-complex', 'too-many-action-items', 'file-unreadable'].includes(
      d.rule,
    ),
  );
  const outcome = limit ? limit.rule : 'accepted';
  const peak = process.resourceUsage().maxRSS / 1024;
  return `| ${name} | ${(Buffer.byteLength(text) / 1000).toFixed(0)} KB | ${outcome} | ${ms.toFixed(0)} ms | ${peak.toFixed(0)} MB (${baseline.toFixed(0)} MB before) | ${stall.toFixed(0)} ms |`;
}

const i = process.argv.indexOf('--shape');
if (i !== -1) {
  console.log(await measure(process.argv[i + 1]!));
} else {
  const rows = [
    '| Input | Size | Outcome | Time to result | Peak RSS of the process | Longest main-thread stall |',
    '|---|---|---|---|---|---|',
  ];
  for (const name of Object.keys(SHAPES)) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--shape', name],
      { encoding: 'utf8' },
    );
    rows.push(
      child.stdout.trim() ||
        `| ${name} | | failed: ${child.stderr.trim().split('\n').at(-1)} | | | |`,
    );
  }
  console.log(rows.join('\n'));
}
