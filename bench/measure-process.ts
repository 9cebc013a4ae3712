import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/** What one whole process cost: wall time, CPU time of all its threads, and peak RSS. */
export interface ProcessCost {
  code: number | null;
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  stderr: string;
}

const usage = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

/** Runs `node args…` in `cwd` with its output discarded and returns its cost. */
export function measureProcess(
  node: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessCost> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(node, ['--import', usage, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let report = '';
    let stderr = '';
    child.stdio[3]?.on('data', (c: Buffer) => (report += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const used = JSON.parse(report || '{"cpuUs":NaN,"maxRssKb":NaN}') as {
        cpuUs: number;
        maxRssKb: number;
      };
      resolve({ code, wallMs, cpuMs: used.cpuUs / 1000, rssMb: used.maxRssKb / 1024, stderr });
    });
  });
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The machine's load averages (1, 5, 15 minutes), for the record: the cores are shared. */
export function loadNote(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;
}
