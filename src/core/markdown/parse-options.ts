/** Options that settle how a post-mortem's dates, times and owners are read. */
export interface ParseOptions {
  /** How numeric dates such as `01-04-2026` are read; `auto` reports ambiguous ones. */
  dateOrder?: 'auto' | 'DMY' | 'MDY';
  /** IANA time zone assumed for timeline times written without a zone (default UTC). */
  timeZone?: string;
  /** Maps names, initials or team names to GitHub logins (`"Ed": "@edwardk"`). */
  ownerAliases?: Record<string, string>;
}
