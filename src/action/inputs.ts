import * as core from '@actions/core';
import { z } from 'zod';
import { DEFAULT_CONFIG_FILE } from '../core/guard/index.js';
import { splitPathsInput } from './paths-input.js';
import { ACTION_MODES, type ActionMode } from './pick-mode.js';

export type { ActionMode } from './pick-mode.js';

export { DEFAULT_PATHS } from './paths-input.js';
/** The `config` default of action.yml: left at it, every config file name is looked for (`.yml`, `.yaml`). */
export const DEFAULT_CONFIG = DEFAULT_CONFIG_FILE;

const flag = (fallback: boolean) =>
  z
    .string()
    .transform((raw) => raw.trim())
    .refine((raw) => raw === '' || /^(true|yes|on|false|no|off)$/i.test(raw), {
      message: 'expected true or false',
    })
    .transform((raw) => (raw === '' ? fallback : /^(true|yes|on)$/i.test(raw)));

/**
 * Every input of action.yml, read through one table as release-drafter does: each entry's schema
 * parses the raw string `core.getInput` returns ('' when unset), so no input can be forgotten or
 * read twice (a test checks the table against action.yml).
 */
export const INPUTS = {
  token: z.string(),
  paths: z.string().transform(splitPathsInput),
  mode: z
    .string()
    .transform((raw) => raw.trim() || 'auto')
    .pipe(
      z.enum(ACTION_MODES, {
        message: 'expected one of auto, check, sync, digest',
      }),
    ),
  config: z.string().transform((raw) => raw.trim() || DEFAULT_CONFIG),
  'dry-run': flag(false),
  'max-writes': z
    .string()
    .transform((raw) => raw.trim() || '50')
    .refine((raw) => /^\d{1,15}$/.test(raw), {
      message: 'expected a whole number of writes, 0 or more (default 50)',
    })
    .transform(Number),
  'fail-on-error': flag(true),
  'report-dir': z.string().transform((raw) => raw.trim()),
} as const;

type InputName = keyof typeof INPUTS;
type Parsed = { [K in InputName]: z.output<(typeof INPUTS)[K]> };

/** The Action's inputs, validated. */
export interface ActionInputs {
  token: string;
  /** Post-mortem globs from the `paths` input (one per line or comma-separated). */
  paths: string[];
  mode: ActionMode;
  /** Repository-relative path of the config file. */
  config: string;
  dryRun: boolean;
  /** The operator's bound on writes per run; a repository's config may lower it, never raise it. */
  maxWrites: number;
  failOnError: boolean;
  /** Workspace-relative folder for the static dashboard (digest mode); '' writes none. */
  reportDir: string;
}

/** Reads and validates every input; errors name the input, the bad value and the expected form. */
export function readInputs(
  read: (name: string) => string = (name) => core.getInput(name),
): ActionInputs {
  const parsed = {} as Record<InputName, unknown>;
  for (const name of Object.keys(INPUTS) as InputName[]) {
    const raw = read(name);
    const result = INPUTS[name].safeParse(raw);
    if (!result.success) {
      const why = result.error.issues[0]?.message ?? 'invalid';
      // The token is never echoed; other inputs are the workflow author's own text.
      const shown = name === 'token' ? '***' : raw.trim();
      throw new Error(`input "${name}" is "${shown}"; ${why}`);
    }
    parsed[name] = result.data;
  }
  const inputs = parsed as Parsed;
  return {
    token: inputs.token,
    paths: inputs.paths,
    mode: inputs.mode,
    config: inputs.config,
    dryRun: inputs['dry-run'],
    maxWrites: inputs['max-writes'],
    failOnError: inputs['fail-on-error'],
    reportDir: inputs['report-dir'],
  };
}
