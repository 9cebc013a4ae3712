import { parseOptionsFromConfig } from '../../core/config/index.js';
import { loadConfigFile } from '../../io/load-config-file.js';
import { readPostmortemFile } from '../../io/read-postmortem-file.js';
import { parseInWorker } from '../../io/parse-in-worker.js';
import type { CliIo } from '../io.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: postmortem-tracker parse FILE [--json] [--compact] [--config FILE]

Prints what the parser reads from one post-mortem (title, dates, severity, timeline,
action items with owner, due date, status and id, diagnostics) as JSON.

Options:
  --json             print JSON (the default; accepted for scripts that pass it)
  --compact          one line of JSON instead of pretty-printed
  --config FILE      config file (date order, owner aliases); default
                     .github/postmortem-tracker.yml when present
  -h, --help         show this help
`;

/** `postmortem-tracker parse`: prints the parsed `Postmortem` of one file as JSON. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    args,
    {
      json: { type: 'boolean' },
      compact: { type: 'boolean' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'parse',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('parse takes exactly one FILE (see "postmortem-tracker parse --help")');
  const loaded = await loadConfigFile(io.cwd, values.config);
  for (const d of loaded.diagnostics)
    io.stderr.write(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})\n`);
  const text = await readPostmortemFile(io.cwd, file, loaded.config.limits);
  const pm = await parseInWorker(text, file, parseOptionsFromConfig(loaded.config));
  io.stdout.write(`${values.compact ? JSON.stringify(pm) : JSON.stringify(pm, null, 2)}\n`);
  return 0;
}
