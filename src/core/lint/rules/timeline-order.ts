import type { LintRule, RuleFinding } from '../lint-rule.js';

const HOUR = 3_600_000;
// A date written in the entry's time: a year, a numeric day-month, or a month name with a day.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}';
const HAS_DATE = new RegExp(
  `\\d{4}|\\b\\d{1,2}[-/.]\\d{1,2}\\b(?!:)|\\b${MONTH}\\.? ?\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? ?${MONTH}\\b`,
  'i',
);

/**
 * Timeline entries with resolved instants run forward in time. An entry written with a time
 * only that falls more than 12 hours before the previous one is read as the next day (the
 * timeline crossed midnight), and later time-only entries follow it.
 */
export const timelineOrder: LintRule = {
  id: 'timeline-order',
  defaultSeverity: 'error',
  description:
    'Timeline entries are in chronological order (a time-only entry more than 12 hours before the previous one counts as the next day).',
  check({ pm }) {
    const findings: RuleFinding[] = [];
    let previous: { t: number; line: number; time: string } | null = null;
    let dayOffset = 0;
    for (const entry of pm.timeline) {
      if (entry.at === null) continue;
      const timeOnly = !HAS_DATE.test(entry.time.slice(0, 80));
      let t = Date.parse(entry.at) + (timeOnly ? dayOffset : 0);
      if (Number.isNaN(t)) continue;
      if (previous !== null && t < previous.t) {
        if (timeOnly && previous.t - t > 12 * HOUR && previous.t - t < 24 * HOUR) {
          dayOffset += 24 * HOUR;
          t += 24 * HOUR;
        } else {
          findings.push({
            line: entry.line,
            message: `Timeline entry "${entry.time}" is earlier than "${previous.time}" on line ${previous.line}; put entries in time order (check both for a typo), and write the date when the incident spans days.`,
          });
        }
      }
      previous = { t, line: entry.line, time: entry.time };
    }
    return findings;
  },
};
