import type { Postmortem } from '../../model/index.js';
import type { LintRule, RuleContext, RuleFinding } from '../lint-rule.js';
import { sectionRange } from '../section-range.js';

interface Phrase {
  pattern: RegExp;
  advice: string;
}

// Plain alternations of literals with word boundaries: linear on any input.
const PHRASES: Phrase[] = [
  {
    pattern: /\bhuman[ -]errors?\b/gi,
    advice:
      'describe what let the mistake through instead, e.g. "the deploy script accepted production without a confirmation step"',
  },
  {
    // The possessor's word is read backwards from the match (see withPossessor): a leading
    // `\w+` here would be retried at every position of a long word.
    pattern: /['’]s fault\b|\b(?:was|were|is|are) at fault\b|\bfault of\b/gi,
    advice:
      'describe the gap in the system or process that allowed it, e.g. "the change reached production without review because …"',
  },
  {
    pattern: /\bcareless(?:ly|ness)?\b|\bnegligen(?:t|ce)\b|\bincompeten(?:t|ce)\b|\bsloppy\b/gi,
    advice:
      'describe the missing safeguard instead, e.g. "no check caught the wrong value before it shipped"',
  },
  {
    pattern:
      /\bshould(?: have|['’]ve) (?:known|noticed|caught|realized|realised|been more careful)\b/gi,
    advice: 'that is hindsight; describe what information was missing or hard to see at the time',
  },
  {
    pattern: /\b(?:to blame|blamed)\b|\bblame (?:on|for)\b/gi,
    advice: 'describe the contributing conditions rather than who is responsible',
  },
];
const NOT_BLAME = /^(?:nobody|no one|no-one|noone|anybody|anyone|nobody else)['’]s fault$/i;
const HANDLE = /(?<![\w@/])@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\b(?!\/)/g;

/** People the document names (authors, owners, aliases), usable as whole-word patterns. */
function peopleNames(pm: Postmortem, aliases: Record<string, string>): string[] {
  const names = new Set<string>();
  const candidates = [
    ...pm.authors,
    ...pm.actionItems.map((i) => i.owner ?? ''),
    ...Object.keys(aliases),
  ];
  for (const raw of candidates) {
    const name = raw.replace(/^@/, '').trim();
    if (name.length < 3 || name.length > 60 || !/\p{Ll}/u.test(name) || /\bteam\b|\//i.test(name))
      continue;
    names.add(name);
    const first = name.split(/\s+/)[0] ?? '';
    if (first !== name && first.length >= 3 && /^\p{Lu}/u.test(first)) names.add(first);
  }
  return [...names];
}

/** Root-cause lines that name a person: an `@login` or a name the document uses for a person. */
function personAsRootCause(ctx: RuleContext): RuleFinding[] {
  const { pm, prose } = ctx;
  let scan: Array<{ text: string; line: number; exact: boolean }>;
  if (prose !== null) {
    const range =
      sectionRange(pm, 'rootCause', prose.length) ??
      (pm.lines.rootCause === undefined
        ? null
        : { start: pm.lines.rootCause, end: pm.lines.rootCause });
    if (range === null) return [];
    scan = [];
    for (let l = range.start; l <= range.end; l++)
      scan.push({ text: prose[l - 1] ?? '', line: l, exact: true });
  } else {
    if (pm.rootCause === null) return [];
    scan = [{ text: pm.rootCause, line: pm.lines.rootCause ?? 1, exact: false }];
  }
  // Only names that occur at all go into the pattern (usually none, and then there is no pattern).
  const joined = scan.map((s) => s.text).join('\n');
  const names = peopleNames(pm, ctx.config.owners.aliases).filter((n) => joined.includes(n));
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const named =
    escaped.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  if (named === null && !joined.includes('@')) return [];
  const findings: RuleFinding[] = [];
  for (const { text, line, exact } of scan) {
    const hits = [...text.matchAll(HANDLE), ...(named ? text.matchAll(named) : [])];
    const hit = hits.sort((a, b) => a.index - b.index)[0];
    if (!hit) continue;
    findings.push({
      line,
      ...(exact
        ? { column: hit.index + 1, endLine: line, endColumn: hit.index + hit[0].length + 1 }
        : {}),
      message: `The root cause names a person ("${hit[0]}"); a blameless root cause describes the system, e.g. "a config change reached production without validation", and leaves names to the timeline.`,
    });
  }
  return findings;
}

/** Extends a `'s fault` match back over the word before it (`Bob's fault`), at most 60 characters. */
function withPossessor(
  text: string,
  index: number,
  found: string,
): { start: number; phrase: string } {
  if (found[0] !== "'" && found[0] !== '’') return { start: index, phrase: found };
  let start = index;
  while (start > 0 && index - start < 60 && /[\p{L}\p{N}_-]/u.test(text[start - 1] ?? '')) start--;
  if (start >= 3 && /^no[ -]$/i.test(text.slice(start - 3, start))) start -= 3; // as in: no one's fault
  return { start, phrase: text.slice(start, index + found.length) };
}

/** Finds blaming phrases in one line of prose. */
function scanLine(
  text: string,
  line: number,
  exact: boolean,
  phrases: readonly Phrase[] = PHRASES,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { pattern, advice } of phrases) {
    for (const m of text.matchAll(pattern)) {
      const { start, phrase } = withPossessor(text, m.index, m[0]);
      if (NOT_BLAME.test(phrase)) continue;
      findings.push({
        line,
        ...(exact
          ? { column: start + 1, endLine: line, endColumn: m.index + m[0].length + 1 }
          : {}),
        message: `Blame language "${phrase}": ${advice}.`,
      });
    }
  }
  return findings;
}

/** The text stays blameless: no "human error", "X's fault", "careless", "should have known", no person as root cause. */
export const blameLanguage: LintRule = {
  id: 'blame-language',
  defaultSeverity: 'warning',
  description:
    'The text is blameless: no "human error", "X\'s fault", "careless", "should have known", and no person named as the root cause.',
  check(ctx) {
    const { pm, prose, proseText } = ctx;
    // A whole-file test first: most files contain none of the phrases, and then no line is scanned.
    const present =
      proseText === null ? PHRASES : PHRASES.filter((p) => proseText.search(p.pattern) !== -1);
    const phrases =
      prose !== null
        ? present.length === 0
          ? []
          : prose.flatMap((text, i) => scanLine(text, i + 1, true, present))
        : [
            ...(pm.impact === null ? [] : scanLine(pm.impact, pm.lines.impact ?? 1, false)),
            ...(pm.rootCause === null
              ? []
              : scanLine(pm.rootCause, pm.lines.rootCause ?? 1, false)),
            ...pm.contributingFactors.flatMap((f) => scanLine(f.text, f.line, false)),
          ];
    return [...phrases, ...personAsRootCause(ctx)];
  },
};
