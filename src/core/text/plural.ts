/** `1 error`, `2 errors`: a count and its noun, plural unless the count is one. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
