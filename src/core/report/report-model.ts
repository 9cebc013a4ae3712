import type { Digest, DigestItem, DueDisagreement, IncidentRef } from '../digest/digest-model.js';

/** One day of the items-over-time series. */
export interface ReportPoint {
  /** `YYYY-MM-DD`, the end of the week counted (today for the last point). */
  date: string;
  open: number;
  overdue: number;
  done: number;
}

/** One action item as the dashboard lists it. */
export interface ReportItem {
  key: string;
  title: string;
  line: number;
  owner: string | null;
  due: string | null;
  /** The due phrase as written when it is not a single day, else null. */
  dueVague: string | null;
  /** Set when the post-mortem and GitHub (issue field or project) disagree on the due date; `due` is the one `planning.dueDateSource` picks. */
  dueDisagreement?: DueDisagreement;
  state: 'open' | 'overdue' | 'done';
  statusSource: 'issue' | 'markdown';
  issue: { number: number; url: string } | null;
  tracker: string | null;
}

/** One post-mortem with its action items. */
export interface ReportIncident {
  ref: IncidentRef;
  services: string[];
  tags: string[];
  items: ReportItem[];
}

/** Open, overdue and done counts under one owner or service. */
export interface ReportBreakdown {
  /** The owner or service; null means none written. */
  name: string | null;
  incidents: number;
  open: number;
  overdue: number;
  done: number;
}

/** Everything the dashboard shows: the digest's figures plus the full item list; plain data, JSON-serialisable. */
export interface ReportData {
  digest: Digest;
  series: ReportPoint[];
  incidents: ReportIncident[];
  byOwner: ReportBreakdown[];
  byService: ReportBreakdown[];
}

/** The item's state on `today`: done, overdue (open past its due date) or open. */
export function itemState(item: DigestItem, today: string): ReportItem['state'] {
  if (item.status === 'done') return 'done';
  return item.due !== null && item.due < today ? 'overdue' : 'open';
}
