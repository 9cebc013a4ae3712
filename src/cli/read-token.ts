import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** How the token was given, as `sync` reads it. */
export interface TokenSource {
  /** `--token` on the command line (visible in the process list and shell history). */
  flag?: string | undefined;
  /** `--token-stdin`: read the first line of standard input. */
  stdin?: boolean | undefined;
}

/**
 * The token for GitHub: from `--token-stdin`, else `GITHUB_TOKEN` or `GH_TOKEN`, else `--token`
 * with a warning on stderr (a token on the command line shows in `ps` and in shell history).
 * Empty when none is given.
 */
export async function readToken(source: TokenSource, io: CliIo): Promise<string> {
  if (source.stdin && source.flag !== undefined)
    throw new UsageError('pass the token with --token-stdin or --token, not both');
  if (source.stdin) {
    let text = '';
    for await (const chunk of io.stdin ?? process.stdin)
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const token = text.split(/\r?\n/)[0]?.trim() ?? '';
    if (!token) throw new UsageError('--token-stdin read no token from standard input');
    return token;
  }
  if (source.flag !== undefined) {
    io.stderr.write(
      'warning: --token puts the token in the process list and shell history; set GITHUB_TOKEN or GH_TOKEN, or pipe it to --token-stdin\n',
    );
    return source.flag;
  }
  const env = io.env ?? process.env;
  return env['GITHUB_TOKEN'] || env['GH_TOKEN'] || '';
}
