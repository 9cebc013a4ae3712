import type { LintRule } from '../lint-rule.js';

/** The post-mortem states its severity. */
export const severityMissing: LintRule = {
  id: 'severity-missing',
  defaultSeverity: 'error',
  description:
    'The post-mortem states its severity (front matter `severity:` or a `**Severity:**` line).',
  check({ pm, config }) {
    if (pm.severity !== null) return [];
    const example = config.severityScale[Math.min(1, config.severityScale.length - 1)] ?? 'SEV2';
    return [
      {
        line: pm.lines.title ?? 1,
        message: `No severity found; add "**Severity:** ${example}" near the top (or "severity: ${example}" in front matter), one of ${config.severityScale.join(', ')}.`,
      },
    ];
  },
};
