/** Normalises a severity for comparison: case, spaces, dashes and underscores ignored (`sev-1` → `SEV1`). */
export function severityKey(severity: string): string {
  return severity.replace(/[\s_-]+/g, '').toUpperCase();
}
