import type { Postmortem } from '../../model/index.js';
import type { LintRule, RuleFinding } from '../lint-rule.js';

const HOW: Record<string, { heading: string; hint: string }> = {
  summary: {
    heading: 'Summary',
    hint: 'two or three sentences on what happened and who was affected',
  },
  impact: { heading: 'Impact', hint: 'who was affected, for how long, and how badly' },
  timeline: {
    heading: 'Timeline',
    hint: 'timestamped entries such as "- 14:02 UTC — alert fired"',
  },
  rootCause: { heading: 'Root cause', hint: 'the conditions that made the failure possible' },
  actionItems: {
    heading: 'Action items',
    hint: 'items such as "- [ ] Add a canary stage @alice due 2026-12-10"',
  },
  contributingFactors: {
    heading: 'Contributing factors',
    hint: 'what made the impact worse or the recovery slower',
  },
  whatWentWell: { heading: 'What went well', hint: 'what helped detection and recovery' },
  lessonsLearned: { heading: 'Lessons learned', hint: 'what the team now knows' },
};

/** True when the post-mortem has the section, as a heading or as content the parser found elsewhere. */
function hasSection(pm: Postmortem, key: string): boolean {
  if (pm.sections.some((s) => s.key === key)) return true;
  switch (key) {
    case 'summary':
      return pm.sections.some((s) => s.key === 'impact') || pm.impact !== null;
    case 'impact':
      return pm.impact !== null;
    case 'timeline':
      return pm.timeline.length > 0;
    case 'rootCause':
      return pm.rootCause !== null;
    case 'actionItems':
      return pm.actionItems.length > 0;
    case 'contributingFactors':
      return pm.contributingFactors.length > 0;
    case 'whatWentWell':
      return pm.whatWentWell.length > 0;
    default:
      return false;
  }
}

/** Every section listed in `requiredSections` is present. */
export const requiredSections: LintRule = {
  id: 'required-sections',
  defaultSeverity: 'error',
  description:
    'Every section in `requiredSections` is present (`summary` is also satisfied by an impact section).',
  check({ pm, config }) {
    const line = pm.lines.title ?? 1;
    const findings: RuleFinding[] = [];
    for (const key of config.requiredSections) {
      if (hasSection(pm, key)) continue;
      const how = HOW[key] ?? { heading: key, hint: 'its content' };
      findings.push({
        line,
        message: `Missing a "## ${how.heading}" section; add one with ${how.hint}.`,
      });
    }
    return findings;
  },
};
