export type { ActionItem, ActionItemStatus } from './action-item.js';
export type { Diagnostic, DiagnosticSeverity } from './diagnostic.js';
export type {
  ListEntry,
  Postmortem,
  PostmortemField,
  Section,
  TimelineEntry,
  TimelineKind,
} from './postmortem.js';
