// `@login` or `@org/team-slug` where GitHub would see a mention: not after a letter, digit or `_`
// (so `bob@example.com` stays as it is). Team slugs may hold `_`, which escaping wrote as `\_`.
// A run like `@a@b` is one span: text after a code span starts a new text node, where `@b` would
// become a mention again.
const MENTION =
  /(?<![A-Za-z0-9_])(?:@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9](?:[A-Za-z0-9-]|\\_)*)?)+/g;

/**
 * Puts every `@handle` and `@org/team` of already-escaped markdown into a code span, so GitHub
 * neither links nor notifies it, while it still reads (and copies, and searches) as written.
 */
export function quoteMentions(markdown: string): string {
  return markdown.replace(MENTION, (handle) => `\`${handle.replace(/\\_/g, '_')}\``);
}
