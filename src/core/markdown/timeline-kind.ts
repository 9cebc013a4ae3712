import type { TimelineKind } from '../model/index.js';

// Checked most-final first: "deployed the rollback, resolved" is a resolution, not a start.
const RULES: ReadonlyArray<[TimelineKind, RegExp]> = [
  [
    'resolution',
    /\b(?:resolved|resolution|back to normal|fully (?:recovered|restored|operational)|all[- ]clear|incident (?:closed|over|ended)|(?:outage|incident|impact) (?:ends|ended|is over)|recovered|service restored|normal operations?)\b/i,
  ],
  [
    'mitigation',
    /\b(?:roll(?:ed|ing)?[- ]?back|rollback|revert(?:ed|ing)?|mitigat(?:ed|ion|ing|e)|work[- ]?around|fail(?:ed)?[- ]?over|hot[- ]?fix(?:ed)?|restarted|scaled (?:up|out)|disabled)\b/i,
  ],
  [
    'acknowledgement',
    /\b(?:acknowledge[sd]|ack'?d|acked|on[- ]call (?:responded|engineer (?:responded|joined))|investigating|began investigat\w*|started investigat\w*|incident (?:declared|opened|channel))\b/i,
  ],
  [
    'detection',
    /\b(?:(?:alert|alarm|page|monitor|report|check)\w*(?: (?:"[^"\n]{1,80}"|“[^”\n]{1,80}”|[\w%-]+)){0,6} (?:fires|fired|goes off|went off|triggered|trips|tripped)|alerted|paged|detected|noticed|reported|first report\w*|pagerduty|monitor(?:ing)? (?:fired|triggered)|customer (?:report\w*|complain\w*))\b/i,
  ],
  [
    'start',
    /\b(?:started|began|begins?|deployed|deploy(?:ment)? (?:of|started)|released|rolled out|incident start\w*|outage start\w*|introduced|merged)\b/i,
  ],
];

const EXPLICIT: Record<string, TimelineKind> = {
  start: 'start',
  begin: 'start',
  trigger: 'start',
  cause: 'start',
  detection: 'detection',
  detected: 'detection',
  detect: 'detection',
  alert: 'detection',
  acknowledgement: 'acknowledgement',
  acknowledgment: 'acknowledgement',
  ack: 'acknowledgement',
  acknowledged: 'acknowledgement',
  response: 'acknowledgement',
  mitigation: 'mitigation',
  mitigated: 'mitigation',
  mitigate: 'mitigation',
  resolution: 'resolution',
  resolved: 'resolution',
  recovery: 'resolution',
  recovered: 'resolution',
  end: 'resolution',
};

/** Reads an explicit kind written in a field (`Detection`, `ack`, `Resolved`), or null. */
export function explicitTimelineKind(value: string): TimelineKind | null {
  return (
    EXPLICIT[
      value
        .trim()
        .toLowerCase()
        .replace(/[^a-z]/g, '')
    ] ?? null
  );
}

/** Classifies a timeline entry's text by its wording, or null. */
export function classifyTimelineText(text: string): TimelineKind | null {
  const slice = text.length > 500 ? text.slice(0, 500) : text;
  for (const [kind, re] of RULES) if (re.test(slice)) return kind;
  return null;
}
