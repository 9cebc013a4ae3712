/** Identity of a tracked issue, stored as a hidden HTML comment in its body. */
export interface ItemMarker {
  /** Action item id (see ActionItem.id). */
  id: string;
  /** Repository-relative path of the post-mortem the item came from. */
  path: string;
}

const MARKER_PREFIX = '<!-- postmortem-tracker:item ';
const MARKER_RE = /<!-- postmortem-tracker:item (\{[^\n]{0,2000}?\}) -->/;

/** Renders the hidden marker that identifies the issue of one action item. */
export function renderMarker(marker: ItemMarker): string {
  // JSON inside an HTML comment: `--` cannot appear in our ids or paths' JSON escaping, but guard anyway.
  const json = JSON.stringify({ v: 1, id: marker.id, path: marker.path }).replace(/--/g, '\\u002d\\u002d');
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
    const { id, path } = value as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || typeof path !== 'string') return null;
    return { id, path };
  } catch {
    return null;
  }
}
