/** What the tool last wrote about an item's state, kept in the marker to tell its own closes from people's. */
export type MarkerStatus = 'open' | 'done' | 'removed' | 'linked';

/** Identity of a tracked issue, stored as a hidden HTML comment in its body. */
export interface ItemMarker {
  /** Action item id (see ActionItem.id). */
  id: string;
  /** Repository-relative path of the post-mortem the item came from. */
  path: string;
  /** The item state the tool last rendered; absent in markers written before it existed. */
  status?: MarkerStatus;
  /** The owner as written in the post-mortem when the tool last rendered the issue (null: none). */
  owner?: string | null;
}

const MARKER_PREFIX = '<!-- postmortem-tracker:item ';
const MARKER_RE = /<!-- postmortem-tracker:item (\{[^\n]{0,2000}?\}) -->/;
const STATUSES: readonly string[] = ['open', 'done', 'removed', 'linked'];

/** Renders the hidden marker that identifies the issue of one action item. */
export function renderMarker(marker: ItemMarker): string {
  const value: Record<string, unknown> = { v: 1, id: marker.id, path: marker.path };
  if (marker.status !== undefined) value['status'] = marker.status;
  if (marker.owner !== undefined) value['owner'] = marker.owner;
  // JSON inside an HTML comment: `--` and `>` could end the comment early, so escape them.
  const json = JSON.stringify(value).replace(/--/g, '\\u002d\\u002d').replace(/>/g, '\\u003e');
  return `${MARKER_PREFIX}${json} -->`;
}

/** Reads the marker back from an issue body; null when absent or malformed (never throws). */
export function parseMarker(body: string | null | undefined): ItemMarker | null {
  if (!body) return null;
  const match = MARKER_RE.exec(body);
  if (!match?.[1]) return null;
  try {
    const value: unknown = JSON.parse(match[1]);
    if (typeof value !== 'object' || value === null) return null;
    const { id, path, status, owner } = value as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || typeof path !== 'string') return null;
    const marker: ItemMarker = { id, path };
    if (typeof status === 'string' && STATUSES.includes(status))
      marker.status = status as MarkerStatus;
    if (typeof owner === 'string' || owner === null) marker.owner = owner;
    return marker;
  } catch {
    return null;
  }
}

/** Replaces the marker in an issue body (appending one when absent), leaving the rest as it is. */
export function replaceMarker(body: string, marker: ItemMarker): string {
  const rendered = renderMarker(marker);
  return MARKER_RE.test(body)
    ? body.replace(MARKER_RE, () => rendered)
    : `${body.trimEnd()}\n\n${rendered}`;
}
