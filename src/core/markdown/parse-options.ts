import type { ReadLimits } from '../read/read-limits.js';

/** Options that settle how a post-mortem's dates, times and owners are read. */
export interface ParseOptions {
  /** How numeric dates such as `01-04-2026` are read; `auto` reports ambiguous ones. */
  dateOrder?: 'auto' | 'DMY' | 'MDY';
  /** IANA time zone assumed for timeline times written without a zone (default UTC). */
  timeZone?: string;
  /** Maps names, initials or team names to GitHub logins (`"Ed": "@edwardk"`). */
  ownerAliases?: Record<string, string>;
  /** Bounds on reading and parsing (size, items, line length, nesting, time); the defaults when absent. */
  limits?: Partial<ReadLimits>;
}
