/** The shapes the digest computes and renders; plain data, JSON-serialisable. */

/** The post-mortem an item or metric came from. */
export interface IncidentRef {
  path: string;
  title: string;
  /** `YYYY-MM-DD`, or null. */
  date: string | null;
  /** Normalised severity (`SEV1`), or null. */
  severity: string | null;
  /** 1-based line of the title, for links. */
  line: number;
}

/** An action item with its status resolved from the tracked issue or the markdown. */
export interface DigestItem {
  /** `path#id`, unique across post-mortems. */
  key: string;
  id: string;
  path: string;
  line: number;
  title: string;
  /** Issue assignee (`@login`) when tracked and assigned, else the owner written in the post-mortem. */
  owner: string | null;
  /** Effective due date: written, else incident date + `defaultDueDays[severity]`. */
  due: string | null;
  /** Whether `due` was written in the post-mortem (false when defaulted or absent). */
  dueWritten: boolean;
  /** The post-mortem's and GitHub's due dates when the issue's due-date field or the project's disagrees (`due` is the one `planning.dueDateSource` picks). */
  dueDisagreement?: DueDisagreement;
  /** The due phrase as written when it is not a single day (`Q2 2024`), else null. */
  dueVague: string | null;
  status: 'open' | 'done';
  statusSource: 'issue' | 'markdown';
  /** Local date the item came into being: issue creation, else post-mortem publication or incident date. */
  createdOn: string | null;
  /** Local date the item was closed (tracked issues only), else null. */
  closedOn: string | null;
  issue: { number: number; url: string } | null;
  /** The tracker the post-mortem names for the item (`#413`, an issue URL, `JIRA-12`), or null. */
  tracker: string | null;
  incident: IncidentRef;
  /** Post-mortem authors, for escalation. */
  authors: string[];
}

/** A due date the post-mortem and GitHub (the issue field, the project, or both) disagree on. */
export interface DueDisagreement {
  postmortem: string | null;
  /** GitHub's date: the issue field's when it disagrees, else the project's. */
  github: string;
  /** Each place on GitHub that holds another date than the post-mortem, with that date. */
  sources: Array<{ where: 'issue-field' | 'project'; date: string }>;
}

/** An item listed in a digest table. */
export interface ItemRow {
  key: string;
  title: string;
  path: string;
  line: number;
  owner: string | null;
  due: string | null;
  /** Set when the post-mortem and GitHub disagree on the due date. */
  dueDisagreement?: DueDisagreement;
  issue: { number: number; url: string } | null;
  /** The tracker the post-mortem names for the item, or null. */
  tracker: string | null;
  incident: IncidentRef;
  /** Days overdue (overdue), days until due (due soon), days late (closed late), or age in days (oldest open). */
  days: number;
}

/** A rate over one window and its change against the previous window. */
export interface Rate {
  /** 0–100, or null when nothing fell in the window. */
  value: number | null;
  previous: number | null;
  /** Percentage points, or null when either window is empty. */
  trend: number | null;
  /** Items the rate is measured over. */
  of: number;
  /** Items of the cohort left out because their closing date is unknown (done in the markdown, untracked). */
  unknown: number;
}

/** One week of the open-vs-overdue chart. */
export interface WeekPoint {
  /** `2026-W48`. */
  week: string;
  /** The date counted (the week's Sunday, or today for the current week). */
  date: string;
  open: number;
  overdue: number;
}

/** Action item figures. */
export interface ActionItemStats {
  total: number;
  open: number;
  overdue: ItemRow[];
  /** Open items due from today to `dueSoonDays` ahead. */
  dueSoon: ItemRow[];
  dueSoonDays: number;
  closedThisWeek: ItemRow[];
  /** Closed after their due date, in the last `rateWindowDays`. */
  closedLate: ItemRow[];
  completion: Rate;
  onTime: Rate;
  rateWindowDays: number;
  /** Owner → overdue count, most overdue first; `null` owner means unowned. */
  overdueByOwner: { owner: string | null; count: number }[];
  oldestOpen: ItemRow[];
  weekly: WeekPoint[];
}

/** Why incidents were grouped as the same class. */
export type RecurrenceBasis = 'service' | 'tag' | 'rootCauseCategory' | 'similarity';

/** Incidents of the same class, each at most `recurrenceWindowDays` after the previous one. */
export interface RecurrenceGroup {
  basis: RecurrenceBasis;
  /** The shared service, tag or category; for similarity, the shared top terms. */
  key: string;
  /** Other grounds on which exactly the same incidents were grouped. */
  also: { basis: RecurrenceBasis; key: string }[];
  incidents: IncidentRef[];
  /** Each later incident that happened while an earlier incident of the group still had open action items (the most recent such earlier one). */
  recurredWhileOpen: {
    incident: IncidentRef;
    earlier: IncidentRef;
    openItems: {
      key: string;
      title: string;
      line: number;
      /** Effective due date, or null. */
      due: string | null;
      issue: { number: number; url: string } | null;
      /** The tracker the post-mortem names for the item, or null. */
      tracker: string | null;
    }[];
  }[];
}

/** Which response metric. */
export type ResponseMetricName = 'mttd' | 'mtta' | 'mttr';

/** One metric for one severity. */
export interface ResponseMetric {
  /** Median minutes in the window, or null when nothing was measured. */
  median: number | null;
  previous: number | null;
  /** Minutes; negative is faster. */
  trend: number | null;
  measured: number;
  unmeasured: number;
  target: number | null;
  /** Whether the median is within the target; null without a median or target. */
  met: boolean | null;
}

/** Response metrics for one severity. */
export interface SeverityMetrics {
  severity: string;
  incidents: number;
  mttd: ResponseMetric;
  mtta: ResponseMetric;
  mttr: ResponseMetric;
}

/** Post-mortem hygiene findings. */
export interface Hygiene {
  /** SEV1/SEV2 post-mortems that landed more than `maxBusinessDays` after the incident. */
  latePostmortems: { incident: IncidentRef; landed: string; businessDays: number }[];
  /** Severe incidents whose landing date is unknown (no published date). */
  landingUnknown: IncidentRef[];
  maxBusinessDays: number;
  /** Open items without an owner or a single-day due date. */
  incompleteItems: { row: ItemRow; missing: ('owner' | 'due')[] }[];
}

/** Everything the weekly digest shows. */
export interface Digest {
  /** ISO week label (`2026-W48`) in the digest time zone. */
  week: string;
  today: string;
  timeZone: string;
  generatedAt: string;
  windowDays: number;
  /** Two incidents of the same class at most this many days apart are a recurrence. */
  recurrenceWindowDays: number;
  /** Recurrence groups whose latest incident lies within this many days are reported. */
  recurrenceLookbackDays: number;
  postmortems: number;
  /** Where item status came from: `issues` when any item matched a tracked issue. */
  statusSource: 'issues' | 'markdown';
  trackedIssues: number;
  items: ActionItemStats;
  recurrence: RecurrenceGroup[];
  incidentsBySeverity: { severity: string; count: number }[];
  response: SeverityMetrics[];
  hygiene: Hygiene;
}
