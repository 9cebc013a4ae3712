/**
 * Whether `author` is the tool's own login (`github-actions[bot]`, `my-app[bot]`, a token's user),
 * compared as GitHub compares logins: case-insensitively. Bots keep their `[bot]` suffix on both
 * sides (the GraphQL adapter adds it back), so a user named like a bot's slug never matches it.
 */
export function isToolAuthor(author: string | null | undefined, toolLogin: string): boolean {
  return (
    typeof author === 'string' && author !== '' && author.toLowerCase() === toolLogin.toLowerCase()
  );
}
