import type { ActionItem } from './action-item.js';
import type { Diagnostic } from './diagnostic.js';

/** What a timeline entry marks, when it can be told. */
export type TimelineKind = 'start' | 'detection' | 'acknowledgement' | 'mitigation' | 'resolution';

/** One row or bullet of the incident timeline. */
export interface TimelineEntry {
  line: number;
  /** The time as written (`14:02 UTC`, `2021-12-10 15:40`). */
  time: string;
  /**
   * ISO 8601 instant (`2026-03-04T14:02:00Z`) when the date and time could be resolved
   * unambiguously (date from the entry, a date heading, or the incident date), else null.
   */
  at: string | null;
  text: string;
  /** Explicit or wording-derived classification, or null. */
  kind: TimelineKind | null;
}

/** One bullet of a list section (contributing factors, what went well) and its source line. */
export interface ListEntry {
  text: string;
  line: number;
}

/** A heading (or heading-like line) of the document. */
export interface Section {
  /** Normalised key when recognised (`summary`, `impact`, `timeline`, `rootCause`, `actionItems`, `contributingFactors`, `whatWentWell`, `lessonsLearned`, `detection`, `resolution`), else null. */
  key: string | null;
  heading: string;
  depth: number;
  line: number;
}

/** Names of the scalar fields whose source line is recorded in `Postmortem.lines`. */
export type PostmortemField =
  | 'title'
  | 'incidentDate'
  | 'severity'
  | 'status'
  | 'duration'
  | 'impact'
  | 'services'
  | 'tags'
  | 'authors'
  | 'rootCause'
  | 'rootCauseCategory'
  | 'publishedDate';

/** A parsed post-mortem. Every element carries its source line. */
export interface Postmortem {
  path: string;
  title: string | null;
  /** `YYYY-MM-DD`, or null. */
  incidentDate: string | null;
  /** Normalised upper-case as written (`SEV1`, `SEV-2` → `SEV2`, `P1`), or null. */
  severity: string | null;
  /** Document status (`draft`, `final`, `resolved` …) as written, or null. */
  status: string | null;
  /** Duration as written (`0h 37m`), or null. */
  duration: string | null;
  /** Duration in minutes when it parses, else null. */
  durationMinutes: number | null;
  impact: string | null;
  services: string[];
  tags: string[];
  authors: string[];
  timeline: TimelineEntry[];
  rootCause: string | null;
  /** A root-cause category when given in metadata (`config-change`, `capacity` …), else null. */
  rootCauseCategory: string | null;
  contributingFactors: ListEntry[];
  whatWentWell: ListEntry[];
  actionItems: ActionItem[];
  sections: Section[];
  /** Date the post-mortem itself was written/published, from front matter, when given. */
  publishedDate: string | null;
  /** Source line of each scalar field that was found. */
  lines: Partial<Record<PostmortemField, number>>;
  /** Raw front matter (empty object when none). */
  frontmatter: Record<string, unknown>;
  /** Parser findings (ambiguous dates, unreadable front matter …). */
  diagnostics: Diagnostic[];
}
