/**
 * Stable action-item identity; the scheme and its limits are in docs/adr/0001-action-item-identity.md.
 *
 * id = `<file stem slug>-<8 hex>` where the hash covers the file stem and a typo-tolerant fingerprint of
 * the title: the *set* of its significant words, each reduced to its first letter plus the sorted set of
 * its remaining consonants. Word order, vowels, doubled letters and letter swaps do not change it; owner,
 * due date and status are not part of the title. What a hash cannot absorb is caught by
 * {@link reconcileItemIds}, which re-matches new ids against the previous ones by {@link titleSimilarity}.
 */

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our so that the their this to was we were will with should would could can need needs must make sure also all any some more than then there these those which who when where how what about after before over via per each both other own its via'.split(
    ' ',
  ),
);

const EXPLICIT_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** True when `id` is acceptable as an explicit item id (`<!-- id: x -->`, `{#x}`). */
export function isExplicitItemId(id: string): boolean {
  return EXPLICIT_ID_RE.test(id);
}

function normaliseText(text: string): string {
  return text
    .slice(0, 2000)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z0-9])[-'’]([a-z0-9])/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The significant words of a title: lower-case, no stop words, plural `s` dropped. */
export function significantWords(title: string): string[] {
  const words: string[] = [];
  for (const w of normaliseText(title).split(' ')) {
    if (w === '' || STOPWORDS.has(w)) continue;
    words.push(w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return words;
}

/** A word's typo-tolerant key: first letter + sorted distinct consonants of the rest (digits kept). */
function wordKey(word: string): string {
  if (/^\d+$/.test(word)) return word;
  const rest = new Set(word.slice(1).replace(/[aeiouy]/g, ''));
  return word[0] + [...rest].sort().join('');
}

/** The title fingerprint hashed into the id: sorted distinct word keys. */
export function titleFingerprint(title: string): string {
  const keys = [...new Set(significantWords(title).map(wordKey))].sort();
  return keys.length > 0 ? keys.join(' ') : normaliseText(title);
}

/** cyrb53, a fast well-mixed 53-bit string hash; we keep 32 bits as 8 hex digits. */
function hash8(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return ((h2 ^ h1) >>> 0).toString(16).padStart(8, '0').slice(-8);
}

/** The file identity stem of a post-mortem path: the base name without extensions (the folder name for README/index files). */
export function fileStem(path: string): string {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '');
  let base = parts.pop() ?? '';
  base = base.replace(/(?:\.(?:md|markdown|mdx|txt|html|erb|hbs))+$/i, '');
  if (/^(?:readme|index|postmortem|post-mortem|post_mortem)$/i.test(base) && parts.length > 0)
    base = `${parts.pop()}-${base}`;
  return base;
}

function slug(text: string): string {
  return (
    text
      .slice(0, 200)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, 40)
      .replace(/(?<!-)-+$/, '') || 'postmortem'
  );
}

/** The id of one item from its file path and title (no collision handling; see {@link assignItemIds}). */
export function itemId(path: string, title: string): string {
  const stem = fileStem(path);
  return `${slug(stem)}-${hash8(`${stem.toLowerCase()}\n${titleFingerprint(title)}`)}`;
}

/**
 * Gives every item of one file its id: the explicit id when the item carries one, else {@link itemId};
 * items whose fingerprints collide get `-2`, `-3` … in document order.
 */
export function assignItemIds(
  path: string,
  items: ReadonlyArray<{ title: string; explicitId: string | null }>,
): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = item.explicitId ?? itemId(path, item.title);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const s = ` ${text} `;
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Similarity of two action-item titles, 0 (unrelated) to 1 (same words): Dice over bigrams of their sorted significant words. */
export function titleSimilarity(a: string, b: string): number {
  const na = [...new Set(significantWords(a))].sort().join(' ');
  const nb = [...new Set(significantWords(b))].sort().join(' ');
  if (na === nb) return na === '' ? (normaliseText(a) === normaliseText(b) ? 1 : 0) : 1;
  if (na === '' || nb === '') return 0;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let overlap = 0;
  let total = 0;
  for (const [g, n] of ga) {
    overlap += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * overlap) / total;
}

/** Default similarity above which a new title is taken to be an edit of a previous one. */
export const SIMILARITY_THRESHOLD = 0.75;

/**
 * Re-keys items whose id is new onto the most similar previous item of the same file that no current
 * item claims (greedy, best pair first), so a reworded or typo-fixed title keeps its tracked issue.
 */
export function reconcileItemIds<T extends { id: string; title: string }>(
  current: readonly T[],
  previous: ReadonlyArray<{ id: string; title: string }>,
  threshold = SIMILARITY_THRESHOLD,
): T[] {
  const currentIds = new Set(current.map((i) => i.id));
  const unclaimed = previous.filter((p) => !currentIds.has(p.id));
  const fresh = current
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !previous.some((p) => p.id === item.id));
  const pairs: Array<{ score: number; index: number; prev: number }> = [];
  fresh.forEach(({ item, index }) => {
    unclaimed.forEach((p, prev) => {
      const score = titleSimilarity(item.title, p.title);
      if (score >= threshold) pairs.push({ score, index, prev });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.index - y.index || x.prev - y.prev);
  const result = [...current];
  const usedItems = new Set<number>();
  const usedPrev = new Set<number>();
  for (const { index, prev } of pairs) {
    if (usedItems.has(index) || usedPrev.has(prev)) continue;
    usedItems.add(index);
    usedPrev.add(prev);
    result[index] = { ...current[index]!, id: unclaimed[prev]!.id };
  }
  return result;
}
