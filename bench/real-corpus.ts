import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultConfig } from '../src/core/config/schema.js';
import { lintText } from '../src/core/lint/lint-text.js';
import { buildBenchBundle, REAL_CORPUS, ROOT } from './bench-bundle.js';
import { loadNote, measureProcess, median, type ProcessCost } from './measure-process.js';

/** Copies the real corpus into `dir/postmortems` until it holds at least `count` files (copies renamed). */
function corpusOf(count: number, names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `pmt-bench-real-${count}-`));
  mkdirSync(join(dir, 'postmortems'));
  for (let copy = 0, n = 0; n < count; copy++)
    for (const name of names) {
      if (n++ >= count) break;
      copyFileSync(join(REAL_CORPUS, name), join(dir, 'postmortems', `c${copy}-${name}`));
    }
  return dir;
}

interface Pair {
  docs: number;
  bare: ProcessCost[];
  lint: ProcessCost[];
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Per file, in this process: the lowest of 3 CPU timings of lintText against the bare parse. */
function perFile(
  names: readonly string[],
): { name: string; kb: number; bare: number; ours: number }[] {
  const bare = unified().use(remarkParse).use(remarkGfm).freeze();
  const rows = names.map((name) => ({ name, text: readFileSync(join(REAL_CORPUS, name), 'utf8') }));
  for (const r of rows) lintText(r.text, 'postmortems/x.md', defaultConfig); // warm-up
  return rows.map(({ name, text }) => {
    let b = Infinity;
    let o = Infinity;
    for (let i = 0; i < 3; i++) {
      let t = cpuMs();
      bare.parse(text);
      b = Math.min(b, cpuMs() - t);
      t = cpuMs();
      lintText(text, 'postmortems/x.md', defaultConfig);
      o = Math.min(o, cpuMs() - t);
    }
    return { name, kb: text.length / 1024, bare: b, ours: o };
  });
}

/** `lint` of 1,000 and 10,000 real post-mortems against a bare parse of the same files, whole process. */
export async function bench(): Promise<string> {
  if (!existsSync(REAL_CORPUS))
    return `## Real corpus\n\nNot run: no real corpus at ${REAL_CORPUS} (set PMT_REAL_CORPUS).\n`;
  const names = readdirSync(REAL_CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const bundle = buildBenchBundle();
  const node = process.execPath;
  const sizes = process.env['BENCH_QUICK'] ? [1_000] : [1_000, 10_000];
  const pairs: Pair[] = [];
  for (const docs of sizes) {
    const dir = corpusOf(docs, names);
    const pair: Pair = { docs, bare: [], lint: [] };
    const rounds = docs <= 1_000 ? 3 : 1;
    for (let i = 0; i < rounds; i++) {
      pair.bare.push(
        await measureProcess(node, [join(ROOT, 'bench', 'bare-parse.mjs'), 'postmortems'], dir),
      );
      const l = await measureProcess(
        node,
        [bundle.cli, 'lint', 'postmortems', '--format', 'json'],
        dir,
      );
      if (l.code !== 0 && l.code !== 1)
        throw new Error(`lint failed (exit ${l.code}): ${l.stderr}`);
      pair.lint.push(l);
    }
    pairs.push(pair);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(bundle.dir, { recursive: true, force: true });

  const m = (runs: ProcessCost[], k: keyof ProcessCost): number =>
    median(runs.map((r) => r[k] as number));
  const rows = pairs.map((p) => {
    const cpu = m(p.lint, 'cpuMs') / m(p.bare, 'cpuMs');
    const wall = m(p.lint, 'wallMs') / m(p.bare, 'wallMs');
    const rss = m(p.lint, 'rssMb') / m(p.bare, 'rssMb');
    return {
      p,
      cpu,
      wall,
      rss,
      line: `| ${p.docs.toLocaleString('en-US')} | ${p.bare.length} | ${(m(p.bare, 'cpuMs') / 1000).toFixed(1)} s | ${(m(p.lint, 'cpuMs') / 1000).toFixed(1)} s | **${cpu.toFixed(2)}×** | ${wall.toFixed(2)}× | ${m(p.bare, 'rssMb').toFixed(0)} MB | ${m(p.lint, 'rssMb').toFixed(0)} MB | **${rss.toFixed(2)}×** |`,
    };
  });
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const throughput = (p: Pair): number => p.docs / m(p.lint, 'cpuMs');
  const scaling = throughput(last.p) / throughput(first.p);

  const files = perFile(names);
  const over = files
    .filter((f) => f.ours > 2 * f.bare)
    .sort((a, b) => b.ours / b.bare - a.ours / a.bare);
  const worst = over
    .slice(0, 5)
    .map(
      (f) =>
        `| ${f.name.length > 60 ? `${f.name.slice(0, 57)}…` : f.name} | ${f.kb.toFixed(1)} KB | ${f.bare.toFixed(1)} ms | ${f.ours.toFixed(1)} ms | ${(f.ours / f.bare).toFixed(1)}× |`,
    );
  const total = files.reduce((a, f) => ({ bare: a.bare + f.bare, ours: a.ours + f.ours }), {
    bare: 0,
    ours: 0,
  });

  return `## Real corpus (whole process)

${names.length} real post-mortems from public repositories (${REAL_CORPUS.replace(ROOT, '.')}), copied
into a temporary folder until it holds 1,000 and 10,000 files. Bare: \`bench/bare-parse.mjs\` (read and
\`unified().use(remarkParse).use(remarkGfm).parse\` each file); ours: the freshly bundled CLI,
\`postmortem-tracker lint postmortems --format json\`. Interleaved, medians; CPU is the whole process
(every thread); ${loadNote()} at the end.

| docs | runs | bare CPU | lint CPU | CPU vs bare (≤ 1.3×) | wall vs bare | bare peak RSS | lint peak RSS | RSS vs bare (≤ 2×) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.map((r) => r.line).join('\n')}

CPU target ≤ 1.3×: ${rows.every((r) => r.cpu <= 1.3) ? 'met' : `missed (${rows.map((r) => `${r.cpu.toFixed(2)}×`).join(', ')})`}.
Memory target ≤ 2×: ${rows.every((r) => r.rss <= 2) ? 'met' : 'missed'}.
${rows.length > 1 ? `Linearity: lint throughput at ${last.p.docs.toLocaleString('en-US')} is ${scaling.toFixed(2)}× that at ${first.p.docs.toLocaleString('en-US')} (target within 10%: ${Math.abs(1 - scaling) <= 0.1 ? 'met' : 'missed'}).` : 'Linearity: not measured (BENCH_QUICK).'}

### Per file (in process)

\`lintText\` (parse with front matter, extract, every rule) against the bare parse of each real file, the
lowest of 3 CPU timings each: ${(total.ours / total.bare).toFixed(2)}× over the corpus; ${over.length} of
${files.length} files take more than 2× their bare parse (target: none).${
    worst.length > 0
      ? `

| file | size | bare | lintText | ratio |
| --- | ---: | ---: | ---: | ---: |
${worst.join('\n')}`
      : ''
  }
`;
}
