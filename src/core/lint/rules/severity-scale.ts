import type { LintRule } from '../lint-rule.js';
import { severityKey } from '../../text/severity-key.js';

/** The severity is one of the configured scale. */
export const severityScale: LintRule = {
  id: 'severity-scale',
  defaultSeverity: 'error',
  description: 'The severity is one of `severityScale` (ignoring case, spaces and dashes).',
  check({ pm, config }) {
    if (pm.severity === null) return [];
    const wanted = severityKey(pm.severity);
    if (config.severityScale.some((s) => severityKey(s) === wanted)) return [];
    return [
      {
        line: pm.lines.severity ?? pm.lines.title ?? 1,
        message: `Severity "${pm.severity}" is not on the scale; write one of ${config.severityScale.join(', ')} (or add it to severityScale in the config).`,
      },
    ];
  },
};
