/** Keys of the sections a post-mortem is expected to have. */
export type SectionKey =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'actionItems'
  | 'contributingFactors'
  | 'whatWentWell'
  | 'lessonsLearned'
  | 'detection'
  | 'resolution';

// Order matters: the first rule that matches wins ("Actions taken … lessons" is an action section).
const RULES: ReadonlyArray<[SectionKey | 'none', RegExp]> = [
  // Deployment or process checklists and already-implemented measures are not follow-up work.
  [
    'none',
    /\b(?:checklist|tasks performed|steps performed|notes? to (?:the )?owner|implemented|alternatives?(?: considered)?|options? considered|appendi\w*|attendees|responders|references|related files|glossary|q ?& ?a|faq)\b/,
  ],
  [
    'actionItems',
    /\b(?:action[- ]?items?|actions?|action points?|follow[- ]?ups?|follow[- ]up (?:items|actions|improvements|issues|tasks|work)|corrective|preventa?t?ive|remedia(?:l|tion)|prevention|recommendations?|next steps|looking forward|going forward|improvements?|to ?dos?|tasks|avoid this in (?:the )?future|do better in the future|could be done to avoid|prevent (?:this|it|recurrence)|acoes|acciones|mesures)\b/,
  ],
  [
    'timeline',
    /\b(?:timeline|chronology|sequence of events|history|key events|linha do tempo|time ?line)\b/,
  ],
  [
    'rootCause',
    /\b(?:root causes?|causes?|causa raiz|why did it happen|whys|fault|trigger|what went wrong technically|diagnosis)\b/,
  ],
  ['contributingFactors', /\b(?:contributing factors?|contributors?|factors)\b/],
  ['whatWentWell', /\b(?:what went (?:well|right)|went well|things that went well|what worked)\b/],
  [
    'lessonsLearned',
    /\b(?:lessons?(?: learn[te]d)?|learnings?|takeaways?|what could have gone better|what went (?:wrong|poorly|badly)|went poorly|retrospective)\b/,
  ],
  [
    'detection',
    /\b(?:detection|how (?:was it|were we) (?:detected|alerted)|how did we (?:find out|notice))\b/,
  ],
  [
    'resolution',
    /\b(?:resolution|recovery|mitigation|how (?:was it|did we|we) fix(?:ed)?(?: it)?|fix(?:es)? applied|details of (?:fix|mitigation)|short term fix|long term solution|workaround|resolved)\b/,
  ],
  ['impact', /\b(?:impact|customer impact|user impact|blast radius|impacto|affected)\b/],
  [
    'summary',
    /\b(?:summary|overview|tl ?;? ?dr|description|background|incident summary|executive summary|what happened|details|resumo|leadup|context)\b/,
  ],
];

/** Normalises heading text for matching: lower-case ASCII words, no emoji, numbering, brackets or punctuation. */
export function normaliseHeading(text: string): string {
  return text
    .slice(0, 300)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?<!\([^)]*?)\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9&;?' -]+/g, ' ')
    .replace(/^\s*\d+\s*[.)-]?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section key a heading's words mean, or null. */
export function classifySection(heading: string): SectionKey | null {
  const norm = normaliseHeading(heading);
  if (norm === '' || norm.length > 120) return null;
  for (const [key, re] of RULES) {
    if (re.test(norm)) return key === 'none' ? null : key;
  }
  return null;
}

/** True when a heading names a known section (or a known non-section such as "Notes to the owner"), not an incident. */
export function isSectionHeading(heading: string): boolean {
  const norm = normaliseHeading(heading);
  if (norm === '' || norm.split(' ').length > 4) return false;
  if (/^(?:metadata|overview|details|title)$/.test(norm)) return true;
  // "Retrospective: OP Drop #1" names an incident; "Lessons learned" names a section: the section words must be most of it.
  return RULES.some(([, re]) => {
    let covered = 0;
    for (const m of norm.matchAll(new RegExp(re.source, 'g'))) covered += m[0].length;
    return covered >= norm.length * 0.6;
  });
}
