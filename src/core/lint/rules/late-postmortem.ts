import { differenceInBusinessDays, parseISO } from 'date-fns';
import type { LintRule } from '../lint-rule.js';
import { severityKey } from '../../text/severity-key.js';

const LIMIT = 5;

/** A post-mortem of the two most severe levels is written within five business days. */
export const latePostmortem: LintRule = {
  id: 'late-postmortem',
  defaultSeverity: 'warning',
  description: `A post-mortem of the two most severe levels (SEV1/SEV2 by default) is published within ${LIMIT} business days of the incident (checked when the front matter gives a \`published:\` date).`,
  check({ pm, config }) {
    const { severity, incidentDate, publishedDate } = pm;
    if (severity === null || incidentDate === null || publishedDate === null) return [];
    const top = config.severityScale.slice(0, 2).map(severityKey);
    if (!top.includes(severityKey(severity))) return [];
    const days = differenceInBusinessDays(parseISO(publishedDate), parseISO(incidentDate));
    if (!(days > LIMIT)) return [];
    return [
      {
        line: pm.lines.publishedDate ?? pm.lines.incidentDate ?? 1,
        message: `This ${severity} post-mortem was published ${days} business days after the incident (${incidentDate} → ${publishedDate}); aim for ${LIMIT} or fewer while memories are fresh, and say in the summary why it took longer.`,
      },
    ];
  },
};
