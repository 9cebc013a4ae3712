import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pullRequestEvent,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step, type StepResult } from './in-process-step.js';

afterEach(restoreProcess);

const PM = 'postmortems/2026-03-01-db.md';
const CONFIG = '.github/postmortem-tracker.yml';
const items = ['- [ ] Add a replica lag alert (@alice, due 2026-04-01)'];

const FAKE_TOKEN = 'eC1hY2Nlc3MtdG9rZW46Z2hzX0Zha2VUb2tlbkZvclRlc3RzMTIz';
const GIT_CONFIG = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${FAKE_TOKEN}\n`;
const PASSWD =
  'root:x:0:0:root:/root:/bin/bash\nsvcdeploy:x:1001:1001:Deploy Bot:/home/svcdeploy:/bin/zsh\n';

function standIn(): GitHubStandIn {
  return standInRepo({ now: () => new Date('2026-03-20T12:00:00Z') });
}

/** Runs the Action's check on a pull request that changes one post-mortem, in `workspace`. */
async function check(workspace: string): Promise<StepResult> {
  const gh = standIn();
  const pr = gh.addPull(OWNER, REPO, { files: { [PM]: postmortem(items) } });
  return step(gh, {
    eventName: 'pull_request',
    payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
    workspace,
  });
}

/** Everything a step shows: annotations, log, summary and outputs. */
function shown(result: StepResult): string {
  return [result.stdout, result.summary, JSON.stringify(result.outputs)].join('\n');
}

describe('the Action reads the one config loader', () => {
  it('accepts .github/postmortem-tracker.yaml as the CLI and the app do', async () => {
    const workspace = makeWorkspace({
      [PM]: postmortem(items),
      '.github/postmortem-tracker.yaml': 'sync:\n  maxWrites: lots\n',
    });
    const result = await check(workspace);
    expect(result.stdout).toMatch(
      /^::error title=config-invalid,file=\.github\/postmortem-tracker\.yaml,line=2,.*sync\.maxWrites: expected a non-negative integer, got a string/m,
    );
    expect(result.failed).toBe(true);
  });

  it('refuses a config that is a symlink to a git config holding a token, and shows no byte of it', async () => {
    const workspace = makeWorkspace({ [PM]: postmortem(items), '.git/config': GIT_CONFIG });
    mkdirSync(join(workspace, '.github'), { recursive: true });
    symlinkSync('../.git/config', join(workspace, CONFIG));
    const result = await check(workspace);
    const out = shown(result);
    expect(out).toMatch(
      /::error title=config-unreadable,file=\.github\/postmortem-tracker\.yml,line=1,.*is a symbolic link, so it was not read/,
    );
    for (const leak of [
      FAKE_TOKEN.slice(0, 8),
      'extraheader',
      'AUTHORIZATION',
      'basic ',
      'repositoryformatversion',
    ])
      expect(out, leak).not.toContain(leak);
    expect(result.failed).toBe(true);
  });

  it('refuses a config linked to a file outside the workspace, and through a linked folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pmt-outside-'));
    writeFileSync(join(outside, 'passwd'), PASSWD);
    writeFileSync(join(outside, 'postmortem-tracker.yml'), PASSWD);
    const linkedFile = makeWorkspace({ [PM]: postmortem(items) });
    mkdirSync(join(linkedFile, '.github'), { recursive: true });
    symlinkSync(join(outside, 'passwd'), join(linkedFile, CONFIG));
    const linkedFolder = makeWorkspace({ [PM]: postmortem(items) });
    symlinkSync(outside, join(linkedFolder, '.github'));
    for (const [workspace, reason] of [
      [linkedFile, 'is a symbolic link'],
      [linkedFolder, 'lies outside the workspace'],
    ] as const) {
      const out = shown(await check(workspace));
      expect(out).toContain(`${CONFIG} ${reason}`);
      for (const leak of ['root:x', 'svcdeploy', 'Deploy Bot', '/bin/zsh'])
        expect(out, leak).not.toContain(leak);
    }
  });

  it('finishes at once on a config glob built to backtrack, reporting it as a config error', async () => {
    const glob = '*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}x';
    const gh = standIn();
    const name = `postmortems/${'a'.repeat(43)}`;
    const pr = gh.addPull(OWNER, REPO, { files: { [name]: postmortem(items) } });
    const workspace = makeWorkspace({
      [name]: postmortem(items),
      [CONFIG]: `paths:\n  - "${glob}"\nexclude:\n  - "[z-a]"\n  - "{a,b"\n`,
    });
    const started = performance.now();
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.stdout).toMatch(
      /title=config-invalid,file=\.github\/postmortem-tracker\.yml,line=2,.*paths\[0\]: not a usable glob/,
    );
    expect(result.stdout).toMatch(/line=4,.*exclude\[0\]: not a usable glob/);
    expect(result.stdout).not.toContain('Invalid regular expression');
  }, 20_000);
});
