import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  comparePair,
  DEFAULT_MIN_SIGNALS,
  DEFAULT_STRONG_SIMILARITY,
  recurrenceText,
} from '../src/core/digest/analyse-recurrence.js';
import { tfIdfVectors } from '../src/core/digest/tf-idf.js';
import { parsePostmortem } from '../src/core/markdown/parse-postmortem.js';
import type { Postmortem } from '../src/core/model/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The real post-mortems beside the project (not part of it); the bench skips when absent. */
export const CORPUS = resolve(here, '../../shared/corpus/real');

/** One labelled pair: two corpus file names and whether they are the same class of incident. */
export interface LabelledPair {
  a: string;
  b: string;
  related: boolean;
}

/** The labelled pairs of `bench/recurrence-labels.tsv`. */
export function readLabels(): LabelledPair[] {
  return readFileSync(join(here, 'recurrence-labels.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('a\t'))
    .map((l) => {
      const [a, b, label] = l.split('\t');
      if (!a || !b || (label !== 'related' && label !== 'unrelated'))
        throw new Error(
          `bench/recurrence-labels.tsv: bad line "${l}"; expected a<TAB>b<TAB>related|unrelated<TAB>note`,
        );
      return { a, b, related: label === 'related' };
    });
}

/** A rule to measure. */
export interface Rule {
  name: string;
  similarityThreshold: number;
  minSignals: number;
  strongSimilarity: number;
}

/** Precision and recall of `rule` on `pairs`, TF-IDF fitted over every post-mortem given (as one repository would). */
export function measure(
  postmortems: ReadonlyMap<string, Postmortem>,
  pairs: readonly LabelledPair[],
  rule: Rule,
): { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number } {
  const names = [...postmortems.keys()];
  const vectors = new Map(
    tfIdfVectors(names.map((n) => recurrenceText(postmortems.get(n)!))).map((v, i) => [
      names[i]!,
      v,
    ]),
  );
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const pair of pairs) {
    const { related } = comparePair(
      postmortems.get(pair.a)!,
      postmortems.get(pair.b)!,
      vectors.get(pair.a)!,
      vectors.get(pair.b)!,
      { ...rule, ignoreTags: ['post-mortem', 'postmortem', 'incident', 'outage'] },
    );
    if (related && pair.related) tp++;
    else if (related) fp++;
    else if (pair.related) fn++;
    else tn++;
  }
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** Parses every post-mortem of the corpus folder, by file name. */
export function readCorpus(dir = CORPUS): Map<string, Postmortem> {
  const out = new Map<string, Postmortem>();
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort())
    out.set(name, parsePostmortem(readFileSync(join(dir, name), 'utf8'), name));
  return out;
}

/** Recurrence precision and recall on the labelled pairs, before and after the two-signal rule. */
export async function bench(): Promise<string> {
  if (!existsSync(CORPUS))
    return `## recurrence\n\nSkipped: the labelled pairs refer to ${CORPUS}, which is not on this machine.\n`;
  const corpus = readCorpus();
  const pairs = readLabels();
  const missing = pairs.flatMap((p) => [p.a, p.b]).filter((n) => !corpus.has(n));
  if (missing.length > 0)
    return `## recurrence\n\nSkipped: ${missing.length} labelled file(s) are not in ${CORPUS} (e.g. ${missing[0]}).\n`;
  const rules: Rule[] = [
    {
      name: 'before: any one signal (cosine ≥ 0.3)',
      similarityThreshold: 0.3,
      minSignals: 1,
      strongSimilarity: 2,
    },
    {
      name: `after: ${DEFAULT_MIN_SIGNALS} signals, or wording alone at cosine ≥ ${DEFAULT_STRONG_SIMILARITY} (defaults)`,
      similarityThreshold: 0.3,
      minSignals: DEFAULT_MIN_SIGNALS,
      strongSimilarity: DEFAULT_STRONG_SIMILARITY,
    },
    ...[0.15, 0.2, 0.3, 0.4].map((strong) => ({
      name: `2 signals, or wording alone at cosine ≥ ${strong}`,
      similarityThreshold: Math.min(0.3, strong),
      minSignals: 2,
      strongSimilarity: strong,
    })),
  ];
  const rows = rules.map((rule) => {
    const m = measure(corpus, pairs, rule);
    return `| ${rule.name} | ${(m.precision * 100).toFixed(0)}% | ${(m.recall * 100).toFixed(0)}% | ${m.tp} | ${m.fp} | ${m.fn} | ${m.tn} |`;
  });
  const related = pairs.filter((p) => p.related).length;
  return `## recurrence

Precision and recall of the pair rule on ${pairs.length} labelled pairs (${related} related, ${pairs.length - related} unrelated; \`bench/recurrence-labels.tsv\`, our judgement) from ${corpus.size} real post-mortems in \`../shared/corpus/real\`, TF-IDF fitted over all of them:

| Rule | Precision | Recall | TP | FP | FN | TN |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Most of these files name no service, tag or root-cause category in a form the parser reads, so the
wording is usually the only signal and recall stays low under any rule; what the two-signal rule
changes is the false groupings on one weak signal (a shared category such as \`Kubernetes\` or
\`deployments\`, a shared pipeline service).
`;
}
