import type { Config } from '../config/schema.js';
import type { Diagnostic } from '../model/index.js';

/** A completed check run's conclusion. */
export type CheckConclusion = 'failure' | 'neutral' | 'success';

/**
 * `failure` when a diagnostic reaches `failOn`, `neutral` when there are findings that do not,
 * `success` when there are none.
 */
export function checkConclusion(
  diagnostics: readonly Diagnostic[],
  failOn: Config['check']['failOn'],
): CheckConclusion {
  if (diagnostics.length === 0) return 'success';
  const fails = diagnostics.some((d) =>
    failOn === 'error' ? d.severity === 'error' : failOn === 'warning',
  );
  return fails ? 'failure' : 'neutral';
}
