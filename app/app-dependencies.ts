import type { AppIdentity } from './app-identity.js';

/** What the app's handlers are handed instead of reaching for globals. */
export interface AppDependencies {
  /** The clock (sync's overdue state, the digest's week). */
  now: () => Date;
  /** The login the app opens issues as (`{slug}[bot]`), looked up only when sync needs it. */
  appLogin: () => Promise<string | null>;
  /** The app's id and slug (`GET /app`, cached), to tell its own check runs from other apps'. */
  appIdentity: () => Promise<AppIdentity | null>;
}
