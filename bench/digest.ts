import { configSchema } from '../src/core/config/schema.js';
import { analyseDigest } from '../src/core/digest/analyse-digest.js';
import { renderDigest } from '../src/core/digest/render-digest.js';
import { collectTrackedIssues } from '../src/core/digest/run-digest.js';
import { createOctokit } from '../src/github/create-octokit.js';
import { OctokitPort } from '../src/github/octokit-port.js';
import type { Postmortem, TimelineEntry } from '../src/core/model/index.js';
import { renderMarker } from '../src/core/sync/marker.js';
import { buildActionItem, buildPostmortem } from '../test/support/build-postmortem.js';
import { createGitHubStandIn } from '../test/support/github-stand-in.js';

const ISSUES = 5000;
const POSTMORTEMS = 500;
const ITEMS_PER_PM = 10;
const NOW = new Date('2026-11-25T09:00:00Z');

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = [
  'checkout',
  'search',
  'auth',
  'billing',
  'gateway',
  'storage',
  'notifications',
  'payments',
];
const CAUSES = ['config-change', 'capacity', 'dependency', 'deploy', 'certificate', 'database'];
const WORDS =
  'connection pool saturated certificate expired replica lag disk full cache stampede retry storm dns timeout rollout flag memory leak queue backlog'.split(
    ' ',
  );

/** 500 parsed-shape post-mortems over two years, 10 items each, with classified timelines. */
export function generate(): Postmortem[] {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: Postmortem[] = [];
  for (let p = 0; p < POSTMORTEMS; p++) {
    const day = new Date(NOW.getTime() - Math.floor(rand() * 720) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const start = Date.parse(`${date}T10:00:00Z`);
    const iso = (m: number): string => new Date(start + m * 60_000).toISOString();
    const d = 1 + Math.floor(rand() * 20);
    const timeline: TimelineEntry[] = [
      { line: 20, time: '10:00', at: iso(0), text: 'errors begin', kind: 'start' },
      { line: 21, time: '', at: iso(d), text: 'alert fired', kind: 'detection' },
      { line: 22, time: '', at: iso(d + 5), text: 'acknowledged', kind: 'acknowledgement' },
      { line: 23, time: '', at: iso(d + 40), text: 'back to normal', kind: 'resolution' },
    ];
    const title = `${pick(WORDS)} ${pick(WORDS)} in ${pick(SERVICES)}`;
    out.push(
      buildPostmortem({
        path: `postmortems/${date}-${p}.md`,
        title,
        incidentDate: date,
        severity: pick(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
        status: 'final',
        services: [pick(SERVICES)],
        authors: ['@carol'],
        timeline: rand() < 0.2 ? timeline.slice(0, 2) : timeline,
        rootCause: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} after ${pick(WORDS)}`,
        rootCauseCategory: pick(CAUSES),
        actionItems: Array.from({ length: ITEMS_PER_PM }, (_, i) =>
          buildActionItem({
            id: `item-${p}-${i}`,
            title: `Fix ${pick(WORDS)} ${pick(WORDS)}`,
            owner: `@owner${Math.floor(rand() * 40)}`,
            due: new Date(day.getTime() + (7 + Math.floor(rand() * 90)) * 86_400_000)
              .toISOString()
              .slice(0, 10),
            status: rand() < 0.5 ? 'done' : 'open',
            line: 40 + i,
          }),
        ),
        lines: { title: 1 },
      }),
    );
  }
  return out;
}

/** The digest bench: listing requests for 5,000 tracked issues, and analysis + render time for 500 post-mortems. */
export async function bench(): Promise<string> {
  const postmortems = generate();
  const items = postmortems.flatMap((pm) => pm.actionItems.map((item) => ({ pm, item })));
  const standIn = createGitHubStandIn({ now: () => NOW });
  standIn.addRepo({ owner: 'acme', repo: 'ops' });
  const rand = prng(11);
  standIn.addIssues('acme', 'ops', ISSUES, (i) => {
    const { pm, item } = items[i % items.length]!;
    const closed = rand() < 0.5;
    return {
      title: item.title,
      body: `tracked\n\n${renderMarker({ id: item.id, path: pm.path })}`,
      labels: ['postmortem-action-item'],
      state: closed ? 'closed' : 'open',
      created_at: `${pm.incidentDate}T12:00:00Z`,
      closed_at: closed ? NOW.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
    };
  });
  const octokit = createOctokit({
    baseUrl: 'https://api.github.com',
    token: 't',
    fetch: standIn.fetch,
    writeIntervalMs: 0,
  });
  const port = new OctokitPort(octokit, { owner: 'acme', repo: 'ops' });
  const config = configSchema.parse({});

  const mark = standIn.requests.mark();
  const t0 = performance.now();
  const issues = await collectTrackedIssues(port, config, 'postmortem-tracker[bot]');
  const listMs = performance.now() - t0;
  const listRequests = standIn.requests.count({ kind: 'rest', method: 'GET' }, mark);
  const target = Math.ceil(ISSUES / 100);

  analyseDigest({ postmortems, issues, config, now: NOW }); // warm-up
  const analyseTimes: number[] = [];
  const renderTimes: number[] = [];
  let parts = 0;
  let chars = 0;
  for (let run = 0; run < 5; run++) {
    const a = performance.now();
    const digest = analyseDigest({ postmortems, issues, config, now: NOW });
    const b = performance.now();
    const bodies = renderDigest(digest, {
      repoUrl: 'https://github.com/acme/ops',
      defaultBranch: 'main',
    });
    renderTimes.push(performance.now() - b);
    analyseTimes.push(b - a);
    parts = bodies.length;
    chars = bodies.reduce((n, x) => n + x.length, 0);
  }
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const analyseMs = med(analyseTimes);
  standIn.assertNoContractViolations();

  return `## Digest

${ISSUES} tracked issues in the GitHub stand-in; ${POSTMORTEMS} generated post-mortems (parsed shape, ${ITEMS_PER_PM} items each, classified timelines; the parser is benched above).

| Measure | Result | Target |
| --- | --- | --- |
| Listing requests for ${issues.length} tracked issues | ${listRequests} | ≤ ${target} ${listRequests <= target ? '✅' : '❌'} |
| Listing time (in-process stand-in) | ${listMs.toFixed(0)} ms | |
| Analysis of ${POSTMORTEMS} post-mortems × ${issues.length} issues (median of 5) | ${analyseMs.toFixed(0)} ms (max ${Math.max(...analyseTimes).toFixed(0)} ms) | < 1000 ms ${analyseMs < 1000 ? '✅' : '❌'} |
| Render (median of 5) | ${med(renderTimes).toFixed(0)} ms → ${parts} part(s), ${chars.toLocaleString('en-US')} characters | each part ≤ 65,536 |
`;
}
