import type { IssueRecord, IssuesPort } from '../ports/port.js';
import { openedBy } from './match-issues.js';
import { parseMarker, type ItemMarker } from './marker.js';

/** The tool's issues found without its label, and what finding them cost. */
export interface UnlabelledIssues {
  issues: IssueRecord[];
  /** Listings made (each one paginated). */
  reads: number;
}

/**
 * Finds tool issues that lost the tool label, so an item whose issue was de-labelled is updated
 * rather than duplicated. Lists the issues opened by the tool's own login (never by the authors
 * of labelled issues, which anyone with label rights can be) and keeps those whose marker
 * `wanted` accepts. Called only when a plan would create issues, so a no-change sync pays
 * nothing; with the login unknown it looks for none. Issues without a marker are never returned:
 * identity lives in the marker alone.
 */
export async function findUnlabelledIssues(
  wanted: (marker: ItemMarker) => boolean,
  tracked: readonly IssueRecord[],
  port: IssuesPort,
  toolLogin: string | null,
): Promise<UnlabelledIssues> {
  if (toolLogin === null || toolLogin === '') return { issues: [], reads: 0 };
  const known = new Set(tracked.map((i) => i.number));
  const found: IssueRecord[] = [];
  for (const issue of await port.listIssuesByCreator(toolLogin)) {
    const marker = parseMarker(issue.body);
    // The listing is by creator already; the check guards a port that ignores the filter.
    if (marker !== null && wanted(marker) && !known.has(issue.number) && openedBy(issue, toolLogin))
      found.push(issue);
  }
  return { issues: found.sort((a, b) => a.number - b.number), reads: 1 };
}
