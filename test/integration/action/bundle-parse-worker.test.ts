import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { NODE24_BINARY } from '../../support/test-assets.js';
import {
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pullRequestEvent,
  runnerEnv,
  standInRepo,
  stepFiles,
} from './action-harness.js';

const root = join(import.meta.dirname, '..', '..', '..');
const node24 = NODE24_BINARY;
const node = existsSync(node24) ? node24 : process.execPath;

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      command,
      args,
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

// A fresh bundle of today's sources (not the committed dist/), so the test covers scripts/bundle.mjs.
describe('the Action bundle: one entry, a chunk per mode, files parsed on its own thread within the budget', () => {
  let out: string;
  let gh: GitHubStandIn;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pmt-bundle-'));
    const built = await run(process.execPath, [join(root, 'scripts', 'bundle.mjs')], {
      BUNDLE_OUTDIR: out,
    });
    expect(built.stderr).toBe('');
    gh = standInRepo();
    server = await gh.listen();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('writes the entry and its mode chunks, and checks a pull request with a CRLF and a pathological post-mortem', async () => {
    // cli/ is the CLI's bundle (bin/postmortem-tracker.js), built by the same script; no worker file.
    expect(readdirSync(out).sort()).toEqual(['action', 'cli', 'index.js', 'package.json', 'uplot']);
    const crlf = postmortem(['- [ ] Add a replica lag alert (@alice, due 2026-04-01)']).replaceAll(
      '\n',
      '\r\n',
    );
    const slow = `# Slow\n\n${'] \n'.repeat(40_000)}`;
    const files = { 'postmortems/2026-03-01-db.md': crlf, 'postmortems/2026-03-02-slow.md': slow };
    const pr = gh.addPull(OWNER, REPO, { files });
    const workspace = makeWorkspace({
      ...files,
      '.github/postmortem-tracker.yml':
        'limits:\n  parseTimeoutMs: 500\ncheck:\n  checkAssignees: false\n',
    });
    const step = stepFiles(pullRequestEvent(pr.number, 'f'.repeat(40)));

    const { code, stdout, stderr } = await run(
      node,
      [join(out, 'index.js')],
      runnerEnv({
        inputs: { token: 'ghs_test', mode: 'check', 'dry-run': 'false', 'max-writes': '50' },
        eventName: 'pull_request',
        files: step,
        workspace,
        apiUrl: server.url,
        sha: 'f'.repeat(40),
        ref: `refs/pull/${pr.number}/merge`,
      }),
    );

    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^::error title=file-too-complex,file=postmortems\/2026-03-02-slow\.md,line=1,col=1::postmortems\/2026-03-02-slow\.md is too complex to parse: it took more than 500 ms/m,
    );
    // The CRLF file's sections and metadata are read: no finding at all.
    expect(stdout).not.toMatch(/file=postmortems\/2026-03-01-db\.md/);
    expect(code).toBe(1);
  });
});
