import type { RepoRef } from '../ports/port.js';

/** Where an action item is already tracked. */
export type TrackerReference =
  { kind: 'issue'; number: number } | { kind: 'external'; ref: string };

/**
 * Reads an item's tracker (`#12`, `https://github.com/o/r/issues/12`, `JIRA-7`): an issue of this
 * repository, a reference elsewhere, or null when there is none.
 */
export function parseTrackerReference(
  tracker: string | null,
  repo: RepoRef,
  serverUrl: string,
): TrackerReference | null {
  if (tracker === null) return null;
  const text = tracker.trim();
  if (text === '') return null;
  const local = /^(?:GH-|#)(\d+)$/i.exec(text);
  if (local?.[1]) return { kind: 'issue', number: Number(local[1]) };
  const qualified = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(text);
  if (qualified?.[3]) {
    return sameRepo(qualified[1], qualified[2], repo)
      ? { kind: 'issue', number: Number(qualified[3]) }
      : { kind: 'external', ref: text };
  }
  const server = serverUrl.replace(/(?<!\/)\/+$/, '').toLowerCase();
  const url = /^(https?:\/\/[^/\s]+)\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)(?:[/?#].*)?$/i.exec(text);
  if (url?.[4] && url[1]?.toLowerCase() === server && sameRepo(url[2], url[3], repo)) {
    return { kind: 'issue', number: Number(url[4]) };
  }
  return { kind: 'external', ref: text };
}

function sameRepo(owner: string | undefined, name: string | undefined, repo: RepoRef): boolean {
  return (
    owner?.toLowerCase() === repo.owner.toLowerCase() &&
    name?.toLowerCase() === repo.repo.toLowerCase()
  );
}
