/** A parsed digest marker: which ISO week, and which part of the body (1 = main). */
export interface DigestMarker {
  week: string;
  part: number;
}

const DIGEST_RE = /<!-- postmortem-tracker:digest week=(\d{4}-W\d{2})(?: part=(\d{1,3}))? -->/;
const REMINDER_RE = /<!-- postmortem-tracker:reminder week=(\d{4}-W\d{2}) -->/;

/** Marker of the long-lived digest Discussion or issue that weekly comments go under. */
export const DIGEST_HOME_MARKER = '<!-- postmortem-tracker:digest-home -->';

/** Hidden marker identifying a week's digest (and its follow-up part). */
export function renderDigestMarker(week: string, part = 1): string {
  return part === 1
    ? `<!-- postmortem-tracker:digest week=${week} -->`
    : `<!-- postmortem-tracker:digest week=${week} part=${part} -->`;
}

/** Reads a digest marker back from a body; null when absent or malformed. */
export function parseDigestMarker(body: string | null | undefined): DigestMarker | null {
  const m = body ? DIGEST_RE.exec(body) : null;
  if (!m?.[1]) return null;
  const part = m[2] ? Number(m[2]) : 1;
  return part >= 1 ? { week: m[1], part } : null;
}

/** Hidden marker of a reminder comment on an overdue issue. */
export function renderReminderMarker(week: string): string {
  return `<!-- postmortem-tracker:reminder week=${week} -->`;
}

/** The week of a reminder marker in a comment body, or null. */
export function parseReminderMarker(body: string | null | undefined): string | null {
  return (body ? REMINDER_RE.exec(body)?.[1] : undefined) ?? null;
}
