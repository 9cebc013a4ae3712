import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { describeOperation } from '../../../src/core/sync/describe-operation.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { parseParentMarker } from '../../../src/core/sync/parent-marker.js';
import { renderSyncSummary } from '../../../src/core/sync/render-sync-summary.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  defineIssueFields,
  issueFieldValues,
  planningState,
  subIssueNumbers,
} from '../../support/planning-state.js';
import {
  OWNER,
  PATH,
  REPO,
  base,
  failingFetch,
  issues,
  postmortemText,
  runSync,
  snapshot,
  standIn,
  trackedById,
} from '../sync/harness.js';

const parents: Config = {
  ...defaultConfig,
  planning: { ...defaultConfig.planning, parentIssues: true },
};
const closing: Config = {
  ...parents,
  planning: { ...parents.planning, closeParentWhenDone: true },
};
const everything: Config = {
  ...parents,
  planning: { ...parents.planning, issueFields: true },
};

const CACHE = 'postmortems/2026-03-12-cache.md';
const two = (items: string[]): Record<string, string> => ({
  [PATH]: postmortemText(items),
  [CACHE]: postmortemText(
    ['- [ ] Cap cache memory (@alice)', '- [ ] Alert on eviction storms (@bob, Due: 2026-04-20)'],
    {
      title: 'Cache stampede',
      date: '2026-03-12',
      severity: 'SEV2',
    },
  ),
});

/** Each post-mortem's parent issue: title, state, and the item ids of its sub-issues. */
function parentsByPath(gh: GitHubStandIn): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const byNumber = new Map(issues(gh).map((i) => [i.number, i]));
  for (const issue of issues(gh)) {
    const marker = parseParentMarker(issue.body);
    if (marker === null) continue;
    if (out[marker.path]) throw new Error(`two parents for ${marker.path}`);
    out[marker.path] = {
      title: issue.title,
      state: issue.state,
      reason: issue.state === 'closed' ? issue.state_reason : null,
      subs: subIssueNumbers(gh.state, issue)
        .map((n) => parseMarker(byNumber.get(n)?.body)?.id ?? `#${n}`)
        .sort(),
    };
  }
  return out;
}

/** Item ids of the tracked issues of a post-mortem. */
function itemIds(gh: GitHubStandIn, path: string, open = false): string[] {
  return [...trackedById(gh).entries()]
    .filter(([, i]) => parseMarker(i.body)?.path === path && (!open || i.state === 'open'))
    .map(([id]) => id)
    .sort();
}

describe('parent issues and sub-issues', () => {
  it('first sync gives each post-mortem one parent whose sub-issues are its items; the dry run lists it all', async () => {
    const gh = standIn();
    const dry = await runSync(gh, two(base), { config: parents, dryRun: true });
    const lines = dry.plan
      .filter((op) => op.kind === 'create-parent' || op.kind === 'add-sub-issue')
      .map((op) => describeOperation(op));
    expect(lines).toContain(`create parent issue for ${PATH}: Database failover (2026-03-01)`);
    expect(lines).toContain(`create parent issue for ${CACHE}: Cache stampede (2026-03-12)`);
    expect(lines.filter((l) => l.endsWith('a sub-issue of the new parent issue'))).toHaveLength(
      dry.counts.created,
    );
    expect(gh.requests.writes()).toBe(0);

    const report = await runSync(gh, two(base), { config: parents });
    expect(report.result.failure).toBeNull();
    expect(parentsByPath(gh)).toEqual({
      [PATH]: {
        title: 'Database failover (2026-03-01)',
        state: 'open',
        reason: null,
        subs: itemIds(gh, PATH),
      },
      [CACHE]: {
        title: 'Cache stampede (2026-03-12)',
        state: 'open',
        reason: null,
        subs: itemIds(gh, CACHE),
      },
    });
    expect(report.counts.subIssuesLinked).toBe(report.counts.created);
    expect(renderSyncSummary(report, { dryRun: false })).toContain(
      `Planning: 2 parent issue(s) created, ${report.counts.created} sub-issue link(s).`,
    );
    const parent = issues(gh).find((i) => parseParentMarker(i.body)?.path === PATH);
    expect(parent?.body).toContain('**Severity:** SEV1');
    expect(parent?.body).toContain(
      'Post-mortem: [postmortems/2026-03-01-db-failover.md](https://github.com/acme/ops/blob/',
    );
    expect(parent?.labels).toEqual([defaultConfig.labels.tool]);
  });

  it('a no-change re-sync makes no write and no read more than with the feature off', async () => {
    const gh = standIn();
    await runSync(gh, two(base), { config: parents });
    const on = gh.requests.mark();
    await runSync(gh, two(base), { config: parents });
    expect(gh.requests.writes(on)).toBe(0);
    const onCount = gh.requests.count(undefined, on);
    const off = gh.requests.mark();
    await runSync(gh, two(base));
    expect(gh.requests.count(undefined, off)).toBe(onCount);
  });

  it('a ticked last item closes the parent as done when configured, and reopening an item reopens it', async () => {
    const gh = standIn();
    const all = (done: boolean) => two(base.map((l) => (done ? l.replace('- [ ]', '- [x]') : l)));
    await runSync(gh, all(false), { config: closing });
    await runSync(gh, all(true), { config: closing });
    expect(parentsByPath(gh)[PATH]).toMatchObject({ state: 'closed', reason: 'completed' });
    expect(itemIds(gh, PATH, true)).toEqual([]);
    expect(parentsByPath(gh)[CACHE]).toMatchObject({ state: 'open' });
    await runSync(gh, all(false), { config: closing });
    expect(parentsByPath(gh)[PATH]).toMatchObject({ state: 'open' });
    const mark = gh.requests.mark();
    await runSync(gh, all(false), { config: closing });
    expect(gh.requests.writes(mark)).toBe(0);
  });

  it('a removed post-mortem closes its parent; a parent a person closed stays closed', async () => {
    const gh = standIn();
    await runSync(gh, two(base), { config: parents });
    const cacheParent = issues(gh).find((i) => parseParentMarker(i.body)?.path === CACHE);
    if (cacheParent) {
      cacheParent.state = 'closed';
      cacheParent.state_reason = 'not_planned';
    }
    await runSync(
      gh,
      { [PATH]: postmortemText(base), [CACHE]: two(base)[CACHE] ?? '' },
      { config: parents },
    );
    expect(parentsByPath(gh)[CACHE]).toMatchObject({ state: 'closed' });
    await runSync(gh, { [CACHE]: two(base)[CACHE] ?? '' }, { config: parents });
    expect(parentsByPath(gh)[PATH]).toMatchObject({ state: 'closed', reason: 'not_planned' });
    const parent = issues(gh).find((i) => parseParentMarker(i.body)?.path === PATH);
    expect(parseParentMarker(parent?.body)?.status).toBe('removed');
  });

  it('an issue a person already put under another parent stays there', async () => {
    const gh = standIn();
    await runSync(gh, two(base));
    const octokit = new Octokit({ request: { fetch: gh.fetch } });
    const epic = await octokit.rest.issues.create({
      owner: OWNER,
      repo: REPO,
      title: 'Q2 reliability epic',
    });
    const first = trackedById(gh).get(itemIds(gh, PATH)[0] ?? '');
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
      owner: OWNER,
      repo: REPO,
      issue_number: epic.data.number,
      sub_issue_id: first?.id ?? 0,
    });
    const report = await runSync(gh, two(base), { config: parents });
    expect(report.result.failure).toBeNull();
    expect(report.plan).toContainEqual(
      expect.objectContaining({ kind: 'skip', reason: 'parent-elsewhere', number: first?.number }),
    );
    const epicState = gh.repo(OWNER, REPO).issues.get(epic.data.number);
    expect(epicState && subIssueNumbers(gh.state, epicState)).toEqual([first?.number]);
    expect(parentsByPath(gh)[PATH]?.['subs']).toEqual(itemIds(gh, PATH).slice(1));
  });

  it('a fault at every write position still ends with one issue, one parent link and the right fields per item', async () => {
    const withFields = (): GitHubStandIn => {
      const gh = standIn();
      defineIssueFields(gh.state, OWNER, [
        { name: 'Due date', dataType: 'date' },
        { name: 'Severity', dataType: 'single_select', options: ['SEV1', 'SEV2'] },
      ]);
      return gh;
    };
    const before = two(base);
    const after = two([
      ...base.slice(0, 5),
      '- [x] Rotate the replication credentials (Owner: @bob, Due: 2026-03-12)',
      '- [ ] Add a synthetic write probe (@bob, Due: 2026-05-01)',
    ]);
    const state = (gh: GitHubStandIn) => ({
      issues: snapshot(gh),
      parents: parentsByPath(gh),
      fields: Object.fromEntries(
        [...trackedById(gh).entries()].map(([id, i]) => [id, issueFieldValues(gh.state, OWNER, i)]),
      ),
    });
    // From nothing (creates, parents, links, fields) and from an earlier sync (edits, a new item).
    for (const start of ['empty', 'synced'] as const) {
      const prepared = async (): Promise<GitHubStandIn> => {
        const gh = withFields();
        if (start === 'synced') await runSync(gh, before, { config: everything, plain: true });
        return gh;
      };
      const clean = await prepared();
      const cleanReport = await runSync(clean, after, { config: everything, plain: true });
      const total = cleanReport.result.writes;
      expect(total, start).toBeGreaterThanOrEqual(start === 'empty' ? 20 : 5);
      const kinds = new Set(cleanReport.plan.map((op) => op.kind));
      expect(kinds.has('add-sub-issue'), start).toBe(true);
      expect(kinds.has('set-fields'), start).toBe(true);
      if (start === 'empty') expect(kinds.has('create-parent')).toBe(true);
      const expected = state(clean);
      for (const s of Object.values(expected.parents)) expect(s['subs']).not.toEqual([]);

      for (const how of ['refused', 'lost'] as const) {
        for (let k = 1; k <= total; k++) {
          const gh = await prepared();
          const failing = await runSync(gh, after, {
            config: everything,
            fetch: failingFetch(gh.fetch, k, how),
            createAttempts: 1,
            plain: true,
          });
          expect(failing.result.failure, `${start} ${how} k=${k}`).not.toBeNull();
          const rerun = await runSync(gh, after, { config: everything, plain: true });
          expect(rerun.result.failure, `${start} ${how} k=${k}`).toBeNull();
          expect(state(gh), `${start} ${how} k=${k}`).toEqual(expected);
          const mark = gh.requests.mark();
          await runSync(gh, after, { config: everything, plain: true });
          expect(
            gh.requests.writes(mark),
            `${start} ${how} k=${k}: a third run writes nothing`,
          ).toBe(0);
        }
      }
    }
  });
});

describe('the stand-in’s sub-issues', () => {
  it('answers 422 for a second parent, the issue itself and a 101st sub-issue', async () => {
    const gh = standIn();
    const octokit = new Octokit({ request: { fetch: gh.fetch } });
    const make = async (title: string) =>
      (await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title })).data;
    const a = await make('parent a');
    const b = await make('parent b');
    const child = await make('child');
    const add = (parent: number, id: number, replace?: boolean) =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
        owner: OWNER,
        repo: REPO,
        issue_number: parent,
        sub_issue_id: id,
        ...(replace === undefined ? {} : { replace_parent: replace }),
      });
    await add(a.number, child.id);
    await expect(add(b.number, child.id)).rejects.toMatchObject({ status: 422 });
    await expect(add(a.number, child.id)).rejects.toMatchObject({ status: 422 });
    await expect(add(a.number, a.id)).rejects.toMatchObject({ status: 422 });
    await add(b.number, child.id, true);
    const listed = await octokit.rest.issues.get({
      owner: OWNER,
      repo: REPO,
      issue_number: child.number,
    });
    expect((listed.data as { parent_issue_url?: string }).parent_issue_url).toMatch(
      new RegExp(`/repos/${OWNER}/${REPO}/issues/${b.number}$`),
    );
    for (let i = 1; i < 100; i++) await add(b.number, (await make(`sub ${i}`)).id);
    await expect(add(b.number, (await make('one too many')).id)).rejects.toMatchObject({
      status: 422,
    });
    const subs = await octokit.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
      {
        owner: OWNER,
        repo: REPO,
        issue_number: b.number,
        per_page: 100,
      },
    );
    expect(subs).toHaveLength(100);
    expect(planningState(gh.state).subIssues.get(a.id)).toEqual([]);
    gh.assertNoContractViolations();
  });
});
