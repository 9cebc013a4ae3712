import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';
import { errorMessage } from '../core/text/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs in strict mode, its errors turned into {@link UsageError}s. */
export function parseCliArgs<T extends Options>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = errorMessage(error);
    throw new UsageError(
      `${message.replace(/\. To specify a positional argument.*$/s, '')} (see "postmortem-tracker ${command} --help")`,
    );
  }
}
