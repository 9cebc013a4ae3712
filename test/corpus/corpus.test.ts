import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/core/markdown/parse-postmortem.js';
import type { Postmortem } from '../../src/core/model/index.js';
import { formatCorpusReport } from './format-report.js';

// The shared corpus sits beside the project: ../shared/corpus/real from the project root.
const corpusDir = resolve(import.meta.dirname, '../../../shared/corpus/real');
const present = existsSync(corpusDir);
if (!present) console.warn(`corpus test skipped: ${corpusDir} not found`);

const files = present
  ? readdirSync(corpusDir)
      .filter((f) => f !== 'SOURCES.tsv')
      .sort()
  : [];
const parsed = new Map<string, Postmortem>();
const get = (name: string): Postmortem => {
  let pm = parsed.get(name);
  if (!pm) {
    pm = parsePostmortem(readFileSync(join(corpusDir, name), 'utf8'), name);
    parsed.set(name, pm);
  }
  return pm;
};
const titles = (name: string): string[] => get(name).actionItems.map((i) => i.title);

(present ? describe : describe.skip)('real post-mortem corpus', () => {
  it('parses every file without throwing or a parse-error, and prints the report of items found', () => {
    const report: string[] = [];
    for (const f of files) {
      const pm = get(f);
      expect(
        pm.diagnostics.filter((d) => d.rule === 'parse-error'),
        f,
      ).toEqual([]);
      report.push(formatCorpusReport(pm));
    }
    console.log(report.join('\n'));
    expect(files.length).toBeGreaterThan(100);
  });

  // Counts below were checked by hand against the documents.
  it.each([
    ['terra-rebels__postmortems__06272022-SecOps-Review-Postmortem.md', 52],
    ['PostHog__post-mortems__2025-11-15-persons-db-migration.md', 11],
    ['ethereum-optimism__optimism__docs__postmortems__2022-05-31-drop-1.md', 13],
    ['bdougie__contributor.info__docs__postmortems__2025-01-09-inngest-step-isolation-bug.md', 8],
    [
      'bdougie__contributor.info__docs__postmortems__2025-10-10-respond-tracking-table-mismatch.md',
      9,
    ],
    [
      'jupyterhub__mybinder.org-deploy__docs__source__incident-reports__2018-03-26-no-space-left.md',
      6,
    ],
    [
      'ministryofjustice__cloud-platform__source__incidents__2021-07-12-all-ingress-apps-live1-stop-working.html.md.erb.md',
      7,
    ],
    [
      'ministryofjustice__cloud-platform__source__incidents__2022-01-22-some-dns-records-deleted.html.md.erb.md',
      6,
    ],
    [
      'ministryofjustice__cloud-platform__source__incidents__2021-11-05-modsec-ingress-controller-erroring.html.md.erb.md',
      0,
    ],
    ['comdex-official__incident-reports__comdex-1__incident_report_patch_fix_16_dec.md', 0],
    ['comdex-official__incident-reports__comdex-1__incentives_epoch_miss_8th_december.md', 3],
    ['learningequality__postmortems__002-cloudflare-incomplete-migration.md', 3],
    ['learningequality__postmortems__004-sushibar-certificate-expired.md', 3],
    ['portswigger-cloud__postmortems__2026__01__load-balancer-webhook-certificate-expiry.md', 2],
    ['govuk-one-login__account-interventions-service__docs__incidents__001-lambda-retries.md', 2],
    ['usdigitalresponse__univaf__docs__incidents__2021-06-28--external-id-migration.md', 4],
    ['usdigitalresponse__univaf__docs__incidents__2022-04-15--no-update-external-ids.md', 0],
    ['dfds__postmortems__PM2021-011_-_Log4Shell.md', 6],
    ['babywyrm__sysadmin__SRE__postmortem_ex_.md', 9],
    [
      'rust-lang__infra-team__service-catalog__rust-ci__post-mortems__20260702-rust-outage__README.md',
      7,
    ],
    [
      'bloom-solutions__bloom-solutions.github.io__source__2021-05-06-upay-deposits-breakage-post-mortem.html.markdown.md',
      0,
    ],
  ])('finds the hand-counted items in %s', (name, count) => {
    expect(get(name).actionItems).toHaveLength(count);
  });

  it('splits done from open by checkbox, table status cell and section wording', () => {
    const done = (name: string) => get(name).actionItems.filter((i) => i.status === 'done').length;
    expect(
      done(
        'jupyterhub__mybinder.org-deploy__docs__source__incident-reports__2018-03-26-no-space-left.md',
      ),
    ).toBe(3);
    expect(
      done(
        'bdougie__contributor.info__docs__postmortems__2025-01-09-inngest-step-isolation-bug.md',
      ),
    ).toBe(3);
    expect(done('babywyrm__sysadmin__SRE__postmortem_ex_.md')).toBe(3);
    expect(done('PostHog__post-mortems__2025-11-15-persons-db-migration.md')).toBe(7);
    expect(
      get(
        'GNS-Science__aws-snapshot__docs__incidents__2026-06-19-toshi-silent-cleanup.md',
      ).actionItems.map((i) => [i.tracker, i.status]),
    ).toEqual([
      ['#41', 'done'],
      ['#42', 'done'],
      ['#46', 'open'],
    ]);
  });

  it('reads owners written as prefixes, subjects, brackets, inline labels and table cells', () => {
    const owners = (name: string) => get(name).actionItems.map((i) => i.owner);
    expect(owners('cosmos__incidents__hub__2025__0414_upgrade.md')).toEqual([
      'Hypha',
      'Hypha',
      'Hypha',
      'Hypha + ICL',
      'Hypha + ICL',
      'ICL',
    ]);
    expect(
      owners('cosmos__incidents__general__2025__0505-github.md').filter(
        (o) => o === 'ICL' || o === 'AR',
      ),
    ).toHaveLength(9);
    expect(
      owners(
        'govuk-one-login__account-interventions-service__docs__incidents__001-lambda-retries.md',
      ),
    ).toEqual(['Ed', 'Developers']);
    expect(
      owners('PostHog__post-mortems__2025-10-03-surveys-sdk-bug.md').filter(
        (o) => o === '@lucasheriques',
      ),
    ).toHaveLength(4);
    expect(owners('babywyrm__sysadmin__SRE__postmortem_ex_.md')).toContain('jennifer');
    expect(
      owners(
        'department-of-veterans-affairs__va.gov-team__products__facilities__facility-locator__post-mortem__mobile-map-not-rendering.md',
      ),
    ).toEqual([null]);
  });

  it('links existing tracker references instead of leaving them in the title', () => {
    const items = get('kubernetes__test-infra__docs__post-mortems__2019-03-26.md').actionItems;
    expect(items.map((i) => i.tracker)).toEqual([
      'https://github.com/kubernetes/test-infra/issues/11956',
      'https://github.com/kubernetes/test-infra/issues/11957',
      'https://github.com/kubernetes/test-infra/issues/11953',
    ]);
    expect(items.every((i) => !/#\d/.test(i.title))).toBe(true);
    expect(
      get(
        '2i2c-org__incident-reports__reports__2023-02-01-daskhub-induced-evictions.md',
      ).actionItems.map((i) => i.tracker),
    ).toEqual(['#2127', '#2213', '#2209', '#2324', '#2366']);
    expect(
      get(
        'portswigger-cloud__postmortems__2023__11__dataloss-on-crossplane-upgrade.md',
      ).actionItems.every((i) => i.tracker?.includes('atlassian.net/browse/')),
    ).toBe(true);
  });

  it('does not take resolution steps, deployment checklists or process checklists for items', () => {
    expect(
      titles(
        'bdougie__contributor.info__docs__postmortems__2025-01-09-inngest-step-isolation-bug.md',
      ),
    ).not.toContain('Verify all environment variables match .env.example');
    expect(
      titles('learningequality__postmortems__002-cloudflare-incomplete-migration.md').some((t) =>
        /hangout|postmortem/i.test(t),
      ),
    ).toBe(false);
  });

  it('keeps tiers and periods from action headings as the due phrase', () => {
    const dues = get('PostHog__post-mortems__2025-09-29-flags-is-down.md').actionItems.map(
      (i) => i.dueRaw,
    );
    expect(dues).toContain('Immediate');
    expect(dues).toContain('Short-term');
    expect(dues).toContain('Q4 2025 - Q1 2026');
    expect(get('babywyrm__sysadmin__SRE__postmortem_ex_.md').actionItems.at(-1)?.due).toBe(
      '2015-11-20',
    );
  });

  // Second hand check (five files picked at random, plus the Boskos timeline met on the way).
  it('reads the second hand-checked files: items, trackers, metadata lists and timeline zones', () => {
    const memory = get('2i2c-org__infrastructure__docs__incidents__2020-10-28-memory-overload.md');
    expect(memory.actionItems.map((i) => [i.status, i.tracker?.split('/').pop()])).toEqual([
      ['open', '89'],
      ['open', '90'],
      ['open', '91'],
      ['open', '92'],
      ['open', '87'],
    ]);
    // `All times in IST` (UTC+5:30) under the timeline heading.
    expect(memory.timeline[0]?.at).toBe('2020-08-28T15:22:00Z');

    const yearn = get('yearn__yearn-security__disclosures__2021-02-04.md');
    expect(yearn.actionItems).toEqual([]);
    expect(yearn.timeline.map((e) => e.at)).toEqual([
      '2021-02-04T21:45:00Z',
      '2021-02-04T21:48:00Z',
      '2021-02-04T21:56:00Z',
      '2021-02-04T22:07:00Z',
      '2021-02-04T22:09:00Z',
      null,
    ]);

    // A template whose only action row is empty, with `Authors:` on its own line above a list.
    const ppms = get(
      'department-of-veterans-affairs__va.gov-team__products__facilities__facility-locator__post-mortem__ppms-outage-june-2020.md',
    );
    expect(ppms.actionItems).toEqual([]);
    expect(ppms.authors).toEqual(['Dave Conlon, DEPO', 'Michelle Middaugh, Ad Hoc']);
    expect(ppms.impact).toMatch(/^PPMS Locator remained functional/);

    // Templates: the people table's header (`Name | Role | …`) is no `Name: Role` metadata.
    const kehoe = get(
      'dastergon__postmortem-templates__templates__postmortem-template-michael.kehoe.md',
    );
    expect(kehoe.title).toBe('Postmortem Template');
    expect(kehoe.actionItems).toEqual([]);
    const azure = get('dastergon__postmortem-templates__templates__postmortem-template-azure.md');
    expect([azure.title, azure.incidentDate, azure.actionItems]).toEqual([null, null, []]);

    // `All times in PDT (UTC-7).` above the timeline; the year-less `12-05` could be May or December.
    const boskos = get('kubernetes__test-infra__docs__post-mortems__2019-03-26.md');
    expect(boskos.actionItems.map((i) => i.tracker?.split('/').pop())).toEqual([
      '11956',
      '11957',
      '11953',
    ]);
    expect(boskos.timeline.slice(0, 3).map((e) => e.at)).toEqual([
      null,
      '2019-03-20T23:46:00Z',
      '2019-03-27T00:40:00Z',
    ]);
    expect(boskos.diagnostics.filter((d) => d.rule === 'date-ambiguous')).toHaveLength(1);
  });

  // Third hand check (seven files picked as hard: tiers with bold groups, a list breaking out of its
  // bold parent, `Action point:` paragraphs, lead-ins in H1 prose, completed-only items).
  it.each([
    ['PostHog__post-mortems__2025-10-21-feature-flags-recurring-outages.md', 26],
    [
      'ministryofjustice__cloud-platform__source__incidents__2025-07-23-multiple-secrets-leaked-to-public.html.md.erb.md',
      8,
    ],
    ['ethereum__go-ethereum__docs__postmortems__2021-08-22-split-postmortem.md', 3],
    ['ethereum-optimism__optimism__docs__postmortems__2023-04-26-transaction-delays.md', 2],
    ['2i2c-org__incident-reports__reports__2025-08-12-leap-outage.md', 5],
    ['openSUSE__obs-landing___posts__deployments__2025-11-05-post-mortem.md', 3],
    ['portswigger-cloud__postmortems__2024__10__saas-outage.md', 3],
  ])('finds the hand-counted items in %s (third check)', (name, count) => {
    expect(get(name).actionItems).toHaveLength(count);
  });

  it('reads the third hand-checked files: tier groups, done notes and completed lead-ins', () => {
    // Bold `**Group:**` lines inside tiered remediation headings group items; they do not end them.
    const flags = get('PostHog__post-mortems__2025-10-21-feature-flags-recurring-outages.md');
    const tiers = new Map<string, number>();
    for (const i of flags.actionItems)
      tiers.set(i.dueRaw ?? '-', (tiers.get(i.dueRaw ?? '-') ?? 0) + 1);
    expect(Object.fromEntries(tiers)).toEqual({
      Immediate: 7,
      'Short-term': 7,
      'Medium-term': 8,
      'Long-term': 4,
    });
    expect(flags.actionItems.filter((i) => i.status === 'done')).toHaveLength(7);

    // `Action point: …` with a `- This has been done` note under it.
    const split = get('ethereum__go-ethereum__docs__postmortems__2021-08-22-split-postmortem.md');
    expect(split.actionItems.map((i) => i.status)).toEqual(['done', 'open', 'open']);

    // `… Specifically:` introduces what the upgrade brings, not more items.
    expect(
      get(
        'ethereum-optimism__optimism__docs__postmortems__2023-04-26-transaction-delays.md',
      ).actionItems.every((i) => /\bwe will (?:add|increase)\b/i.test(i.title)),
    ).toBe(true);

    const leap = get('2i2c-org__incident-reports__reports__2025-08-12-leap-outage.md');
    expect(leap.actionItems.map((i) => [i.status, i.tracker?.split('/').pop() ?? null])).toEqual([
      ['open', null],
      ['open', null],
      ['open', '34'],
      ['done', '6555'],
      ['done', null],
    ]);

    // "The following action items are already completed:"
    expect(
      get('openSUSE__obs-landing___posts__deployments__2025-11-05-post-mortem.md').actionItems.map(
        (i) => i.status,
      ),
    ).toEqual(['done', 'done', 'done']);

    // A numbered list at column 0 after `- **Review actions**:`; "Leads to review …" names the owner.
    const secrets = get(
      'ministryofjustice__cloud-platform__source__incidents__2025-07-23-multiple-secrets-leaked-to-public.html.md.erb.md',
    );
    expect(secrets.actionItems.map((i) => i.owner)).toEqual([
      ...Array<null>(7).fill(null),
      'Leads',
    ]);
  });
});
