import { parseOptionsFromConfig } from '../../core/config/index.js';
import { isCalendarDate } from '../../core/text/index.js';
import { runDigest } from '../../core/digest/index.js';
import { isValidTimeZone, startOfLocalDay } from '../../core/digest/index.js';
import { loadConfigFile } from '../../io/load-config-file.js';
import { parsePostmortemFiles } from '../../io/parse-postmortem-files.js';
import { findTargets } from '../find-targets.js';
import type { CliIo } from '../io.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: postmortem-tracker digest [PATH...] [--now YYYY-MM-DD] [--format markdown|json] [--config FILE]

Prints the weekly digest offline: overdue and due-soon action items, completion and
on-time rates, recurring incidents, response metrics (MTTD, MTTA, MTTR) and post-mortem
hygiene. Item status comes from the markdown (checkboxes, status columns).

Arguments:
  PATH               files, directories (their **/*.md) or globs; default: the
                     config's "paths" (postmortems/**/*.md)

Options:
  --now DATE         compute as of this day (YYYY-MM-DD, noon in digest.timeZone); default: now
  --format FORMAT    markdown (default) or json
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 digest printed, 2 usage, config or I/O error, or no post-mortem found.
`;

/** `postmortem-tracker digest`: computes the weekly digest of the named (or configured) post-mortems offline. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    args,
    {
      now: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'digest',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json')
    throw new UsageError(`unknown --format "${format}"; use markdown or json`);
  if (values.now !== undefined && !isCalendarDate(values.now))
    throw new UsageError(
      `--now "${values.now}" is not a date; use YYYY-MM-DD, e.g. --now 2026-11-23`,
    );

  const loaded = await loadConfigFile(io.cwd, values.config);
  for (const d of loaded.diagnostics)
    io.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule})\n`);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr.write(
      'postmortem-tracker digest: fix the config first; a digest on a misread config would mislead.\n',
    );
    return 2;
  }
  const config = loaded.config;
  if (!isValidTimeZone(config.digest.timeZone)) {
    io.stderr.write(
      `postmortem-tracker digest: digest.timeZone "${config.digest.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)\n`,
    );
    return 2;
  }
  const now =
    values.now !== undefined
      ? new Date(startOfLocalDay(values.now, config.digest.timeZone).getTime() + 12 * 3_600_000)
      : (io.now ?? (() => new Date()))();

  const files = await findTargets('digest', positionals, io, config);
  if (files === null) return 2;
  const { postmortems, unreadable } = await parsePostmortemFiles(
    io.cwd,
    files,
    parseOptionsFromConfig(config),
  );
  for (const u of unreadable) io.stderr.write(`postmortem-tracker digest: ${u.message}\n`);
  const ioFailed = unreadable.length > 0;

  const result = await runDigest({
    config,
    now,
    postmortems,
    github: null,
    links: { repoUrl: null, defaultBranch: 'main' },
  });
  if (format === 'json') io.stdout.write(`${JSON.stringify(result.digest, null, 2)}\n`);
  else io.stdout.write(`${result.bodies.join('\n\n---\n\n')}\n`);
  return ioFailed ? 2 : 0;
}
