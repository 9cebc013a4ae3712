/** Words too common to tell incidents apart. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i if in ' +
    'into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so ' +
    'some such than that the their theirs them then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with would you your yours also due caused cause causing root incident outage issue ' +
    'was were which led lead leading resulted result resulting'
  ).split(/\s+/),
);

/** Lower-cased, accent-folded words of `text`, without stop words, numbers or one-letter words; plural `s` stripped. */
export function normaliseWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 || /^\d+$/.test(w) || STOP_WORDS.has(w)) continue;
    out.push(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

/** A sparse unit-length TF-IDF vector. */
export type SparseVector = Map<string, number>;

/** Unit-length TF-IDF vectors (smoothed idf) of `documents`, one per document. */
export function tfIdfVectors(documents: readonly string[]): SparseVector[] {
  const tokenised = documents.map(normaliseWords);
  const df = new Map<string, number>();
  for (const words of tokenised) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = documents.length;
  return tokenised.map((words) => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: SparseVector = new Map();
    let norm = 0;
    for (const [w, count] of tf) {
      const weight = count * (Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1);
      v.set(w, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

/** Cosine similarity of two unit-length sparse vectors (0 when either is empty). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y !== undefined) dot += x * y;
  }
  return dot;
}
