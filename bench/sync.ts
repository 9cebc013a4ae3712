import { defaultConfig } from '../src/core/config/schema.js';
import { createOctokit } from '../src/github/create-octokit.js';
import { OctokitPort } from '../src/github/octokit-port.js';
import { parsePostmortem } from '../src/core/markdown/parse-postmortem.js';
import { inScope } from '../src/core/config/matches-glob.js';
import { syncRepository } from '../src/core/sync/sync-repository.js';
import { createGitHubStandIn, type GitHubStandIn } from '../test/support/github-stand-in.js';

const OWNER = 'acme';
const REPO = 'ops';
const FILES = 200;
const ITEMS_PER_FILE = 5;
const OWNERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const NOW = new Date('2026-03-20T12:00:00Z');

function generate(edited: ReadonlySet<string> = new Set()): Record<string, string> {
  const files: Record<string, string> = {};
  for (let f = 0; f < FILES; f++) {
    const day = String((f % 28) + 1).padStart(2, '0');
    const path = `postmortems/2025-${String((f % 12) + 1).padStart(2, '0')}-${day}-incident-${f}.md`;
    const items: string[] = [];
    for (let i = 0; i < ITEMS_PER_FILE; i++) {
      const key = `${f}-${i}`;
      const owner = OWNERS[(f + i) % OWNERS.length] ?? 'alice';
      const due = `2026-${String((i % 9) + 1).padStart(2, '0')}-15`;
      const suffix = edited.has(key)
        ? ' (Owner: @' + owner + ', Due: 2026-12-31)'
        : ` (Owner: @${owner}, Due: ${due})`;
      items.push(
        `- [${(f + i) % 7 === 0 ? 'x' : ' '}] Improve subsystem ${f} safeguard number ${i} for service ${f * 7 + i}${suffix}`,
      );
    }
    files[path] = [
      `# Incident ${f}: service degradation`,
      '',
      `**Date:** 2025-${String((f % 12) + 1).padStart(2, '0')}-${day}`,
      `**Severity:** SEV${(f % 4) + 1}`,
      '',
      '## Summary',
      '',
      `Service ${f} degraded.`,
      '',
      '## Action items',
      '',
      ...items,
      '',
    ].join('\n');
  }
  return files;
}

async function sync(
  gh: GitHubStandIn,
  files: Record<string, string>,
  sha: string,
): Promise<{ requests: number; writes: number; tracked: number; changed: number }> {
  const octokit = createOctokit({
    baseUrl: 'https://api.github.com',
    token: 'bench',
    fetch: gh.fetch,
    writeIntervalMs: 0,
  });
  const port = new OctokitPort(octokit, { owner: OWNER, repo: REPO });
  const postmortems = Object.entries(files).map(([path, text]) => parsePostmortem(text, path));
  const mark = gh.requests.mark();
  const report = await syncRepository(
    {
      postmortems,
      // 1,000 items: above the default cap on open tracked issues (500).
      config: { ...defaultConfig, sync: { ...defaultConfig.sync, maxOpenIssues: 100_000 } },
      repo: { owner: OWNER, repo: REPO },
      sha,
      serverUrl: 'https://github.com',
      now: NOW,
      isRemovable: (path) => inScope(path, defaultConfig.paths, defaultConfig.exclude),
      creatorLogin: async () => 'postmortem-tracker[bot]',
    },
    port,
    { dryRun: false, maxWrites: 100_000 },
  );
  const changed = report.plan.filter(
    (op) => op.kind !== 'skip' && op.kind !== 'link' && op.kind !== 'create-label',
  ).length;
  return {
    requests: gh.requests.count(undefined, mark),
    writes: gh.requests.writes(mark),
    tracked: report.trackedBefore,
    changed,
  };
}

/** API economy of sync for 1,000 action items across 200 post-mortems, as a markdown section. */
export async function bench(): Promise<string> {
  const gh = createGitHubStandIn({ now: () => NOW, warnOnViolation: false });
  gh.addRepo({ owner: OWNER, repo: REPO, collaborators: OWNERS.slice(0, 6) });
  const files = generate();
  const started = performance.now();
  const first = await sync(gh, files, '1'.repeat(40));
  const firstMs = performance.now() - started;
  const again = await sync(gh, files, '1'.repeat(40));
  // Ten open items (done ones, `(f + i) % 7 === 0`, have no issue) in ten different files.
  const editedKeys = new Set(
    Array.from({ length: 10 }, (_, n) => {
      const f = n * 17;
      const i = [0, 1, 2, 3, 4].find((k) => (f + k) % 7 !== 0 && k !== 0) ?? 1;
      return `${f}-${i}`;
    }),
  );
  const edit = await sync(gh, generate(editedKeys), '2'.repeat(40));

  const budget = (tracked: number, changed: number): number =>
    Math.ceil(tracked / 100) + 3 + changed;
  const trackedAfterFirst = again.tracked;
  const rows = [
    ['first sync', first, budget(trackedAfterFirst, first.changed)],
    ['no-change re-sync', again, budget(again.tracked, 0)],
    ['sync after editing 10 items', edit, budget(edit.tracked, edit.changed)],
  ] as const;
  const lines = [
    '## Sync API economy',
    '',
    `${FILES} post-mortems, ${FILES * ITEMS_PER_FILE} action items (${trackedAfterFirst} open ones tracked; items done before tracking get no issue), ${OWNERS.length} owners of whom ${OWNERS.length - 6} cannot be assigned; requests counted at the GitHub stand-in; write pacing off.`,
    '',
    '| run | requests | writes | changed items | target (ceil(tracked/100) + 3 + changed) | within |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      ([name, r, target]) =>
        `| ${name} | ${r.requests} | ${r.writes} | ${r.changed} | ${target} | ${r.requests <= target ? 'yes' : 'NO'} |`,
    ),
    '',
    `First sync took ${(firstMs / 1000).toFixed(1)} s in-process. The first sync's target counts issues tracked after it; its extra reads are the empty issue listing, one label listing, one assignee listing, and ${first.writes - first.changed} label creations.`,
    '',
  ];
  return lines.join('\n');
}

// Run directly: `node lib/bench/sync.js` prints the section.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(await bench());
}
