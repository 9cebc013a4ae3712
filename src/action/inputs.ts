import * as core from '@actions/core';
import { DEFAULT_CONFIG_FILE } from '../core/config/index.js';

/** The Action's modes; `auto` picks one from the event. */
export type ActionMode = 'auto' | 'check' | 'sync' | 'digest';

/** The Action's inputs, validated. */
export interface ActionInputs {
  token: string;
  /** Post-mortem globs from the `paths` input (one per line or comma-separated). */
  paths: string[];
  mode: ActionMode;
  /** Repository-relative path of the config file. */
  config: string;
  dryRun: boolean;
  maxWrites: number;
  failOnError: boolean;
}

/** The `paths` default of action.yml; when the input keeps it, a config file's `paths` wins. */
export const DEFAULT_PATHS = 'postmortems/**/*.md';
/** The `config` default of action.yml: left at it, every config file name is looked for (`.yml`, `.yaml`). */
export const DEFAULT_CONFIG = DEFAULT_CONFIG_FILE;

const MODES: readonly string[] = ['auto', 'check', 'sync', 'digest'];

/** Reads and validates the inputs; errors name the input, the bad value and the expected form. */
export function readInputs(): ActionInputs {
  const mode = core.getInput('mode') || 'auto';
  if (!MODES.includes(mode))
    throw new Error(`input "mode" is "${mode}"; expected one of ${MODES.join(', ')}`);
  const maxWritesText = core.getInput('max-writes') || '50';
  const maxWrites = Number(maxWritesText);
  if (!/^\d+$/.test(maxWritesText) || !Number.isSafeInteger(maxWrites)) {
    throw new Error(
      `input "max-writes" is "${maxWritesText}"; expected a whole number of writes, 0 or more (default 50)`,
    );
  }
  const paths = (core.getInput('paths') || DEFAULT_PATHS)
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    token: core.getInput('token'),
    paths,
    mode: mode as ActionMode,
    config: core.getInput('config') || DEFAULT_CONFIG,
    dryRun: booleanInput('dry-run', false),
    maxWrites,
    failOnError: booleanInput('fail-on-error', true),
  };
}

function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  throw new Error(`input "${name}" is "${raw}"; expected true or false`);
}
