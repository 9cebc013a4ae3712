import { execFile } from 'node:child_process';
import { parseOptionsFromConfig } from '../../core/config/index.js';
import { createOctokit } from '../../github/create-octokit.js';
import { OctokitPort } from '../../github/octokit-port.js';
import { tokenLogin } from '../../github/token-login.js';
import { describeOperation } from '../../core/sync/index.js';
import { inScope } from '../../core/config/index.js';
import { syncRepository, type SyncReport } from '../../core/sync/index.js';
import { IoError } from '../../io/io-error.js';
import { isGoneFromWorkspace } from '../../io/is-gone-from-workspace.js';
import { loadConfigFile } from '../../io/load-config-file.js';
import { parsePostmortemFiles } from '../../io/parse-postmortem-files.js';
import { describeGitHubError } from '../describe-github-error.js';
import { findTargets } from '../find-targets.js';
import type { CliIo } from '../io.js';
import { parseBaseUrl } from '../parse-base-url.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { readToken } from '../read-token.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: postmortem-tracker sync --repo OWNER/NAME [PATH...] [options]

Creates, updates and closes one GitHub issue per action item, as the Action's sync mode does.

Arguments:
  PATH               files, directories or globs; default: the config's "paths". With paths
                     given, only issues of those files can be closed.

Options:
  --repo OWNER/NAME  repository of the issues (required)
  --token-stdin      read the GitHub token from standard input; default: $GITHUB_TOKEN,
                     else $GH_TOKEN
  --token TOKEN      GitHub token on the command line (discouraged: it shows in the
                     process list and shell history)
  --api-url URL      REST API URL; default $GITHUB_API_URL, else https://api.github.com
                     (GHES: https://HOST/api/v3)
  --server-url URL   web URL for permalinks; default $GITHUB_SERVER_URL, else https://github.com
  --sha SHA          commit for permalinks; default: git rev-parse HEAD
  --dry-run          print the plan, write nothing
  --max-writes N     upper bound on writes this run; the config's sync.maxWrites applies
                     when lower
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 done, 1 a write failed (rerun to finish), 2 usage, config, I/O or
access error (a refused token, a repository not found, a host not reachable).
`;

/** `postmortem-tracker sync`: reconciles the repository's issues with the post-mortems. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    args,
    {
      repo: { type: 'string' },
      token: { type: 'string' },
      'token-stdin': { type: 'boolean' },
      'api-url': { type: 'string' },
      'server-url': { type: 'string' },
      sha: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'max-writes': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'sync',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [owner, repo, ...rest] = (values.repo ?? '').split('/');
  if (!owner || !repo || rest.length > 0)
    throw new UsageError(`--repo is "${values.repo ?? ''}"; expected OWNER/NAME`);
  const env = io.env ?? process.env;
  const apiUrl = parseBaseUrl(
    values['api-url'] ?? (env['GITHUB_API_URL'] || 'https://api.github.com'),
    values['api-url'] !== undefined ? '--api-url' : 'GITHUB_API_URL',
    'https://api.github.com or https://HOST/api/v3',
  );
  const serverUrl = parseBaseUrl(
    values['server-url'] ?? (env['GITHUB_SERVER_URL'] || 'https://github.com'),
    values['server-url'] !== undefined ? '--server-url' : 'GITHUB_SERVER_URL',
    'https://github.com or https://HOST',
  );
  const dryRun = values['dry-run'] === true;
  const token = await readToken({ flag: values.token, stdin: values['token-stdin'] }, io);
  if (!token && !dryRun)
    throw new UsageError(
      'no token: set GITHUB_TOKEN or GH_TOKEN, or pipe it to --token-stdin (a dry run may go without one on public repositories)',
    );
  let maxWrites: number | undefined;
  if (values['max-writes'] !== undefined) {
    if (!/^\d+$/.test(values['max-writes']))
      throw new UsageError(
        `--max-writes is "${values['max-writes']}"; expected a whole number, 0 or more`,
      );
    maxWrites = Number(values['max-writes']);
  }

  const loaded = await loadConfigFile(io.cwd, values.config);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of loaded.diagnostics)
    io.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule})\n`);
  if (errors.length > 0) {
    io.stderr.write(
      'postmortem-tracker sync: fix the config first; nothing is written from a misread config.\n',
    );
    return 2;
  }
  const config = loaded.config;
  const files = await findTargets('sync', positionals, io, config);
  if (files === null) return 2;
  const sha = values.sha ?? (await gitHead(io.cwd));
  if (!sha) throw new UsageError('cannot tell the commit: pass --sha (permalinks point at it)');

  const { postmortems, unreadable } = await parsePostmortemFiles(
    io.cwd,
    files,
    parseOptionsFromConfig(config),
  );
  // Unlike the Action, a terminal run stops on an unreadable file: nothing is planned around it.
  if (unreadable[0]) throw new IoError(unreadable[0].message);
  const named = new Set(files);
  const read = new Set(postmortems.map((p) => p.path));

  const octokit = createOctokit({
    baseUrl: apiUrl,
    token: token || null,
    writeIntervalMs: config.sync.writeIntervalMs,
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m) => io.stderr.write(`warning: ${m}\n`),
      error: () => undefined,
    },
  });
  const now = io.now ? io.now() : new Date();
  const target = { repo: `${owner}/${repo}`, apiUrl };
  let report: SyncReport;
  try {
    report = await syncRepository(
      {
        postmortems,
        config,
        repo: { owner, repo },
        sha,
        serverUrl,
        now,
        isRemovable: (path) =>
          (positionals.length > 0
            ? named.has(path)
            : inScope(path, config.paths, config.exclude)) &&
          (read.has(path) || isGoneFromWorkspace(io.cwd, path)),
        creatorLogin: () => tokenLogin(octokit),
      },
      new OctokitPort(octokit, { owner, repo }),
      {
        dryRun,
        // The flag is the operator's bound: the repository's config may lower it, never raise it.
        maxWrites: Math.min(maxWrites ?? Infinity, config.sync.maxWrites),
        logger: {
          info: (m) => io.stdout.write(`${m}\n`),
          warning: (m) => io.stderr.write(`warning: ${m}\n`),
        },
      },
    );
  } catch (error) {
    const message = describeGitHubError(error, target);
    if (message === null) throw error;
    io.stderr.write(`postmortem-tracker sync: ${message}\n`);
    return 2;
  }
  for (const u of report.unassigned)
    io.stdout.write(`${u.path}:${u.line}: ${u.team ? 'note' : 'warning'}: ${u.reason}\n`);
  for (const { op } of report.result.applied) {
    if (op.kind === 'skip' && op.reason !== 'up-to-date')
      io.stdout.write(`${describeOperation(op)}\n`);
  }
  const c = report.counts;
  io.stdout.write(
    `${dryRun ? 'planned' : 'done'}: ${c.created} created, ${c.updated} updated, ${c.closed} closed, ${c.reopened} reopened, ${c.linked} linked, ${c.skipped} skipped; ${report.result.writes} write(s)\n`,
  );
  if (report.result.capped)
    io.stderr.write(
      `max writes reached: ${report.result.notApplied.filter((n) => n.reason === 'max-writes').length} left for the next run\n`,
    );
  if (report.result.failure) {
    io.stderr.write(
      `postmortem-tracker sync: stopped at a failed write (${report.result.failure.message}); run again to finish without duplicates.\n`,
    );
    return 1;
  }
  return 0;
}

function gitHead(cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd }, (error, stdout) =>
      resolve(error ? null : stdout.trim() || null),
    );
  });
}
