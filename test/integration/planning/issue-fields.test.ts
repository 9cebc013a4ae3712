import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { describeOperation } from '../../../src/core/sync/describe-operation.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  defineIssueFields,
  issueFieldValues,
  planningState,
} from '../../support/planning-state.js';
import {
  OWNER,
  PATH,
  REPO,
  base,
  failingFetch,
  postmortemText,
  runSync,
  snapshot,
  standIn,
  trackedById,
} from '../sync/harness.js';

const planning: Config = {
  ...defaultConfig,
  planning: { ...defaultConfig.planning, issueFields: true },
};

/** A team that turned issue fields off (`planning.issueFields: false`). */
const off: Config = {
  ...defaultConfig,
  planning: { ...defaultConfig.planning, issueFields: false },
};

const files = (items: string[]): Record<string, string> => ({ [PATH]: postmortemText(items) });

/** A stand-in whose organisation defines the "Due date" and "Severity" issue fields. */
function orgWithFields(): GitHubStandIn {
  const gh = standIn();
  defineIssueFields(gh.state, OWNER, [
    { name: 'Due date', dataType: 'date' },
    { name: 'Severity', dataType: 'single_select', options: ['SEV1', 'SEV2', 'SEV3'] },
    { name: 'Notes', dataType: 'text' },
  ]);
  return gh;
}

/** Each tracked item's issue field values, by item id. */
function fieldsById(gh: GitHubStandIn): Record<string, Record<string, string | number>> {
  const out: Record<string, Record<string, string | number>> = {};
  for (const [id, issue] of [...trackedById(gh).entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
    out[id] = issueFieldValues(gh.state, OWNER, issue);
  return out;
}

function fieldWrites(gh: GitHubStandIn, mark?: number): number {
  return gh.requests.count((r) => r.write && (r.route?.includes('issue-field') ?? false), mark);
}

function lines(): { info: string[]; logger: { info(m: string): void; warning(m: string): void } } {
  const info: string[] = [];
  return {
    info,
    logger: { info: (m) => info.push(m), warning: (m) => info.push(`warning: ${m}`) },
  };
}

describe('issue fields', () => {
  it('with no configuration at all, the organisation’s "Due date" and "Severity" fields are kept in step', async () => {
    const gh = orgWithFields();
    const log = lines();
    const report = await runSync(gh, files(base), { logger: log.logger });
    expect(report.result.failure).toBeNull();
    expect(report.plan.filter((op) => op.kind === 'set-fields')).toHaveLength(
      report.counts.created,
    );
    const byTitle = new Map(
      [...trackedById(gh).values()].map((i) => [i.title, issueFieldValues(gh.state, OWNER, i)]),
    );
    expect(byTitle.get('Add a replica lag alert')).toEqual({
      'Due date': '2026-04-01',
      Severity: 'SEV1',
    });
    expect(log.info.filter((l) => l.startsWith('issue fields'))).toEqual([
      'issue fields: keeping "Due date" and "Severity" in step with the post-mortems',
    ]);
    // A no-change re-sync: no write, and the field definitions are the one read more than with them off.
    const again = gh.requests.mark();
    await runSync(gh, files(base));
    expect(gh.requests.writes(again)).toBe(0);
    expect(gh.requests.filter(undefined, again).map((r) => `${r.method} ${r.route ?? ''}`)).toEqual(
      ['GET /repos/{owner}/{repo}/issues', 'GET /orgs/{org}/issue-fields'],
    );
  });

  it('first sync sets every item issue’s due date and severity; the dry run lists those writes first', async () => {
    const gh = orgWithFields();
    const dry = await runSync(gh, files(base), { config: planning, dryRun: true });
    const planned = dry.plan
      .filter((op) => op.kind === 'set-fields')
      .map((op) => describeOperation(op));
    expect(planned.length).toBe(dry.plan.filter((op) => op.kind === 'create').length);
    expect(
      planned.some((l) => /set Due date = 2026-04-01, Severity = SEV1 on the new issue/.test(l)),
    ).toBe(true);
    expect(gh.requests.writes()).toBe(0);

    const report = await runSync(gh, files(base), { config: planning });
    expect(report.result.failure).toBeNull();
    const values = Object.values(fieldsById(gh));
    expect(values.length).toBe(report.counts.created);
    expect(values.every((v) => v['Severity'] === 'SEV1')).toBe(true);
    expect(values.filter((v) => v['Due date'] === '2026-04-01')).toHaveLength(1);
    expect(values.filter((v) => v['Due date'] === '2026-03-10')).toHaveLength(1);
    // One field write per created issue: both fields travel in one request.
    expect(fieldWrites(gh)).toBe(report.counts.created);
    expect(report.counts.fieldsWritten).toBe(report.counts.created);
  });

  it('a due-date edit updates the field, a removed due date clears it, a ticked item keeps it', async () => {
    // Without default due dates, an item whose due date is removed has none.
    const config: Config = { ...planning, defaultDueDays: {} };
    const gh = orgWithFields();
    await runSync(gh, files(base), { config });
    const edited = [...base];
    edited[0] = '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-15)';
    edited[5] = '- [x] Rotate the replication credentials (Owner: @bob)';
    const mark = gh.requests.mark();
    const report = await runSync(gh, files(edited), { config });
    expect(report.result.failure).toBeNull();
    const ops = report.plan.filter((op) => op.kind === 'set-fields' || op.kind === 'clear-field');
    expect(ops.map((op) => describeOperation(op).replace(/#\d+/, '#N'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^set Due date = 2026-04-15 on #N for /),
        expect.stringMatching(/^clear Due date on #N for /),
      ]),
    );
    expect(fieldWrites(gh, mark)).toBe(2);
    const byTitle = new Map(
      [...trackedById(gh).values()].map((i) => [i.title, issueFieldValues(gh.state, OWNER, i)]),
    );
    expect(byTitle.get('Add a replica lag alert')).toEqual({
      'Due date': '2026-04-15',
      Severity: 'SEV1',
    });
    expect(byTitle.get('Rotate the replication credentials')).toEqual({ Severity: 'SEV1' });
  });

  it('a no-change re-sync makes no write and one read more than with the feature off', async () => {
    const gh = orgWithFields();
    await runSync(gh, files(base), { config: planning });
    const on = gh.requests.mark();
    const again = await runSync(gh, files(base), { config: planning });
    expect(gh.requests.writes(on)).toBe(0);
    const onReads = gh.requests.count(undefined, on);
    const turnedOff = gh.requests.mark();
    await runSync(gh, files(base), { config: off });
    expect(gh.requests.count(undefined, turnedOff)).toBe(onReads - 1);
    expect(again.reads).toBeGreaterThan(0);
  });

  it('a due date changed on GitHub is reported as a disagreement and put back to the post-mortem’s', async () => {
    const gh = orgWithFields();
    await runSync(gh, files(base), { config: planning });
    const issue = [...trackedById(gh).values()].find((i) => i.title === 'Add a replica lag alert');
    const due = planningState(gh.state)
      .issueFields.get(OWNER)
      ?.find((f) => f.name === 'Due date');
    planningState(gh.state)
      .values.get(issue?.id ?? 0)
      ?.set(due?.id ?? 0, '2026-05-01');
    const info: string[] = [];
    await runSync(gh, files(base), {
      config: planning,
      logger: { info: (m) => info.push(m), warning: (m) => info.push(m) },
    });
    expect(info).toContainEqual(
      expect.stringMatching(
        /^set Due date = 2026-04-01 \(was 2026-05-01 on GitHub: the post-mortem and GitHub disagreed; edit the post-mortem to change it\) on #\d+ for /,
      ),
    );
    expect(issue && issueFieldValues(gh.state, OWNER, issue)['Due date']).toBe('2026-04-01');
  });

  it('turned off, no request touches issue fields and the figures are those of an org without them', async () => {
    const withFields = orgWithFields();
    const without = standIn();
    const a = await runSync(withFields, files(base), { config: off });
    const b = await runSync(without, files(base), { config: off });
    expect(withFields.requests.filter((r) => r.route?.includes('issue-field') ?? false)).toEqual(
      [],
    );
    expect(withFields.requests.count()).toBe(without.requests.count());
    expect(a.reads).toBe(b.reads);
  });

  it('an owner without issue fields (a user account), or a token refused them, syncs as with them off, one read more and one informational line', async () => {
    for (const setup of ['no-org', 'no-field', 'refused'] as const) {
      const gh = setup === 'no-org' ? standIn() : orgWithFields();
      if (setup === 'no-field') planningState(gh.state).issueFields.set(OWNER, []);
      if (setup === 'refused') planningState(gh.state).refused.add(OWNER);
      const today = standIn();
      const log = lines();
      // No configuration: the default is on.
      const report = await runSync(gh, files(base), { logger: log.logger });
      const plain = await runSync(today, files(base), { config: off });
      expect(report.result.failure, setup).toBeNull();
      expect(snapshot(gh), setup).toEqual(snapshot(today));
      expect(gh.requests.writes(), setup).toBe(today.requests.writes());
      expect(report.reads, setup).toBe(plain.reads + 1);
      const notes = log.info.filter((l) => l.includes('issue field'));
      expect(notes, setup).toHaveLength(1);
      expect(notes[0], setup).toMatch(
        setup === 'no-field'
          ? /no date field "Due date"/
          : setup === 'refused'
            ? /HTTP 403/
            : /HTTP 404/,
      );
    }
  });

  it('a fault at every write position still ends with one issue and the right fields per item', async () => {
    const after = files([
      ...base.slice(0, 5),
      '- [ ] Rotate the replication credentials (Owner: @bob, Due: 2026-03-12)',
      '- [ ] Add a synthetic write probe (@bob, Due: 2026-05-01)',
    ]);
    const prepared = async (): Promise<GitHubStandIn> => {
      const gh = orgWithFields();
      await runSync(gh, files(base), { config: planning, plain: true });
      return gh;
    };
    const clean = await prepared();
    const cleanReport = await runSync(clean, after, { config: planning, plain: true });
    const total = cleanReport.result.writes;
    expect(cleanReport.plan.some((op) => op.kind === 'set-fields')).toBe(true);
    const expected = { issues: snapshot(clean), fields: fieldsById(clean) };

    for (const how of ['refused', 'lost'] as const) {
      for (let k = 1; k <= total; k++) {
        const gh = await prepared();
        const failing = await runSync(gh, after, {
          config: planning,
          fetch: failingFetch(gh.fetch, k, how),
          createAttempts: 1,
          plain: true,
        });
        expect(failing.result.failure, `${how} k=${k}`).not.toBeNull();
        const rerun = await runSync(gh, after, { config: planning, plain: true });
        expect(rerun.result.failure, `${how} k=${k}`).toBeNull();
        expect({ issues: snapshot(gh), fields: fieldsById(gh) }, `${how} k=${k}`).toEqual(expected);
        const mark = gh.requests.mark();
        await runSync(gh, after, { config: planning, plain: true });
        expect(gh.requests.writes(mark), `${how} k=${k}: a third run writes nothing`).toBe(0);
      }
    }
  });

  it('planning writes obey the write cap; the next run finishes them', async () => {
    const gh = orgWithFields();
    const first = await runSync(gh, files(base), { config: planning, maxWrites: 5 });
    expect(first.result.writes).toBe(5);
    expect(first.result.capped).toBe(true);
    let runs = 1;
    for (; runs < 10; runs++) {
      const next = await runSync(gh, files(base), { config: planning, maxWrites: 5 });
      if (!next.result.capped) break;
    }
    const clean = orgWithFields();
    await runSync(clean, files(base), { config: planning });
    expect(fieldsById(gh)).toEqual(fieldsById(clean));
  });
});

describe('the stand-in’s issue field values', () => {
  it('answers 422 for a bad date, an unknown option and a field the org does not define', async () => {
    const gh = orgWithFields();
    const octokit = new Octokit({ request: { fetch: gh.fetch } });
    const issue = await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: 'x' });
    const [due, severity] = planningState(gh.state).issueFields.get(OWNER) ?? [];
    const post = (field_id: number, value: string) =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values', {
        owner: OWNER,
        repo: REPO,
        issue_number: issue.data.number,
        issue_field_values: [{ field_id, value }],
      });
    await expect(post(due?.id ?? 0, '2026-02-30')).rejects.toMatchObject({ status: 422 });
    await expect(post(due?.id ?? 0, 'next week')).rejects.toMatchObject({ status: 422 });
    await expect(post(severity?.id ?? 0, 'SEV9')).rejects.toMatchObject({ status: 422 });
    await expect(post(999_999, 'x')).rejects.toMatchObject({ status: 422 });
    await post(due?.id ?? 0, '2026-02-28');
    const listed = await octokit.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: 1 });
    expect((listed.data as { issue_field_values?: unknown[] }).issue_field_values).toEqual([
      expect.objectContaining({ issue_field_name: 'Due date', value: '2026-02-28' }),
    ]);
    gh.assertNoContractViolations();
  });
});
