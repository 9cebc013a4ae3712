import { afterEach, describe, expect, it } from 'vitest';
import {
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pullRequestEvent,
  pushEvent,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step } from './in-process-step.js';

afterEach(restoreProcess);

const TOKEN = 'ghs_SECRETsecret0123456789abcdefghijklmn';
const PM = 'postmortems/2026-03-01-db.md';
const TEXT = postmortem(['- [ ] Add a replica lag alert (@alice, due 2026-04-01)']);

/** Every line of stdout that shows the token, except the one that masks it. */
function leaks(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.includes(TOKEN) && l !== `::add-mask::${TOKEN}`);
}

describe('the token never shows, whatever GitHub answers', () => {
  it.each([401, 403, 422, 500, 'a dropped connection'])(
    'sync answered %s with RUNNER_DEBUG=1: masked first, never in log, summary or outputs',
    async (status) => {
      const gh = standInRepo({ now: () => new Date('2026-03-20T12:00:00Z') });
      gh.faults.add(
        { times: Infinity },
        typeof status === 'number'
          ? { status, message: `failure ${status}` }
          : { status: 0, networkError: true },
      );
      const result = await step(gh, {
        eventName: 'push',
        payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
        workspace: makeWorkspace({ [PM]: TEXT }),
        inputs: { token: TOKEN },
        env: { RUNNER_DEBUG: '1' },
      });
      expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`);
      expect(leaks(result.stdout)).toEqual([]);
      expect(result.summary + JSON.stringify(result.outputs)).not.toContain(TOKEN);
      expect(result.failed).toBe(true);
    },
  );

  it('check mode makes no write and shows no token when every request fails', async () => {
    const gh = standInRepo();
    const pr = gh.addPull(OWNER, REPO, { files: { [PM]: TEXT } });
    gh.faults.add({ times: Infinity }, { status: 500, message: 'boom' });
    const mark = gh.requests.mark();
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace: makeWorkspace({ [PM]: TEXT }),
      inputs: { token: TOKEN },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(leaks(result.stdout)).toEqual([]);
    expect(result.summary + JSON.stringify(result.outputs)).not.toContain(TOKEN);
  });
});
