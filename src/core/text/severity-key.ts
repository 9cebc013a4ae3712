/** Canonical form of a severity for comparison: case, spaces, dashes and underscores ignored (`sev-1` → `SEV1`); null stays null. */
export function severityKey(severity: string): string;
export function severityKey(severity: string | null | undefined): string | null;
export function severityKey(severity: string | null | undefined): string | null {
  if (!severity) return null;
  return severity.replace(/[\s_-]+/g, '').toUpperCase();
}
