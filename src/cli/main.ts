import { IoError } from '../io/io-error.js';
import { parseOnThisThread } from '../io/parse-pool.js';
import type { CliCommand, CliIo } from './io.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: postmortem-tracker <command> [options]

Commands:
  lint [PATH|GLOB...]   check post-mortems (missing sections, owners, due dates, placeholders, blame)
  parse FILE            print what the parser reads from one post-mortem, as JSON
  init [PATH]           write a new post-mortem from the template
  digest [PATH...]      summarise open, overdue and recurring action items
  sync [PATH...]        create and update one GitHub issue per open action item
  report [PATH...]      write a self-contained dashboard (--out DIR)

Run "postmortem-tracker <command> --help" for a command's options.
`;

const COMMANDS: Record<string, () => Promise<{ run: CliCommand }>> = {
  lint: () => import('./commands/lint.js'),
  parse: () => import('./commands/parse.js'),
  init: () => import('./commands/init.js'),
  digest: () => import('./commands/digest.js'),
  sync: () => import('./commands/sync.js'),
  report: () => import('./commands/report.js'),
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (command === undefined) {
    io.stderr.write(HELP);
    return 2;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load === undefined) {
    io.stderr.write(`postmortem-tracker: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  // A one-shot process: files are parsed on this thread, each still stopped at its time budget.
  parseOnThisThread();
  try {
    const { run } = await load();
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof IoError) {
      io.stderr.write(`postmortem-tracker ${command}: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(
      `postmortem-tracker ${command}: unexpected failure, please report it:\n${detail}\n`,
    );
    return 2;
  }
}
