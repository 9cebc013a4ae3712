import { quoteMentions } from './quote-mentions.js';

/** Longest user text the digest puts into one table cell or line; longer text is visibly shortened with "…". */
export const MAX_USER_TEXT = 200;

/** Options of {@link escapeMarkdown}. */
export interface EscapeOptions {
  /** Longest text kept; longer text ends in "…" (default: no limit). */
  max?: number;
  /**
   * Also neutralise `@`-mentions (each put in a code span) and `#123` cross-references.
   * Issue bodies keep them live (the item's people and issues are meant to be linked); text that
   * is re-posted every week, like the digest, must not ping anyone or back-link issues again.
   */
  inert?: boolean;
}

/**
 * Escapes user text for one line of GitHub markdown (a table cell, a list item, a quote): no HTML,
 * emphasis, links or table breaks leak through, and a leading `#`, `-`, `+`, `=` or `1.` cannot
 * start a heading or a list. Whitespace, newlines included, collapses to single spaces.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if (options.max !== undefined && t.length > options.max)
    t = `${t.slice(0, options.max - 1).trimEnd()}…`;
  t = t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]~|])/g, '\\$1');
  if (options.inert) t = quoteMentions(t.replace(/#(?=\d)/g, '&#35;'));
  // The backslash goes before the punctuation: `\1.` would show the backslash, `1\.` does not.
  return t.replace(/^([-+=#])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** {@link escapeMarkdown} for text that must not mention or cross-reference, shortened to `max`. */
export function escapeText(text: string, max: number = MAX_USER_TEXT): string {
  return escapeMarkdown(text, { max, inert: true });
}

/** Makes an (already encoded) URL safe as a markdown link target: spaces, parentheses and angle brackets percent-encoded. */
export function escapeUrl(url: string): string {
  return url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
