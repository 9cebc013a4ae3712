import { configSchema, type Config } from '../../../src/core/config/schema.js';
import type { IssueRecord } from '../../../src/core/ports/port.js';
import type { ActionItem, Postmortem, TimelineEntry } from '../../../src/core/model/index.js';
import { renderMarker } from '../../../src/core/sync/marker.js';
import { buildActionItem, buildPostmortem } from '../../support/build-postmortem.js';

/** A post-mortem with everything empty but what the test sets. */
export function pm(overrides: Partial<Postmortem> & { path: string }): Postmortem {
  return buildPostmortem({ title: 'Incident', lines: { title: 1 }, ...overrides });
}

/** An action item; `id` defaults to the title in kebab-case. */
export function item(overrides: Partial<ActionItem> & { title: string }): ActionItem {
  return buildActionItem({
    id: overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    ...overrides,
  });
}

/** A timeline entry of `kind` at an ISO instant. */
export function at(kind: TimelineEntry['kind'], iso: string, line = 5): TimelineEntry {
  return { line, time: iso.slice(11, 16), at: iso, text: kind ?? 'note', kind };
}

/** A tracked issue carrying the marker of item `id` of post-mortem `path`. */
export function issue(
  number: number,
  path: string,
  id: string,
  overrides: Partial<IssueRecord> = {},
): IssueRecord {
  return {
    number,
    url: `https://github.com/acme/ops/issues/${number}`,
    title: `Item ${id}`,
    body: `Body\n\n${renderMarker({ id, path })}`,
    state: 'open',
    stateReason: null,
    labels: ['postmortem-action-item'],
    assignees: [],
    createdAt: '2026-01-01T10:00:00Z',
    closedAt: null,
    updatedAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

/** The default config with `digest` overrides. */
export function config(
  digest: Record<string, unknown> = {},
  rest: Record<string, unknown> = {},
): Config {
  return configSchema.parse({ ...rest, digest });
}
