import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function run(args: string[], cwd = root) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout,
        stderr,
      });
    });
  });
}

// The CLI and the app run from tsc's output (lib/): the CLI parses on its own thread, the app's pool
// must find parse-worker.js next to itself.
describe('compiled with tsc, the CLI parses within the budget and the pool starts its worker', () => {
  let out: string;
  let work: string;

  beforeAll(async () => {
    // Inside node_modules so the compiled files resolve the project's dependencies.
    mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
    out = mkdtempSync(join(root, 'node_modules', '.cache', 'pmt-lib-'));
    await run([
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      'src/cli/main.ts',
      'src/io/parse-worker.ts',
      'src/io/parse-pool.ts',
      'src/io/parse-in-worker.ts',
      ...[
        '--outDir',
        out,
        '--rootDir',
        '.',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
      ],
      ...[
        '--target',
        'es2022',
        '--strict',
        '--skipLibCheck',
        '--types',
        'node',
        '--resolveJsonModule',
      ],
    ]);
    work = mkdtempSync(join(tmpdir(), 'pmt-lib-work-'));
    writeFileSync(
      join(work, 'crlf.md'),
      '# T\r\n\r\n**Severity:** SEV2\r\n\r\n## Action items\r\n\r\n- [ ] Fix (@alice)\r\n',
    );
    writeFileSync(join(work, 'slow.md'), `# Slow\n\n${'] \n'.repeat(40_000)}`);
    writeFileSync(join(work, 'config.yml'), 'limits:\n  parseTimeoutMs: 500\n');
  }, 180_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the CLI from lib/ reads a CRLF file and stops a pathological one at the budget', async () => {
    expect(existsSync(join(out, 'src', 'io', 'parse-worker.js'))).toBe(true);
    const main = pathToFileURL(join(out, 'src', 'cli', 'main.js')).href;
    const script = (args: string[]) =>
      `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(${JSON.stringify(args)}, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, now: () => new Date() });`;

    const parsed = await run(
      ['--input-type=module', '-e', script(['parse', 'crlf.md', '--compact'])],
      work,
    );
    expect(parsed.stderr).toBe('');
    expect(JSON.parse(parsed.stdout)).toMatchObject({ severity: 'SEV2', title: 'T' });

    const linted = await run(
      [
        '--input-type=module',
        '-e',
        script(['lint', 'slow.md', '--config', 'config.yml', '--format', 'json']),
      ],
      work,
    );
    expect(linted.stdout).toContain('file-too-complex');
    expect(linted.stdout).toContain('took more than 500 ms to parse');
    expect(linted.code).toBe(1);
  });

  it('the app’s pool parses in a worker from lib/, even when node was started with flags a worker refuses', async () => {
    expect(existsSync(join(out, 'src', 'io', 'parse-worker.js'))).toBe(true);
    const pool = pathToFileURL(join(out, 'src', 'io', 'parse-pool.js')).href;
    const inWorker = pathToFileURL(join(out, 'src', 'io', 'parse-in-worker.js')).href;
    const script = `
      const { createParsePool } = await import(${JSON.stringify(pool)});
      const { parseInWorker } = await import(${JSON.stringify(inWorker)});
      const pool = createParsePool({ size: 1 });
      const pm = await parseInWorker('# T\\n\\n**Severity:** SEV2\\n', 'a.md', {}, pool);
      const slow = await parseInWorker('# Slow\\n\\n' + '] \\n'.repeat(40000), 'slow.md', { limits: { parseTimeoutMs: 500 } }, pool);
      await pool.close();
      console.log(JSON.stringify({ severity: pm.severity, slow: slow.diagnostics[0].rule}));`;
    const result = await run(['--input-type=module', '-e', script], work);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ severity: 'SEV2', slow: 'file-too-complex' });
  });
});
