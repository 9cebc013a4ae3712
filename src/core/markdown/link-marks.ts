// Private-use characters that carry what a link was through the text of an item, from the inline
// flattening (inline-text.ts) to the title tidying (item-text.ts) and the walk (parse-postmortem).
// Markdown never writes them, so they cannot collide with a document's own text.

/** Stands where a link whose text only names a ticket (`[#12](…)`, `[jira](…)`) was: dropped from titles. */
export const TICKET_LINK_MARK = '\uE000';

/** Opens the text of a soft reference link (`[issue](…)`, `[here](…)`): kept in prose, dropped at a title's end. */
export const SOFT_LINK_OPEN = '\uE001';

/** Closes the text of a soft reference link. */
export const SOFT_LINK_CLOSE = '\uE002';

/** Removes every link mark from a text (the soft link's own words stay). */
export function stripLinkMarks(text: string, replacement = ''): string {
  return text.replace(/[\uE000-\uE002]/g, replacement);
}

/** Removes the ticket-link marks from a text. */
export function stripTicketMarks(text: string, replacement = ''): string {
  return text.replaceAll(TICKET_LINK_MARK, replacement);
}
