import { mkdirSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { FAST_CONFIG, makeWorkspace, postmortem, standInRepo } from '../action/action-harness.js';

const TOKEN = 'ghp_SECRETsecret0123456789abcdefghijklmn';
const PM = postmortem([
  '- [ ] Add a replica lag alert (@alice, due 2026-04-01)',
  '- [ ] Load test the primary (@carol, due 2026-04-03)',
]);

async function cli(
  argv: string[],
  cwd: string,
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<{ code: number; out: string; err: string; ms: number }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: options.env ?? {},
    stdin: Readable.from([options.stdin ?? '']),
    now: () => new Date('2026-03-20T12:00:00Z'),
  };
  const started = Date.now();
  const code = await main(argv, io);
  return { code, out, err, ms: Date.now() - started };
}

/** A TCP port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('postmortem-tracker sync: errors a person can act on', () => {
  let gh: GitHubStandIn;
  let server: { url: string; close(): Promise<void> };
  let workspace: string;
  const sha = ['--sha', 'e'.repeat(40)];
  beforeAll(async () => {
    gh = standInRepo();
    server = await gh.listen();
    workspace = makeWorkspace({
      'postmortems/2026-03-01-db.md': PM,
      '.github/postmortem-tracker.yml': FAST_CONFIG,
    });
  });
  afterAll(async () => server?.close());

  it('says the token was refused on a 401, exit 2, no stack trace and no token', async () => {
    gh.faults.add(
      { route: '/repos/{owner}/{repo}/issues', method: 'GET', nth: 1, times: 1 },
      { status: 401, message: 'Bad credentials' },
    );
    const r = await cli(['sync', '--repo', 'acme/ops', ...sha], workspace, {
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url },
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^postmortem-tracker sync: the token was refused \(HTTP 401: Bad credentials.*\); set a valid token in GITHUB_TOKEN or GH_TOKEN, or pass it with --token-stdin\n$/,
    );

    expect(r.out + r.err).not.toContain(TOKEN);
  });

  it('names the repository that is not found or not visible on a 404', async () => {
    const r = await cli(['sync', '--repo', 'acme/widgets', ...sha], workspace, {
      env: { GH_TOKEN: TOKEN, GITHUB_API_URL: server.url },
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^postmortem-tracker sync: acme\/widgets not found or not visible to this token \(HTTP 404\); check --repo/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('says which host it cannot reach', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await cli(['sync', '--repo', 'acme/ops', '--api-url', url, ...sha], workspace, {
      env: { GITHUB_TOKEN: TOKEN },
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`^postmortem-tracker sync: cannot reach ${url} \\(.*ECONNREFUSED`),
    );
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('rejects an --api-url without a scheme at once', async () => {
    const r = await cli(
      ['sync', '--repo', 'acme/ops', '--api-url', 'ghe.example.com/api/v3', ...sha],
      workspace,
      {
        env: { GITHUB_TOKEN: TOKEN },
      },
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--api-url is "ghe\.example\.com\/api\/v3"; expected a URL with its scheme/,
    );
    expect(r.ms).toBeLessThan(1000);
  });

  it('honours GITHUB_API_URL and GITHUB_SERVER_URL, reads the token from stdin, and prints every owner it could not assign', async () => {
    const before = gh.requests.count();
    const r = await cli(['sync', '--repo', 'acme/ops', '--token-stdin', ...sha], workspace, {
      env: { GITHUB_API_URL: server.url, GITHUB_SERVER_URL: 'https://ghe.example.com' },
      stdin: `${TOKEN}\n`,
    });
    expect(r.code, r.err).toBe(0);
    expect(gh.requests.count()).toBeGreaterThan(before);
    expect(r.out).toMatch(
      /^postmortems\/2026-03-01-db\.md:22: warning: owner @carol cannot be assigned in this repository/m,
    );
    const issue = [...gh.repo('acme', 'ops').issues.values()].find((i) => parseMarker(i.body));
    expect(issue?.body).toContain('https://ghe.example.com/acme/ops/blob/');
    expect(r.out + r.err).not.toContain(TOKEN);
  });

  it('warns when the token is passed on the command line', async () => {
    const r = await cli(
      ['sync', '--repo', 'acme/ops', '--token', TOKEN, '--dry-run', ...sha],
      workspace,
      { env: { GITHUB_API_URL: server.url } },
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      'warning: --token puts the token in the process list and shell history',
    );
    expect(r.out + r.err).not.toContain(TOKEN);
  });
});

describe('postmortem-tracker sync: the operator bounds the writes', () => {
  it('takes the lower of --max-writes and the config, whichever is lower', async () => {
    const gh = standInRepo();
    const server = await gh.listen();
    try {
      const run = async (config: string, flag: string) => {
        const gh2 = gh;
        const cwd = makeWorkspace({
          'postmortems/a.md': PM,
          '.github/postmortem-tracker.yml': config,
        });
        const mark = gh2.requests.mark();
        const r = await cli(
          ['sync', '--repo', 'acme/ops', '--max-writes', flag, '--sha', 'e'.repeat(40)],
          cwd,
          {
            env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url },
          },
        );
        return { ...r, writes: gh2.requests.writes(mark) };
      };
      const bounded = await run(`${FAST_CONFIG}  maxWrites: 500\n`, '1');
      expect(bounded.writes).toBe(1);
      expect(bounded.err).toMatch(/max writes reached/);
      const lowered = await run(`${FAST_CONFIG}  maxWrites: 1\n`, '100');
      expect(lowered.writes).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('a wrong path fails instead of passing with 0 files', () => {
  function emptyRepo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'pmt-empty-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/readme.txt'), 'nothing here\n');
    return dir;
  }

  it.each([
    ['lint'],
    ['digest'],
    ['sync', '--repo', 'acme/ops', '--dry-run', '--sha', 'e'.repeat(40)],
  ])('%s exits 2 with "no post-mortems found in …"', async (...argv) => {
    const dir = emptyRepo();
    const byConfig = await cli(argv, dir);
    expect(byConfig.code).toBe(2);
    expect(byConfig.err).toContain(
      `postmortem-tracker ${argv[0]}: no post-mortems found in postmortems/**/*.md;`,
    );
    const byFolder = await cli([...argv, 'docs'], dir);
    expect(byFolder.code).toBe(2);
    expect(byFolder.err).toContain('no post-mortems found in docs;');
  });

  it('digest exits 2 on a config error instead of printing a digest on defaults', async () => {
    const dir = makeWorkspace({
      'postmortems/a.md': PM,
      '.github/postmortem-tracker.yml': 'sync:\n  maxWrites: lots\n',
    });
    const r = await cli(['digest'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('fix the config first');
  });

  it('refuses a symlinked target and ".." or absolute paths, reading nothing through them', async () => {
    const outside = makeWorkspace({ 'secret.md': `# Secret ${TOKEN}\n` });
    const dir = makeWorkspace({ 'postmortems/a.md': PM });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'postmortems/leak.md'));
    symlinkSync(outside, join(dir, 'linked'));
    for (const target of ['postmortems/leak.md', 'linked', `${outside}/*.md`, '../x/*.md']) {
      const r = await cli(['lint', target], dir);
      expect(r.code, target).toBe(2);
      expect(r.err, target).toMatch(/symbolic link|is absolute|outside the repository/);
      expect(r.out + r.err).not.toContain(TOKEN);
    }
    // A globbed folder never follows a link: only the real file is linted.
    const all = await cli(['lint', 'postmortems', '--format', 'json'], dir);
    expect((JSON.parse(all.out) as Array<{ file: string }>).map((f) => f.file)).toEqual([
      'postmortems/a.md',
    ]);
  });
});
