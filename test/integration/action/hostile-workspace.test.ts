import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pullRequestEvent,
  pushEvent,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step, type StepResult } from './in-process-step.js';

afterEach(restoreProcess);

// What an attacker wants to read: a token-like secret outside the workspace.
const FAKE_TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqr';
const SECRET_TEXT = `# Secret\n\n## Action items\n\n- [ ] Leak ${FAKE_TOKEN} (@alice, due 2026-04-01)\n`;

function secretOutside(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pmt-secret-'));
  const file = join(dir, 'credentials.md');
  writeFileSync(file, SECRET_TEXT);
  return { dir, file };
}

function everything(result: StepResult): string {
  return result.stdout + result.summary + JSON.stringify(result.outputs);
}

function standIn(): GitHubStandIn {
  return standInRepo({ now: () => new Date('2026-03-20T12:00:00Z') });
}

function trackedTitles(gh: GitHubStandIn): string[] {
  return [...gh.repo(OWNER, REPO).issues.values()]
    .filter((i) => parseMarker(i.body) !== null)
    .map((i) => i.title);
}

const GOOD = postmortem(['- [ ] Add a replica lag alert (@alice, due 2026-04-01)']);

describe('check mode on a hostile pull request', () => {
  it('refuses a post-mortem that is a symlink to a file outside the workspace, and shows none of it', async () => {
    const gh = standIn();
    const secret = secretOutside();
    const pr = gh.addPull(OWNER, REPO, { files: { 'postmortems/leak.md': 'symlink' } });
    const workspace = makeWorkspace({});
    mkdirSync(join(workspace, 'postmortems'));
    symlinkSync(secret.file, join(workspace, 'postmortems/leak.md'));
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    expect(result.stdout).toMatch(
      /^::error title=file-unreadable,file=postmortems\/leak\.md,line=1,col=1::postmortems\/leak\.md is a symbolic link/m,
    );
    expect(everything(result)).not.toContain('FAKEtoken');
    expect(everything(result)).not.toContain('Leak');
    expect(result.failed).toBe(true);
    expect(gh.requests.writes()).toBe(0);
  });

  it('refuses a post-mortem reached through a symlinked folder', async () => {
    const gh = standIn();
    const secret = secretOutside();
    const pr = gh.addPull(OWNER, REPO, { files: { 'postmortems/credentials.md': 'x' } });
    const workspace = makeWorkspace({});
    symlinkSync(secret.dir, join(workspace, 'postmortems'));
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    expect(result.stdout).toMatch(
      /::error title=file-unreadable,file=postmortems\/credentials\.md,.*reached through a symbolic link that leads outside the repository/,
    );
    expect(everything(result)).not.toContain('FAKEtoken');
    expect(result.failed).toBe(true);
  });

  it('cannot inject workflow commands through a file name with line breaks', async () => {
    const gh = standIn();
    const names = [
      'postmortems/a\n::warning file=evil.md::pwned\n.md',
      'postmortems/b\n::add-mask::secret-value\n.md',
      'postmortems/c\r\n::set-output name=created::999\n.md',
    ];
    const pr = gh.addPull(OWNER, REPO, {
      files: Object.fromEntries([...names.map((n) => [n, GOOD]), ['postmortems/ok.md', GOOD]]),
    });
    const workspace = makeWorkspace({ 'postmortems/ok.md': GOOD });
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    const lines = result.stdout.split(/\r?\n/);
    expect(lines.filter((l) => /^::warning file=evil/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^::add-mask::/.test(l) && !l.includes('ghs_test'))).toEqual([]);
    expect(lines.filter((l) => /^::set-output/.test(l))).toEqual([]);
    // Each such file is refused with a diagnostic that names it visibly.
    expect(result.stdout).toMatch(
      /^::error title=file-name-invalid,file=postmortems\/a%0A%3A%3Awarning file=evil\.md%3A%3Apwned%0A\.md,line=1,col=1::postmortems\/a\\u000A::warning/m,
    );
    expect(result.outputs['created']).toBe('0');
    expect(result.failed).toBe(true);
  });

  it('masks the token, warns and reads nothing under pull_request_target', async () => {
    const gh = standIn();
    const bad = postmortem(['- [ ] Something (@alice)'], { sections: false });
    const pr = gh.addPull(OWNER, REPO, { files: { 'postmortems/a.md': bad } });
    const result = await step(gh, {
      eventName: 'pull_request_target',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace: makeWorkspace({ 'postmortems/a.md': bad }),
    });
    expect(result.stdout).toMatch(/^::add-mask::ghs_test$/m);
    expect(result.stdout).toMatch(/^::warning title=pull_request_target::check mode does not run/m);
    expect(result.stdout).not.toMatch(/required-sections/);
    expect(gh.requests.count()).toBe(0);
    expect(result.failed).toBe(true);
  });
});

describe('sync mode on a workspace with links and escaping paths', () => {
  it('never turns a symlinked file or folder into issues, and keeps the real post-mortem', async () => {
    const gh = standIn();
    const secret = secretOutside();
    const workspace = makeWorkspace({ 'postmortems/2026-03-01-db.md': GOOD });
    symlinkSync(secret.file, join(workspace, 'postmortems/leak.md'));
    symlinkSync(secret.dir, join(workspace, 'postmortems/linked'));
    const result = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(trackedTitles(gh)).toEqual(['Add a replica lag alert']);
    expect(everything(result)).not.toContain('FAKEtoken');
    expect(result.failed).toBe(false);
  });

  it.each([
    ['absolute', 'is absolute; use a path relative'],
    ['..', 'goes outside the repository with "\\.\\."'],
  ])(
    'fails on a %s pattern in the paths input, naming it, and reads nothing',
    async (kind, why) => {
      const gh = standIn();
      const secret = secretOutside();
      const workspace = makeWorkspace({ 'postmortems/2026-03-01-db.md': GOOD });
      const pattern =
        kind === 'absolute' ? `${secret.dir}/*.md` : `../${secret.dir.split('/').pop()}/*.md`;
      const result = await step(gh, {
        eventName: 'push',
        payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
        workspace,
        inputs: { paths: `postmortems/*.md\n${pattern}` },
      });
      expect(result.failed).toBe(true);
      expect(result.stdout).toMatch(new RegExp(`^::error::input "paths": ".*" ${why}`, 'm'));
      expect(trackedTitles(gh)).toEqual([]);
      expect(gh.requests.count()).toBe(0);
      expect(everything(result)).not.toContain('FAKEtoken');
    },
  );

  it('fails at once, naming it, on a paths input glob built to backtrack', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({ 'postmortems/2026-03-01-db.md': GOOD });
    const started = Date.now();
    const result = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
      inputs: { paths: `postmortems/${'*{*,*}'.repeat(12)}x.md` },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.failed).toBe(true);
    expect(result.stdout).toMatch(/^::error::input "paths": "postmortems\/\*\{/m);
    expect(gh.requests.count()).toBe(0);
  });

  it('keeps the issues of a post-mortem that a push replaced by a symlink', async () => {
    const gh = standIn();
    const secret = secretOutside();
    const other = postmortem(['- [ ] Rotate the signing keys (@bob, due 2026-04-02)']);
    const workspace = makeWorkspace({
      'postmortems/2026-03-01-db.md': GOOD,
      'postmortems/2026-03-02-keys.md': other,
    });
    const push = {
      eventName: 'push' as const,
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
    };
    await step(gh, { ...push, workspace });
    expect(trackedTitles(gh)).toHaveLength(2);
    rmSync(join(workspace, 'postmortems/2026-03-01-db.md'));
    symlinkSync(secret.file, join(workspace, 'postmortems/2026-03-01-db.md'));
    const mark = gh.requests.mark();
    const result = await step(gh, { ...push, workspace });
    expect(gh.requests.writes(mark)).toBe(0);
    expect([...gh.repo(OWNER, REPO).issues.values()].every((i) => i.state === 'open')).toBe(true);
    expect(everything(result)).not.toContain('FAKEtoken');
  });

  it('skips, instead of closing every issue, when the paths find no post-mortem', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({ 'postmortems/2026-03-01-db.md': GOOD });
    await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(trackedTitles(gh)).toHaveLength(1);
    const mark = gh.requests.mark();
    const result = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
      inputs: { paths: 'post-mortems/**/*.md' },
    });
    expect(result.stdout).toMatch(
      /^::warning::no post-mortems found in post-mortems\/\*\*\/\*\.md/m,
    );
    expect(gh.requests.writes(mark)).toBe(0);
    expect([...gh.repo(OWNER, REPO).issues.values()].every((i) => i.state === 'open')).toBe(true);
  });

  it('escapes item titles and paths in its log lines', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({ 'postmortems/2026-03-01-db.md': GOOD });
    writeFileSync(join(workspace, 'postmortems/x\n::add-mask::oops.md'), GOOD);
    const result = await step(gh, {
      eventName: 'workflow_dispatch',
      payload: {},
      workspace,
      inputs: { mode: 'sync', 'dry-run': 'true' },
    });
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::add-mask::oops'))).toEqual([]);
    expect(result.stdout).toMatch(
      /path refused::postmortems\/x\\u000A::add-mask::oops\.md contains a control character/,
    );
  });
});
