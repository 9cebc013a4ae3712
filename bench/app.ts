import { ProbotOctokit } from 'probot';
import { configSchema } from '../src/core/config/schema.js';
import { createOctokitRepoFiles } from '../src/github/octokit-repo-files.js';
import { defaultBranchHead } from '../app/default-branch-head.js';
import { readPostmortemFiles } from '../app/read-postmortem-files.js';
import { createGitHubStandIn } from '../test/support/github-stand-in.js';
import { generatePostmortems } from './generate-postmortems.js';

/** Requests and time for the app to read every post-mortem of a repository of `count` of them. */
async function readAll(count: number): Promise<{
  requests: number;
  byRoute: Map<string, number>;
  files: number;
  bytes: number;
  ms: number;
}> {
  const standIn = createGitHubStandIn({ warnOnViolation: false });
  const docs = generatePostmortems(count, 5);
  const files: Record<string, string> = {
    'README.md': '# service\n',
    '.github/postmortem-tracker.yml': 'check:\n  failOn: error\n',
  };
  docs.forEach((doc, i) => {
    files[`postmortems/${2020 + (i % 6)}/incident-${String(i).padStart(4, '0')}.md`] = doc;
  });
  // Unrelated files the listing also returns, and files the filter must leave out.
  for (let i = 0; i < 300; i++) files[`src/module-${i}/index.ts`] = `export const n = ${i};\n`;
  files['postmortems/README.md'] = '# Index\n';
  files['postmortems/_template.md'] = '# Template\n';
  standIn.addRepo({ owner: 'acme', repo: 'payments', files });
  const Octokit = ProbotOctokit.defaults({
    request: { fetch: standIn.fetch },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
  const octokit = new Octokit({ auth: { token: 'bench-token' } });
  const repo = { owner: 'acme', repo: 'payments' };
  const start = performance.now();
  const head = await defaultBranchHead(octokit, repo);
  const read = await readPostmortemFiles(
    createOctokitRepoFiles(octokit, repo),
    head.sha,
    configSchema.parse({}),
  );
  const ms = performance.now() - start;
  const byRoute = new Map<string, number>();
  for (const r of standIn.requests.all)
    byRoute.set(
      `${r.method} ${r.route ?? r.path}`,
      (byRoute.get(`${r.method} ${r.route ?? r.path}`) ?? 0) + 1,
    );
  if (standIn.contractViolations.length > 0)
    throw new Error(`contract violations: ${JSON.stringify(standIn.contractViolations[0])}`);
  return {
    requests: standIn.requests.all.length,
    byRoute,
    files: read.postmortems.length,
    bytes: read.bytes,
    ms,
  };
}

/** The app's API economy: requests to read every post-mortem of one repository, against the target. */
export async function bench(): Promise<string> {
  const rows: string[] = [];
  let detail = '';
  await readAll(10); // warm up module loading and the stand-in's contract checks
  for (const count of [200, 1000]) {
    const r = await readAll(count);
    const target = 3 + Math.ceil(count / 50);
    rows.push(
      `| ${count} | ${r.files} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.requests} | ${target} | ${r.requests <= target ? 'met' : '**missed**'} | ${r.ms.toFixed(0)} ms |`,
    );
    if (count === 200)
      detail = [...r.byRoute].map(([route, n]) => `- \`${route}\`: ${n}`).join('\n');
  }
  return [
    '## App: reading post-mortems through the API',
    '',
    'Requests the app makes to read every post-mortem of one repository at its default branch (resolve the branch, one recursive tree listing, one GraphQL query per 50 files), against the stand-in. The repository also holds 300 unrelated files and two excluded ones.',
    '',
    '| post-mortems | read | size | requests | target 3 + ⌈n/50⌉ | | time (stand-in) |',
    '| ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows,
    '',
    'Requests for 200 post-mortems, by route:',
    '',
    detail,
    '',
  ].join('\n');
}
