/** What a CLI command may touch of its host: the working directory, the streams, the environment and the clock. */
export interface CliIo {
  cwd: string;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Standard input, read only by `--token-stdin`; defaults to the process's. */
  stdin?: AsyncIterable<string | Uint8Array>;
  /** Environment variables (`GITHUB_TOKEN`, `GITHUB_API_URL` …); defaults to the process's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The current time; defaults to the system clock. */
  now?: () => Date;
}

/** A CLI command: takes its arguments (after the command name) and returns the exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
