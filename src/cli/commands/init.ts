import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describeFsError } from '../../io/describe-fs-error.js';
import { IoError } from '../../io/io-error.js';
import type { CliIo } from '../io.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { postmortemTemplate } from '../postmortem-template.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: postmortem-tracker init [PATH]

Writes a new post-mortem from the template: a short worked example under each heading
the linter expects. It never overwrites an existing file.

Arguments:
  PATH        the file to write, or a directory to write YYYY-MM-DD-incident.md into;
              default postmortems/YYYY-MM-DD-incident.md

Options:
  -h, --help  show this help
`;

/** `postmortem-tracker init`: writes a new post-mortem from the template, refusing to overwrite. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    args,
    { help: { type: 'boolean', short: 'h' } },
    'init',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('init takes at most one PATH (see "postmortem-tracker init --help")');
  const today = (io.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const fileName = `${today}-incident.md`;
  let target = resolve(io.cwd, positionals[0] ?? join('postmortems', fileName));
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) target = join(target, fileName);
  const shown = relative(io.cwd, target) || target;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, postmortemTemplate({ today }), { flag: 'wx' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST')
      throw new IoError(
        `${shown} already exists; choose another PATH (init never overwrites a file)`,
      );
    throw new IoError(`cannot write ${shown}: ${describeFsError(error)}`);
  }
  io.stdout.write(
    `Wrote ${shown}. Replace the worked example with your incident, then run: postmortem-tracker lint ${shown}\n`,
  );
  return 0;
}
