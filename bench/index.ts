import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A bench section: returns a markdown section of results. */
type Section = () => Promise<string>;

const SECTIONS = [
  'startup',
  'real-corpus',
  'large-files',
  'package-size',
  'parse-lint',
  'sync',
  'digest',
  'app',
  'report',
  'recurrence',
] as const;
const here = fileURLToPath(import.meta.url);

/** Loads a section's `bench` function (`parse-lint` exports `benchParseLint`). */
async function loadSection(name: string): Promise<Section> {
  const mod = (await import(`./${name}.js`)) as { bench?: Section; benchParseLint?: Section };
  const fn = mod.bench ?? mod.benchParseLint;
  if (!fn) throw new Error(`bench/${name} exports no bench()`);
  return fn;
}

/** True when the section's source (or compiled) file exists next to this one. */
function sectionPresent(name: string): boolean {
  const dir = resolve(here, '..');
  return ['.ts', '.js'].some((ext) => existsSync(resolve(dir, `${name}${ext}`)));
}

/**
 * Runs one section in its own process, so each has its own peak RSS and a section that
 * crashes (or runs out of memory) is reported instead of ending the whole run.
 */
function runIsolated(name: string): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...process.execArgv, here, '--section', name], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      process.stderr.write(c);
    });
    child.on('close', (code, signal) => {
      if (code === 0) return done(out);
      const tail = err.trim().split('\n').slice(-6).join('\n');
      done(`## ${name}\n\nFailed (${signal ?? `exit ${code}`}):\n\n\`\`\`\n${tail}\n\`\`\`\n`);
    });
  });
}

/** Runs every bench section, prints the results and writes bench/RESULTS.md (run from the repository root). */
export async function runBenches(): Promise<string> {
  const sections: string[] = [
    `# Benchmarks\n\nRun with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared). Each section runs in its own process.\n`,
  ];
  for (const name of SECTIONS) {
    if (!sectionPresent(name)) {
      sections.push(`## ${name}\n\nNot run: bench/${name}.ts is not present yet.\n`);
      continue;
    }
    process.stderr.write(`bench: ${name}…\n`);
    sections.push(await runIsolated(name));
  }
  const report = sections.join('\n');
  writeFileSync(resolve(process.cwd(), 'bench/RESULTS.md'), report);
  return report;
}

const sectionFlag = process.argv.indexOf('--section');
if (sectionFlag !== -1) {
  const name = process.argv[sectionFlag + 1] ?? '';
  process.stdout.write(await (await loadSection(name))());
} else {
  process.stdout.write(await runBenches());
}
