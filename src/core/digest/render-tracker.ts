import { escapeText, escapeUrl } from '../text/escape-markdown.js';

/** Longest tracker text shown as is (a free-text tracker cell can be long). */
const MAX_TRACKER_TEXT = 40;

/** A markdown link target for a URL written by a user: safe inside a table cell too. */
function linkTarget(url: string): string {
  return escapeUrl(url).replace(/\|/g, '%7C');
}

/**
 * Short label of a tracker URL: `#12` for an issue or pull request of this repository,
 * `owner/repo#12` for one elsewhere, `KEY-12` for a Jira or Linear ticket, else the host.
 */
function urlLabel(url: URL, repoUrl: string | null): string {
  const path = url.pathname;
  const numbered = /^\/(.+?)(?:\/-)?\/(?:issues|pull|merge_requests)\/(\d+)(?:\/|$)/.exec(path);
  if (numbered) {
    const [, project, number] = numbered;
    const here =
      repoUrl !== null &&
      `${url.origin}/${project}`.toLowerCase() === repoUrl.replace(/(?<!\/)\/+$/, '').toLowerCase();
    return here ? `#${number}` : `${escapeText(project!, 60)}#${number}`;
  }
  const key = /(?<![A-Za-z0-9])([A-Z][A-Z0-9]{1,9}-\d{1,9})(?![\w-])/.exec(
    decodeURIComponent(`${path}${url.search}`),
  );
  return key ? key[1]! : escapeText(url.hostname, 60);
}

function parseHttpUrl(text: string): URL | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * The tracker an action item names in the markdown (`#413`, an issue URL, `JIRA-12`) as one
 * line of markdown: an http(s) URL becomes a short link, `#N` a link to issue N of `repoUrl`
 * when it is known, anything else escaped, inert text.
 */
export function renderTracker(tracker: string, repoUrl: string | null): string {
  const t = tracker.trim();
  const url = parseHttpUrl(t);
  if (url) {
    let label: string;
    try {
      label = urlLabel(url, repoUrl);
    } catch {
      // A malformed percent-escape in the path: the host still names the tracker.
      label = escapeText(url.hostname, 60);
    }
    return `[${label}](${linkTarget(url.href)})`;
  }
  const issue = /^#(\d{1,9})$/.exec(t);
  if (issue && repoUrl)
    return `[#${issue[1]}](${linkTarget(`${repoUrl.replace(/(?<!\/)\/+$/, '')}/issues/${issue[1]}`)})`;
  return escapeText(t, MAX_TRACKER_TEXT);
}
