import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { OctokitPort } from '../../../src/github/octokit-port.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { renderDigest } from '../../../src/core/digest/render-digest.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  defineIssueFields,
  issueFieldValues,
  planningState,
} from '../../support/planning-state.js';
import {
  NOW,
  OWNER,
  PATH,
  REPO,
  postmortemText,
  runSync,
  standIn,
  trackedById,
} from '../sync/harness.js';

const fields = (source: 'postmortem' | 'github'): Config => ({
  ...defaultConfig,
  planning: { ...defaultConfig.planning, issueFields: true, dueDateSource: source },
});
// Due in the future by the post-mortem; a person moves it into the past on GitHub.
const files = {
  [PATH]: postmortemText(['- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-30)']),
};

async function changedOnGitHub(config: Config): Promise<GitHubStandIn> {
  const gh = standIn();
  defineIssueFields(gh.state, OWNER, [{ name: 'Due date', dataType: 'date' }]);
  await runSync(gh, files, { config });
  const [issue] = trackedById(gh).values();
  const due = planningState(gh.state).issueFields.get(OWNER)?.[0];
  planningState(gh.state)
    .values.get(issue?.id ?? 0)
    ?.set(due?.id ?? 0, '2026-03-10');
  return gh;
}

async function digest(gh: GitHubStandIn, config: Config) {
  const port = new OctokitPort(new Octokit({ request: { fetch: gh.fetch } }), {
    owner: OWNER,
    repo: REPO,
  });
  const result = analyseDigest({
    postmortems: Object.entries(files).map(([p, t]) => parsePostmortem(t, p)),
    issues: await port.listIssuesByLabel(config.labels.tool),
    config,
    now: NOW,
  });
  return {
    result,
    text: renderDigest(result, { repoUrl: null, defaultBranch: 'main' }).join('\n'),
  };
}

describe('the due date read back from GitHub', () => {
  it('by default the post-mortem wins: the digest shows both dates, overdue from the post-mortem, and sync sets the field back', async () => {
    const config = fields('postmortem');
    const gh = await changedOnGitHub(config);
    const { result, text } = await digest(gh, config);
    expect(result.items.overdue).toEqual([]);
    const row = [...result.items.dueSoon, ...result.items.oldestOpen].find(
      (r) => r.title === 'Add a replica lag alert',
    );
    expect(row?.dueDisagreement).toEqual({ postmortem: '2026-04-30', github: '2026-03-10' });
    expect(text).toContain('2026-04-30 (post-mortem 2026-04-30, GitHub 2026-03-10: they disagree)');
    await runSync(gh, files, { config });
    const [issue] = trackedById(gh).values();
    expect(issue && issueFieldValues(gh.state, OWNER, issue)).toEqual({ 'Due date': '2026-04-30' });
  });

  it('with dueDateSource github, GitHub’s date decides overdue, the digest says they disagree, and sync keeps it', async () => {
    const config = fields('github');
    const gh = await changedOnGitHub(config);
    const { result, text } = await digest(gh, config);
    expect(result.items.overdue.map((r) => [r.title, r.due, r.days])).toEqual([
      ['Add a replica lag alert', '2026-03-10', 10],
    ]);
    expect(text).toContain('2026-03-10 (post-mortem 2026-04-30, GitHub 2026-03-10: they disagree)');
    const mark = gh.requests.mark();
    const report = await runSync(gh, files, { config });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(report.plan).toContainEqual(
      expect.objectContaining({ kind: 'skip', reason: 'due-changed-on-github' }),
    );
    const [issue] = trackedById(gh).values();
    expect(issue && issueFieldValues(gh.state, OWNER, issue)).toEqual({ 'Due date': '2026-03-10' });
  });
});
