import type { ActionItem, Postmortem } from '../../../src/core/model/index.js';
import {
  buildActionItem,
  buildPostmortem as basePostmortem,
} from '../../support/build-postmortem.js';

/** A hand-built post-mortem with every required section, for unit tests of single rules. */
export function buildPostmortem(overrides: Partial<Postmortem> = {}): Postmortem {
  return basePostmortem({
    title: 'Queue consumer stalled',
    incidentDate: '2026-04-07',
    severity: 'SEV2',
    rootCause: 'The consumer library does not reconnect.',
    sections: [
      { key: 'summary', heading: 'Summary', depth: 2, line: 3 },
      { key: 'timeline', heading: 'Timeline', depth: 2, line: 6 },
      { key: 'rootCause', heading: 'Root cause', depth: 2, line: 10 },
      { key: 'actionItems', heading: 'Action items', depth: 2, line: 14 },
    ],
    lines: { title: 1, severity: 2, incidentDate: 2 },
    ...overrides,
  });
}

/** An open action item with an owner and a due date (titled after its line); override what the test is about. */
export function buildItem(overrides: Partial<ActionItem> = {}): ActionItem {
  const line = overrides.line ?? 16;
  return buildActionItem({
    id: `pm-${line}`,
    title: `Enable reconnects in consumer ${line}`,
    owner: '@ana-silva',
    due: '2026-05-08',
    dueRaw: '2026-05-08',
    line,
    ...overrides,
  });
}
