import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseOptionsFromConfig } from '../../core/config/index.js';
import { isValidTimeZone, startOfLocalDay } from '../../core/digest/index.js';
import { buildReport, renderReport } from '../../core/report/index.js';
import { isCalendarDate } from '../../core/text/index.js';
import { loadConfigFile } from '../../io/load-config-file.js';
import { parsePostmortemFiles } from '../../io/parse-postmortem-files.js';
import { readUplotAssets, type UplotAssets } from '../../io/read-uplot-assets.js';
import { findTargets } from '../find-targets.js';
import type { CliIo } from '../io.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: postmortem-tracker report [PATH...] --out DIR [--now YYYY-MM-DD] [--repo-url URL] [--config FILE]

Writes a self-contained dashboard to DIR/index.html: open, overdue and done action items over
time, completion and on-time rates, MTTD/MTTA/MTTR per severity against targets, recurring
incidents, per-owner and per-service breakdowns and every incident with its items. The data and
the charting library are inside the page: it needs no server and makes no request, so DIR can be
published as is (GitHub Pages). The headline figures are those of "digest --format json".

Arguments:
  PATH               files, directories (their **/*.md) or globs; default: the config's "paths"

Options:
  --out DIR          directory to write index.html into (created when missing)
  --now DATE         compute as of this day (YYYY-MM-DD, noon in digest.timeZone); default: now
  --repo-url URL     link post-mortems to https://github.com/OWNER/REPO (default: plain paths)
  --branch NAME      branch of those links (default: main)
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 dashboard written, 2 usage, config or I/O error, or no post-mortem found.
`;

async function readUplot(io: CliIo): Promise<UplotAssets> {
  const assets = await readUplotAssets();
  if (assets !== null) return assets;
  io.stderr.write(
    'postmortem-tracker report: the uplot package was not found, so the page has no chart; its tables hold every figure (reinstall postmortem-tracker to get the chart).\n',
  );
  return { uplotJs: '', uplotCss: '' };
}

/** `postmortem-tracker report`: writes the static dashboard of the named (or configured) post-mortems. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    args,
    {
      out: { type: 'string' },
      now: { type: 'string' },
      'repo-url': { type: 'string' },
      branch: { type: 'string', default: 'main' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'report',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.out === undefined || values.out.trim() === '')
    throw new UsageError('--out DIR is required: the directory to write index.html into');
  if (values.now !== undefined && !isCalendarDate(values.now))
    throw new UsageError(
      `--now "${values.now}" is not a date; use YYYY-MM-DD, e.g. --now 2026-11-23`,
    );
  const repoUrl = values['repo-url'] ?? null;
  if (repoUrl !== null && !/^https:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+\/?$/.test(repoUrl))
    throw new UsageError(
      `--repo-url "${repoUrl}" is not a repository URL; use https://github.com/OWNER/REPO`,
    );

  const loaded = await loadConfigFile(io.cwd, values.config);
  for (const d of loaded.diagnostics)
    io.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule})\n`);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr.write(
      'postmortem-tracker report: fix the config first; a dashboard on a misread config would mislead.\n',
    );
    return 2;
  }
  const config = loaded.config;
  if (!isValidTimeZone(config.digest.timeZone)) {
    io.stderr.write(
      `postmortem-tracker report: digest.timeZone "${config.digest.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)\n`,
    );
    return 2;
  }
  const now =
    values.now !== undefined
      ? new Date(startOfLocalDay(values.now, config.digest.timeZone).getTime() + 12 * 3_600_000)
      : (io.now ?? (() => new Date()))();

  const files = await findTargets('report', positionals, io, config);
  if (files === null) return 2;
  const { postmortems, unreadable } = await parsePostmortemFiles(
    io.cwd,
    files,
    parseOptionsFromConfig(config),
  );
  for (const u of unreadable) io.stderr.write(`postmortem-tracker report: ${u.message}\n`);

  const data = buildReport({ postmortems, issues: [], config, now });
  const html = renderReport(data, {
    ...(await readUplot(io)),
    repoUrl: repoUrl?.replace(/\/$/, '') ?? null,
    defaultBranch: values.branch ?? 'main',
  });
  const dir = resolve(io.cwd, values.out);
  const target = join(dir, 'index.html');
  await mkdir(dir, { recursive: true });
  await writeFile(target, html, 'utf8');
  io.stdout.write(
    `postmortem-tracker report: wrote ${target} (${Math.round(Buffer.byteLength(html) / 1024)} KiB; ${data.incidents.length} post-mortems, ${data.digest.items.open} open, ${data.digest.items.overdue.length} overdue)\n`,
  );
  return unreadable.length > 0 ? 2 : 0;
}
