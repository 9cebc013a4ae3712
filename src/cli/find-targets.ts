import type { Config } from '../core/config/index.js';
import { findPostmortemFiles } from '../io/find-postmortem-files.js';
import type { CliIo } from './io.js';

/**
 * The post-mortem files a command works on (its PATH arguments, else the config's `paths`), or
 * null after saying on stderr why there are none to use: a target that matches nothing, a path
 * refused (absolute, `..`, a symbolic link, a control character), or no post-mortem at all —
 * a wrong path in CI must fail (exit 2), not pass with "0 files checked".
 */
export async function findTargets(
  command: string,
  targets: readonly string[],
  io: CliIo,
  config: Pick<Config, 'paths' | 'exclude'>,
): Promise<string[] | null> {
  const { files, missing, refused } = await findPostmortemFiles(targets, { cwd: io.cwd, config });
  for (const m of missing)
    io.stderr.write(
      `postmortem-tracker ${command}: no such file, directory or matching glob: ${m}\n`,
    );
  for (const r of refused)
    io.stderr.write(`postmortem-tracker ${command}: ${r.reason}; not read\n`);
  if (missing.length > 0 || refused.length > 0) return null;
  if (files.length === 0) {
    const where = targets.length > 0 ? targets.join(', ') : config.paths.join(', ');
    io.stderr.write(
      `postmortem-tracker ${command}: no post-mortems found in ${where}; name files or directories, or set "paths" in the config.\n`,
    );
    return null;
  }
  return files;
}
