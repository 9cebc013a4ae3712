/** Keeps the first of each name, comparing case-insensitively (GitHub labels and logins ignore case). */
export function uniqueCaseInsensitive<T>(
  items: readonly T[],
  nameOf: (item: T) => string = String,
): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = nameOf(item).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether two lists hold the same names, ignoring case, order and repeats. */
export function sameNamesCaseInsensitive(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((s) => s.toLowerCase()));
  const y = new Set(b.map((s) => s.toLowerCase()));
  return x.size === y.size && [...x].every((s) => y.has(s));
}
