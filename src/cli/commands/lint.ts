import type { Diagnostic } from '../../core/model/index.js';
import { IoError } from '../../io/io-error.js';
import { loadConfigFile } from '../../io/load-config-file.js';
import { readPostmortemFile } from '../../io/read-postmortem-file.js';
import { lintInWorker } from '../../io/parse-in-worker.js';
import { findTargets } from '../find-targets.js';
import { githubReporter } from '../format/format-github.js';
import { jsonReporter } from '../format/format-json.js';
import { stylishReporter } from '../format/format-stylish.js';
import type { CliIo } from '../io.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: postmortem-tracker lint [PATH|GLOB...] [--format stylish|json|github] [--config FILE]

Checks post-mortems for missing sections, action items without owner or due date,
ambiguous dates, leftover template placeholders and blame language.

Arguments:
  PATH|GLOB          files, directories (their **/*.md) or globs; default: the
                     config's "paths" (postmortems/**/*.md)

Options:
  --format FORMAT    stylish (default), json, or github (workflow annotations)
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error, or no post-mortem found.
`;

/** Files read and linted at once: enough that several are ready in one turn and share a guarded parse. */
const IN_FLIGHT = 16;

const FORMATS = { stylish: stylishReporter, json: jsonReporter, github: githubReporter } as const;

/** `postmortem-tracker lint`: lints the named (or configured) post-mortems and prints a report. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    args,
    {
      format: { type: 'string', default: 'stylish' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'lint',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? 'stylish';
  if (!(format in FORMATS))
    throw new UsageError(`unknown --format "${format}"; use stylish, json or github`);
  const reporter = FORMATS[format as keyof typeof FORMATS]();

  const loaded = await loadConfigFile(io.cwd, values.config);
  const files = await findTargets('lint', positionals, io, loaded.config);
  if (files === null) return 2;

  // Each file's findings are written as soon as it is linted; only the verdict is kept.
  let failed = false;
  const report = (file: string, diagnostics: Diagnostic[]) => {
    failed ||= diagnostics.some((d) => d.severity === 'error');
    io.stdout.write(reporter.file({ file, diagnostics }));
  };
  if (loaded.file !== null && loaded.diagnostics.length > 0)
    report(loaded.file, loaded.diagnostics);
  let ioFailed = false;
  /** One file's findings, or null when it could not be read (said on stderr). */
  const lintFile = async (file: string): Promise<Diagnostic[] | null> => {
    let text: string;
    try {
      text = await readPostmortemFile(io.cwd, file, loaded.config.limits);
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      io.stderr.write(`postmortem-tracker lint: ${error.message}\n`);
      ioFailed = true;
      return null;
    }
    return (await lintInWorker(text, file, loaded.config)).diagnostics;
  };
  // A few files in flight: reads overlap, and files ready together are parsed together. Findings
  // are still written in the order of the files, each as soon as those before it are written.
  const done = new Map<number, Diagnostic[] | null>();
  let next = 0;
  let written = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      done.set(i, await lintFile(files[i]!));
      for (let d = done.get(written); d !== undefined; d = done.get(written)) {
        done.delete(written);
        if (d !== null) report(files[written]!, d);
        written++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));

  io.stdout.write(reporter.end());
  if (ioFailed) return 2;
  return failed ? 1 : 0;
}
