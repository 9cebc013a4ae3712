/** Normalises a severity for comparison: upper case, spaces, dashes and underscores removed (`sev-1` → `SEV1`). */
export function normaliseSeverity(severity: string): string {
  return severity.toUpperCase().replace(/[\s_-]+/g, '');
}
