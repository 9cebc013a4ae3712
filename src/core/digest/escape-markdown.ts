/** Longest user text put into one table cell or line; longer text is visibly shortened with "…". */
export const MAX_USER_TEXT = 200;

/**
 * Escapes user text for inline GitHub markdown: no HTML, no emphasis or links, no table breaks
 * (`|`), no @-mentions (a zero-width space after `@`) and no `#123` cross-references.
 */
export function escapeText(text: string, max: number = MAX_USER_TEXT): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if (t.length > max) t = `${t.slice(0, max - 1).trimEnd()}…`;
  return t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]~|])/g, '\\$1')
    .replace(/#(?=\d)/g, '&#35;')
    .replace(/@/g, '@&#8203;')
    .replace(/^([-+=]|\d+[.)])(?=\s|$)/, '\\$1');
}

/** Makes an (already encoded) URL safe as a markdown link target: spaces, parentheses and angle brackets percent-encoded. */
export function escapeUrl(url: string): string {
  return url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
