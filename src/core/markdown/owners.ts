const HANDLE_RE =
  /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$/;

/** Cell values and phrases that say "nobody". */
const NOBODY_RE =
  /^(?:n\/?a|none|nobody|tbd|tbc|todo|unknown|unassigned|-+|—|–|\?+|x|\.\.\.|owner|who|name)$/i;

/** True for `@login` and `@org/team`. */
export function isGitHubHandle(owner: string): boolean {
  return HANDLE_RE.test(owner);
}

function lookupAlias(name: string, aliases: Record<string, string>): string | null {
  const key = name.toLowerCase().replace(/^@/, '');
  for (const [alias, login] of Object.entries(aliases)) {
    if (alias.toLowerCase().replace(/^@/, '') === key)
      return login.startsWith('@') ? login : `@${login}`;
  }
  return null;
}

/**
 * Normalises an owner as written (`@alice`, `(Alice)`, `**ICL**`, `Owner: bob`) to `@handle` (through
 * the aliases when one matches), a plain name, or null when the text names nobody.
 */
export function normaliseOwner(raw: string, aliases: Record<string, string> = {}): string | null {
  let text = raw.slice(0, 200).trim();
  text = text.replace(/^(?:owners?|assignee|assigned to|who|responsável)\s*[:=-]\s*/i, '');
  text = text
    .replace(/^[\s*_`([{]+/, '')
    .replace(/(?<![\s*_`)\]}.,;:])[\s*_`)\]}.,;:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || NOBODY_RE.test(text)) return null;
  const alias = lookupAlias(text, aliases);
  if (alias) return alias;
  // `@jane.doe` names someone even though it is no GitHub login: keep it whole for the linter to flag.
  if (text.startsWith('@'))
    return isGitHubHandle(text) || /^@[A-Za-z0-9][\w.-]{0,38}[A-Za-z0-9]$/.test(text) ? text : null;
  // A cell holding a sentence ("Added along with the PR fix") names nobody.
  const words = text.split(' ');
  if (words.length > 4 || /[.!?]$/.test(text) || /^https?:/i.test(text)) return null;
  if (
    words.length > 1 &&
    words.some((w) =>
      /^(?:the|with|along|added|was|is|will|by|for|of|in|on|after|before|when)$/i.test(w),
    )
  )
    return null;
  return text;
}

/** How an owner is written: a user handle, a team handle, a plain name, or nobody. */
export type OwnerKind = 'user' | 'team' | 'name' | 'none';

/** Tells a user handle from a team handle or a plain name. */
export function classifyOwner(owner: string | null): OwnerKind {
  if (owner === null || owner.trim() === '') return 'none';
  if (isGitHubHandle(owner)) return owner.includes('/') ? 'team' : 'user';
  return 'name';
}
