import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { NODE24_BINARY } from '../../support/test-assets.js';
import {
  FAST_CONFIG,
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pullRequestEvent,
  pushEvent,
  readOutputs,
  runnerEnv,
  standInRepo,
  stepFiles,
} from './action-harness.js';

const root = join(import.meta.dirname, '..', '..', '..');
const node24 = NODE24_BINARY;
const bundle = join(root, 'dist', 'index.js');
const available = existsSync(node24) && existsSync(bundle);
if (!available) {
  console.warn(
    `[dist.test] SKIPPED: needs ${existsSync(node24) ? '' : `the Node 24 binary at ${node24} `}${existsSync(bundle) ? '' : `the bundle at ${bundle} (npm run bundle)`}`,
  );
}

function runBundle(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      node24,
      [bundle],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

// In CI the bundle and the Node 24 binary must be there: a skipped process-level test proves nothing.
it.runIf(!available && Boolean(process.env['CI']))(
  'has the committed bundle and the Node 24 binary in CI',
  () => {
    expect({ node24: existsSync(node24), bundle: existsSync(bundle) }).toEqual({
      node24: true,
      bundle: true,
    });
  },
);

describe.skipIf(!available)('the committed dist/index.js on Node 24, as the runner runs it', () => {
  let gh: GitHubStandIn;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    gh = standInRepo();
    server = await gh.listen();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('checks a pull request: annotations on stdout, outputs, summary, and no writes', async () => {
    const bad = postmortem(['- [ ] Add a replica lag alert (@carol, due 2026-04-01)'], {
      title: 'Cache outage',
      sections: false,
    });
    const good = postmortem(['- [ ] Add a replica lag alert (@alice, due 2026-04-01)']);
    const pr = gh.addPull(OWNER, REPO, {
      files: {
        'postmortems/2026-03-02-cache.md': bad,
        'postmortems/2026-03-01-db.md': good,
        'src/app.ts': 'x',
      },
    });
    const workspace = makeWorkspace({
      'postmortems/2026-03-02-cache.md': bad,
      'postmortems/2026-03-01-db.md': good,
      '.github/postmortem-tracker.yml': FAST_CONFIG,
    });
    const files = stepFiles(pullRequestEvent(pr.number, 'f'.repeat(40)));
    const mark = gh.requests.mark();
    const { code, stdout } = await runBundle(
      runnerEnv({
        inputs: { token: 'ghs_test', mode: 'auto', 'dry-run': 'false', 'max-writes': '50' },
        eventName: 'pull_request',
        files,
        workspace,
        apiUrl: server.url,
        sha: 'f'.repeat(40),
        ref: `refs/pull/${pr.number}/merge`,
      }),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error title=required-sections,file=postmortems\/2026-03-02-cache\.md,line=1,col=1::Missing/m,
    );
    expect(stdout).toMatch(
      /^::warning title=owner-assignable,file=postmortems\/2026-03-02-cache\.md,line=12,col=1::@carol cannot be assigned/m,
    );
    expect(stdout).not.toMatch(/^::error::GET /m);
    expect(stdout).not.toMatch(/file=postmortems\/2026-03-01-db\.md/);
    expect(stdout).toMatch(/^::error::2 post-mortems checked: \d+ errors?, \d+ warnings?/m);
    const outputs = readOutputs(files.outputPath);
    expect(Number(outputs['problems'])).toBeGreaterThan(1);
    expect(outputs['created']).toBe('0');
    const summary = readFileSync(files.summaryPath, 'utf8');
    expect(summary).toContain('## Post-mortem check');
    expect(summary).toContain('| postmortems/2026-03-02-cache.md |');
    expect(gh.requests.writes(mark)).toBe(0);
    expect(
      gh.requests.count({ route: '/repos/{owner}/{repo}/pulls/{pull_number}/files' }, mark),
    ).toBe(1);
    gh.assertNoContractViolations();
  });

  it('syncs on a push to the default branch: issues created, outputs and summary written', async () => {
    const text = postmortem([
      '- [ ] Add a replica lag alert (@alice, due 2026-04-01)',
      '- [ ] Document the runbook (@acme/sre)',
      '- [x] Fix the failover script (@bob)',
    ]);
    const workspace = makeWorkspace({
      'postmortems/2026-03-01-db.md': text,
      '.github/postmortem-tracker.yml': FAST_CONFIG,
    });
    const sha = 'a'.repeat(40);
    const files = stepFiles(pushEvent('refs/heads/main', sha));
    const { code, stdout, stderr } = await runBundle(
      runnerEnv({
        inputs: { token: 'ghs_test', mode: 'auto', 'dry-run': 'false', 'max-writes': '50' },
        eventName: 'push',
        files,
        workspace,
        apiUrl: server.url,
        sha,
        ref: 'refs/heads/main',
      }),
    );
    expect(code, stdout + stderr).toBe(0);
    const outputs = readOutputs(files.outputPath);
    expect(outputs).toMatchObject({ created: '2', updated: '0', closed: '0' });
    const items = JSON.parse(outputs['items'] ?? '{}') as Record<string, number>;
    expect(Object.keys(items)).toHaveLength(2);
    const tracked = [...gh.repo(OWNER, REPO).issues.values()].filter(
      (i) => parseMarker(i.body) !== null,
    );
    expect(tracked.map((i) => [i.title, i.assignees])).toEqual([
      ['Add a replica lag alert', ['alice']],
      ['Document the runbook', []],
    ]);
    expect(Object.values(items).sort()).toEqual(tracked.map((i) => i.number).sort());
    expect(readFileSync(files.summaryPath, 'utf8')).toMatch(
      /\| created \| updated \| closed[\s\S]*\| 2 \| 0 \| 0 \|/,
    );

    // A push to another branch is skipped with a notice and writes nothing.
    const other = stepFiles(pushEvent('refs/heads/feature', sha));
    const mark = gh.requests.mark();
    const skipped = await runBundle(
      runnerEnv({
        inputs: { token: 'ghs_test' },
        eventName: 'push',
        files: other,
        workspace,
        apiUrl: server.url,
        sha,
        ref: 'refs/heads/feature',
      }),
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(
      /^::notice::Sync skipped: refs\/heads\/feature is not the default branch \(main\)/m,
    );
    expect(gh.requests.count(undefined, mark)).toBe(0);
    gh.assertNoContractViolations();
  });

  it('survives a hostile pull request: its config a symlink to a fake-token file, its glob built to backtrack', async () => {
    // The file an attacker wants quoted back: a token, a passwd line, and a glob that backtracks.
    const glob = `${'*{*,*}'.repeat(12)}x`;
    const token = 'ghp_FAKEbundle0123456789abcdefghijklmnopq';
    const secretDir = mkdtempSync(join(tmpdir(), 'pmt-secret-'));
    const secret = join(secretDir, 'values.yml');
    writeFileSync(
      secret,
      `paths:\n  - "${glob}"\ntoken: ${token}\nroot:x:0:0:root:/root:/bin/bash\n`,
    );
    const longName = `postmortems/${'a'.repeat(43)}.md`;
    const text = postmortem(['- [ ] Add a replica lag alert (@alice, due 2026-04-01)']);
    const pr = gh.addPull(OWNER, REPO, { files: { [longName]: text } });

    // 1. The config is a symlink to that file.
    const linked = makeWorkspace({ [longName]: text });
    mkdirSync(join(linked, '.github'));
    symlinkSync(secret, join(linked, '.github', 'postmortem-tracker.yml'));
    // 2. The config is a regular file whose glob is built to backtrack.
    const backtracking = makeWorkspace({
      [longName]: text,
      '.github/postmortem-tracker.yml': `paths:\n  - "${glob}"\n  - "postmortems/**/*.md"\n`,
    });

    for (const workspace of [linked, backtracking]) {
      const files = stepFiles(pullRequestEvent(pr.number, 'f'.repeat(40)));
      const mark = gh.requests.mark();
      const result = await runBundle(
        runnerEnv({
          inputs: { token: 'ghs_test', mode: 'check' },
          eventName: 'pull_request',
          files,
          workspace,
          apiUrl: server.url,
          sha: 'f'.repeat(40),
          ref: `refs/pull/${pr.number}/merge`,
        }),
      );
      const shown =
        result.stdout +
        result.stderr +
        readFileSync(files.summaryPath, 'utf8') +
        readFileSync(files.outputPath, 'utf8');
      expect(result.ms, shown).toBeLessThan(10_000);
      for (const secretBit of ['FAKEbundle', 'root:x:0:0', '/bin/bash'])
        expect(shown).not.toContain(secretBit);
      if (workspace === linked) expect(shown).not.toContain('*{*,*}');
      expect(gh.requests.writes(mark)).toBe(0);
    }
    gh.assertNoContractViolations();
  });
});
