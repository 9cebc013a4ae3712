import type { IssueRecord, IssuesPort } from '../github/port.js';
import { parseMarker, type ItemMarker } from './marker.js';

/** Distinct creators listed at most, most frequent first (one paginated listing each). */
const MAX_CREATORS = 3;

/** The tool's issues found without its label, and what finding them cost. */
export interface UnlabelledIssues {
  issues: IssueRecord[];
  /** Logins whose issues were listed. */
  creators: string[];
  /** Listings made (each one paginated). */
  reads: number;
}

/**
 * Finds tool issues that lost the tool label, so an item whose issue was de-labelled is updated
 * rather than duplicated. Lists the issues opened by the tool's identity — the author of the
 * tracked issues (free: the label listing reports it), else `creatorLogin()` — and keeps those whose
 * marker `wanted` accepts. Called only when a plan would create issues, so a no-change sync pays
 * nothing. Issues without a marker are never returned: identity lives in the marker alone.
 */
export async function findUnlabelledIssues(
  wanted: (marker: ItemMarker) => boolean,
  tracked: readonly IssueRecord[],
  port: IssuesPort,
  creatorLogin: () => Promise<string | null>,
): Promise<UnlabelledIssues> {
  let creators = authorsOf(tracked);
  if (creators.length === 0) {
    const login = await creatorLogin();
    if (login !== null && login !== '') creators = [login];
  }
  const known = new Set(tracked.map((i) => i.number));
  const found = new Map<number, IssueRecord>();
  for (const login of creators) {
    for (const issue of await port.listIssuesByCreator(login)) {
      const marker = parseMarker(issue.body);
      if (marker !== null && wanted(marker) && !known.has(issue.number))
        found.set(issue.number, issue);
    }
  }
  return {
    issues: [...found.values()].sort((a, b) => a.number - b.number),
    creators,
    reads: creators.length,
  };
}

/** Authors of the tracked issues that carry a marker, most frequent first. */
function authorsOf(tracked: readonly IssueRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const issue of tracked) {
    if (!issue.author || parseMarker(issue.body) === null) continue;
    counts.set(issue.author, (counts.get(issue.author) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_CREATORS)
    .map(([login]) => login);
}
