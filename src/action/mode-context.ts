import type { Config } from '../core/config/index.js';
import type { PacedOctokit } from '../github/create-octokit.js';
import type { OctokitPort } from '../github/octokit-port.js';
import type { ActionEnv } from './action-env.js';
import type { ActionInputs } from './inputs.js';

/** What every mode of the Action is handed by `run()`; modes build no clients and read no env. */
export interface ModeContext {
  inputs: ActionInputs;
  env: ActionEnv;
  /** The configuration after defaults (config-file errors were already annotated). */
  config: Config;
  /** Post-mortem globs in effect (the `paths` input, or the config's `paths`). */
  paths: string[];
  /** Octokit with retries, throttling and write pacing, pointed at GITHUB_API_URL. */
  octokit: PacedOctokit;
  /** Issues and pull-request port over `octokit`, scoped to GITHUB_REPOSITORY. */
  port: OctokitPort;
  /** The login the token writes as (`creatorLogin`), asked of GitHub once per run however often a mode needs it. */
  creatorLogin: () => Promise<string | null>;
  now: Date;
}

/** What a mode reports back; `run()` turns it into outputs and the step's status. */
export interface ModeOutcome {
  created: number;
  updated: number;
  closed: number;
  problems: number;
  /** Item id → issue number. */
  items: Record<string, number>;
  /** URL of the posted digest (digest mode), else empty. */
  digestUrl: string;
  /** When set, the step fails with this message (after outputs and the summary are written). */
  failure: string | null;
}
