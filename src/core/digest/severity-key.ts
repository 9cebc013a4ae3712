/** Canonical form of a severity for comparison (`sev-1` → `SEV1`); null stays null. */
export function severityKey(severity: string | null | undefined): string | null {
  if (!severity) return null;
  return severity.toUpperCase().replace(/[\s_-]+/g, '');
}
