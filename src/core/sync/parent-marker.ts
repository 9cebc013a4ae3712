/** What the tool last did to a parent issue, to tell its own closes from people's. */
export type ParentStatus = 'open' | 'done' | 'removed';

/** Identity of a post-mortem's parent issue, stored as a hidden HTML comment in its body. */
export interface ParentMarker {
  /** Repository-relative path of the post-mortem. */
  path: string;
  status: ParentStatus;
}

const PARENT_RE = /<!-- postmortem-tracker:parent (\{[^\n]{0,2000}?\}) -->/;
const STATUSES: readonly string[] = ['open', 'done', 'removed'];

/** Renders the hidden marker that identifies a post-mortem's parent issue. */
export function renderParentMarker(marker: ParentMarker): string {
  const json = JSON.stringify({ v: 1, path: marker.path, status: marker.status })
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/>/g, '\\u003e');
  return `<!-- postmortem-tracker:parent ${json} -->`;
}

/** Reads the parent marker back from an issue body; null when absent or malformed (never throws). */
export function parseParentMarker(body: string | null | undefined): ParentMarker | null {
  const match = body ? PARENT_RE.exec(body) : null;
  if (!match?.[1]) return null;
  try {
    const value: unknown = JSON.parse(match[1]);
    if (typeof value !== 'object' || value === null) return null;
    const { path, status } = value as Record<string, unknown>;
    if (typeof path !== 'string' || path === '') return null;
    return {
      path,
      status:
        typeof status === 'string' && STATUSES.includes(status) ? (status as ParentStatus) : 'open',
    };
  } catch {
    return null;
  }
}

/** Replaces the parent marker in an issue body (appending one when absent), leaving the rest as it is. */
export function replaceParentMarker(body: string, marker: ParentMarker): string {
  const rendered = renderParentMarker(marker);
  return PARENT_RE.test(body)
    ? body.replace(PARENT_RE, () => rendered)
    : `${body.trimEnd()}\n\n${rendered}`;
}
