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
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/** The CPU milliseconds of one call of `work`, from `reps` calls in a row. */
function cpuPerCall(work: () => unknown, reps: number): number {
  const t = cpuMs();
  for (let i = 0; i < reps; i++) work();
  return (cpuMs() - t) / reps;
}

/** The middle value (upper middle of an even count). */
function middle(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Per file, in this process: CPU time of lintText against the bare parse, both warmed up over the
 * whole corpus first, then 9 interleaved pairs (bare, then ours) of enough calls in a row to take
 * 20 ms or more. A file's ratio is the median of its 9 pairs' ratios, so a collection or a busy
 * neighbour in one sample (which once made a 2 ms file look 2.7× with the lowest of 7 samples
 * each) moves neither way.
 */
function perFile(
  names: readonly string[],
): { name: string; kb: number; bare: number; ours: number; ratio: number }[] {
  const bare = unified().use(remarkParse).use(remarkGfm).freeze();
  const rows = names.map((name) => ({ name, text: readFileSync(join(REAL_CORPUS, name), 'utf8') }));
  const ours = (text: string) => lintText(text, 'postmortems/x.md', defaultConfig);
  for (let i = 0; i < 3; i++)
    for (const r of rows) {
      bare.parse(r.text);
      ours(r.text);
    }
  return rows.map(({ name, text }) => {
    const once = cpuPerCall(() => bare.parse(text), 3);
    const reps = Math.max(1, Math.ceil(20 / Math.max(once, 0.05)));
    const b: number[] = [];
    const o: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < 9; i++) {
      b.push(cpuPerCall(() => bare.parse(text), reps));
      o.push(cpuPerCall(() => ours(text), reps));
      ratios.push(o[i]! / b[i]!);
    }
    return {
      name,
      kb: text.length / 1024,
      bare: middle(b),
      ours: middle(o),
      ratio: middle(ratios),
    };
  });
}

/**
 * The heap the parsed post-mortems of the whole corpus keep (model and findings: what a run over
 * many files holds per file), against the corpus's size; collections forced around it.
 */
function keptPerByte(names: readonly string[]): { kept: number; size: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const texts = names.map((name) => readFileSync(join(REAL_CORPUS, name), 'utf8'));
  const size = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = texts.map((t) => lintText(t, 'postmortems/x.md', defaultConfig));
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== texts.length) throw new Error('unreachable: keeps the results alive');
  return { kept: after - before, size };
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
    const rounds = docs <= 1_000 ? 3 : 2;
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
  const bareScaling =
    last.p.docs / m(last.p.bare, 'cpuMs') / (first.p.docs / m(first.p.bare, 'cpuMs'));

  const files = perFile(names);
  const byRatio = [...files].sort((a, b) => b.ratio - a.ratio);
  const over = byRatio.filter((f) => f.ratio > 2);
  const worst = byRatio
    .slice(0, 5)
    .map(
      (f) =>
        `| ${f.name.length > 60 ? `${f.name.slice(0, 57)}…` : f.name} | ${f.kb.toFixed(1)} KB | ${f.bare.toFixed(2)} ms | ${f.ours.toFixed(2)} ms | ${f.ratio.toFixed(2)}× |`,
    );
  const total = files.reduce((a, f) => ({ bare: a.bare + f.bare, ours: a.ours + f.ours }), {
    bare: 0,
    ours: 0,
  });
  const memory = keptPerByte(names);

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
${rows.length > 1 ? `Linearity: lint throughput (docs per CPU-second) at ${last.p.docs.toLocaleString('en-US')} is ${scaling.toFixed(2)}× that at ${first.p.docs.toLocaleString('en-US')}; the bare parse's is ${bareScaling.toFixed(2)}× (target: not more than 10% lower: ${scaling >= 0.9 ? 'met' : 'missed'}).` : 'Linearity: not measured (BENCH_QUICK).'}

### Per file (in process)

\`lintText\` (parse with front matter, extract, every rule) against the bare parse of each real file, CPU
time, 9 interleaved pairs of at least 20 ms each, a file's ratio the median of its pairs': ${(total.ours / total.bare).toFixed(2)}× over
the corpus; ${over.length} of ${files.length} files take more than 2× their bare parse (target: none: ${over.length === 0 ? 'met' : 'missed'}); the highest
ratio is ${byRatio[0]!.ratio.toFixed(2)}×. The five highest:

| file | size | bare | lintText | ratio |
| --- | ---: | ---: | ---: | ---: |
${worst.join('\n')}

Memory per file: the parsed post-mortems of all ${files.length} files, kept (model and findings, heap measured with
collections forced), take ${(memory.kept / 1e6).toFixed(1)} MB for ${(memory.size / 1e6).toFixed(1)} MB of text: **${(memory.kept / memory.size).toFixed(1)}×** (target ≤ 20×). While one file
parses, remark's tree and micromark's events take much more, bare or ours (next section).
`;
}
