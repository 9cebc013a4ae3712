/** Where sync reports progress; hosts pass @actions/core, console, or Probot's logger. */
export interface SyncLogger {
  info(message: string): void;
  warning(message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: SyncLogger = { info: () => undefined, warning: () => undefined };
