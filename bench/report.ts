import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../src/cli/main.js';
import { configSchema } from '../src/core/config/schema.js';
import { parsePostmortem } from '../src/core/markdown/parse-postmortem.js';
import { buildReport, renderReport } from '../src/core/report/index.js';
import { generatePostmortems } from './generate-postmortems.js';

const COUNT = 500;
const NOW = '2026-11-26';

/** Dashboard for 500 generated post-mortems: page size, core build time and the whole CLI run. */
export async function bench(): Promise<string> {
  const docs = generatePostmortems(COUNT, 12);
  const dir = mkdtempSync(join(tmpdir(), 'pmt-bench-report-'));
  try {
    mkdirSync(join(dir, 'postmortems'));
    docs.forEach((text, i) =>
      writeFileSync(join(dir, 'postmortems', `pm-${String(i).padStart(3, '0')}.md`), text),
    );
    const postmortems = docs.map((text, i) => parsePostmortem(text, `postmortems/pm-${i}.md`));
    const config = configSchema.parse({});
    const assets = {
      uplotJs: 'x'.repeat(51_081),
      uplotCss: '',
      repoUrl: null,
      defaultBranch: 'main',
    };
    const now = new Date(`${NOW}T12:00:00Z`);
    renderReport(buildReport({ postmortems, issues: [], config, now }), assets); // warm-up
    const t0 = performance.now();
    const data = buildReport({ postmortems, issues: [], config, now });
    const t1 = performance.now();
    renderReport(data, assets);
    const t2 = performance.now();

    let stderr = '';
    const c0 = performance.now();
    const code = await main(['report', 'postmortems', '--out', 'site', '--now', NOW], {
      cwd: dir,
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
    });
    const c1 = performance.now();
    if (code !== 0) throw new Error(`report exited ${code}: ${stderr}`);
    const file = join(dir, 'site', 'index.html');
    const bytes = statSync(file).size;
    const items = data.incidents.reduce((n, i) => n + i.items.length, 0);
    const gz = (await import('node:zlib')).gzipSync(readFileSync(file)).length;
    return `## report

Dashboard of ${COUNT} generated post-mortems (${items} action items), \`postmortem-tracker report --now ${NOW}\`:

| Measure | Value |
| --- | --- |
| index.html size | ${(bytes / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped), uPlot included |
| buildReport (digest analysis + items + series + breakdowns) | ${(t1 - t0).toFixed(0)} ms |
| renderReport (HTML string) | ${(t2 - t1).toFixed(0)} ms |
| whole CLI run (find, read, parse in the worker pool, build, render, write) | ${(c1 - c0).toFixed(0)} ms |
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
