import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultConfig } from '../src/core/config/schema.js';
import { lintText } from '../src/core/lint/lint-text.js';
import { generatePostmortems } from './generate-postmortems.js';

interface Run {
  docs: number;
  bareDocsPerSec: number;
  oursDocsPerSec: number;
  rssMb: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** CPU milliseconds (user + system) of this process so far: steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Docs per CPU-second of `a` and `b` over the same docs, interleaved in blocks of 50 so that
 * load from other processes and GC drift hit both sides alike.
 */
function interleaved(
  docs: readonly string[],
  a: (text: string, i: number) => unknown,
  b: (text: string, i: number) => unknown,
): [number, number] {
  let msA = 0;
  let msB = 0;
  gc();
  for (let start = 0; start < docs.length; start += 50) {
    const end = Math.min(docs.length, start + 50);
    let t = cpuMs();
    for (let i = start; i < end; i++) a(docs[i] as string, i);
    msA += cpuMs() - t;
    t = cpuMs();
    for (let i = start; i < end; i++) b(docs[i] as string, i);
    msB += cpuMs() - t;
  }
  return [docs.length / (msA / 1000), docs.length / (msB / 1000)];
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Parse + lint throughput against a bare remark parse on generated corpora of 1,000 and 10,000 post-mortems. */
export async function benchParseLint(): Promise<string> {
  const bare = unified().use(remarkParse).use(remarkGfm).freeze();
  const parseBare = (t: string): unknown => bare.parse(t);
  const parseLint = (t: string, i: number): unknown =>
    lintText(t, `postmortems/generated-${i}.md`, defaultConfig);
  const runOne = (docs: readonly string[]): Run => {
    const [bareDocsPerSec, oursDocsPerSec] = interleaved(docs, parseBare, parseLint);
    return { docs: docs.length, bareDocsPerSec, oursDocsPerSec, rssMb: peakRssMb() };
  };

  interleaved(generatePostmortems(300, 7), parseBare, parseLint); // warm-up: JIT, caches

  // The 10,000 corpus is generated after the 1,000 run, so that run's peak RSS is its own.
  const r1 = runOne(generatePostmortems(1_000));
  const large = generatePostmortems(10_000);
  const avgKb = large.reduce((n, d) => n + d.length, 0) / large.length / 1024;
  const r10 = runOne(large);
  const runs = [r1, r10];
  const ratio = (r: Run): number => r.bareDocsPerSec / r.oursDocsPerSec;
  const scaling = r10.oursDocsPerSec / r1.oursDocsPerSec;

  const rows = runs.map(
    (r) =>
      `| ${r.docs.toLocaleString('en-US')} | ${r.bareDocsPerSec.toFixed(0)} | ${r.oursDocsPerSec.toFixed(0)} | ${ratio(r).toFixed(2)}× | ${r.rssMb.toFixed(0)} MB |`,
  );
  return `## Parse + lint

Generated corpus: deterministic, ${avgKb.toFixed(1)} KB per post-mortem on average (front matter or bold
labels, tables and bullet timelines, 3–8 action items as tables or task lists). "Bare" is
\`unified().use(remarkParse).use(remarkGfm).parse\`; "ours" is \`lintText\`: parse (with front matter),
extract the model, and run every lint rule. Throughput is docs per CPU-second (user + system), the two
interleaved in blocks of 50 docs so that load from other processes affects both alike.

| docs | bare parse docs/CPU-s | parse + extract + lint docs/CPU-s | cost ratio (target ≤ 1.5×) | peak RSS so far |
| ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Peak RSS is the process high-water mark (\`process.resourceUsage().maxRSS\`): the 10,000-doc corpus itself is
${((avgKb * large.length) / 1024).toFixed(0)} MB of text; the rest is parse garbage V8 lets the heap grow into before collecting.

Scaling: ${scaling.toFixed(2)}× the 1,000-doc throughput at 10,000 docs (1.00 = linear).
Ratio target ${ratio(r1) <= 1.5 && ratio(r10) <= 1.5 ? 'met' : 'missed'} (${ratio(r1).toFixed(2)}× at 1k, ${ratio(r10).toFixed(2)}× at 10k).
`;
}
