/** What a CLI command may touch of its host: the working directory, the output streams and the clock. */
export interface CliIo {
  cwd: string;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** The current time; defaults to the system clock. */
  now?: () => Date;
}

/** A CLI command: takes its arguments (after the command name) and returns the exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
