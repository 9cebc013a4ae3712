import type { Config } from '../core/config/index.js';
import type { LintResult } from '../core/lint/index.js';
import type { ParseOptions } from '../core/markdown/index.js';
import type { Postmortem } from '../core/model/index.js';
import { readLimits } from '../core/read/index.js';
import { sharedParsePool, type ParsePool } from './parse-pool.js';

/** Parses one decoded post-mortem in a worker within `options.limits` (time budget, action-item cap). */
export async function parseInWorker(
  text: string,
  path: string,
  options: ParseOptions,
  pool: ParsePool = sharedParsePool(),
): Promise<Postmortem> {
  const limits = readLimits(options.limits);
  const task = { text, path, options, maxActionItems: limits.maxActionItems };
  return (await pool.run(task, limits.parseTimeoutMs)).postmortem;
}

/** Parses and lints one decoded post-mortem in a worker within `config.limits`: `lintText`, bounded. */
export async function lintInWorker(
  text: string,
  path: string,
  config: Config,
  pool: ParsePool = sharedParsePool(),
): Promise<LintResult> {
  const limits = readLimits(config.limits);
  const task = { text, path, options: {}, config, maxActionItems: limits.maxActionItems };
  return pool.run(task, limits.parseTimeoutMs);
}
