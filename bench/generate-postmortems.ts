/** A small seeded PRNG (mulberry32): the same seed always gives the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = [
  'checkout',
  'payments',
  'search',
  'auth',
  'dns',
  'billing',
  'catalog',
  'notifications',
  'ingest',
  'reports',
];
const CAUSES = [
  'config-change',
  'capacity',
  'dependency',
  'deploy',
  'certificate',
  'data-migration',
];
const OWNERS = [
  '@mara-lopez',
  '@dev-okafor',
  '@jun-park',
  '@li-wen',
  '@acme/platform',
  '@acme/sre',
  '@sam-reyes',
  '@priya-n',
];
const WORDS = (
  'the service request queue latency error rate connection pool region deploy configuration cache replica primary ' +
  'database migration alert dashboard customers retry timeout upstream downstream gateway worker partition backlog ' +
  'rollout canary traffic capacity limit threshold metric runbook on-call engineer change review pipeline'
).split(' ');
const EVENTS = [
  'Change deployed to production; errors begin',
  'Alert fired and paged the on-call engineer',
  'On-call engineer acknowledged the page',
  'Investigating elevated error rates in the gateway',
  'Identified the connection pool as saturated',
  'Rolled back the change; impact mitigated',
  'Error rates back to normal; incident resolved',
];

/** Generates `count` realistic post-mortems (3–8 KB, tables or bullets, 3–8 action items), deterministically. */
export function generatePostmortems(count: number, seed = 42): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const sentence = (min: number, max: number): string => {
    const n = int(min, max);
    const words = Array.from({ length: n }, () => pick(WORDS));
    const first = words[0] ?? 'The';
    words[0] = first[0]?.toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const paragraph = (sentences: number): string =>
    Array.from({ length: sentences }, () => sentence(8, 18)).join(' ');
  const pad = (n: number): string => String(n).padStart(2, '0');
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const month = int(1, 12);
    const day = int(1, 28);
    const date = `2026-${pad(month)}-${pad(day)}`;
    const service = pick(SERVICES);
    const severity = `SEV${int(1, 4)}`;
    const parts: string[] = [];
    if (rand() < 0.5) {
      parts.push(
        `---\ntitle: ${service} incident ${i}\ndate: ${date}\nseverity: ${severity}\nstatus: final\nservices: [${service}]\ntags: [${pick(CAUSES)}]\nroot_cause_category: ${pick(CAUSES)}\n---\n`,
        `# ${service} incident ${i}\n`,
      );
    } else {
      parts.push(
        `# ${service} incident ${i}\n`,
        `**Date:** ${date}\n**Severity:** ${severity}\n**Status:** Final\n**Services:** ${service}\n`,
      );
    }
    parts.push(`## Summary\n\n${paragraph(int(3, 8))}\n`);
    parts.push(
      `## Impact\n\n${paragraph(int(2, 4))}\n\n- ${sentence(6, 12)}\n- ${sentence(6, 12)}\n`,
    );
    const entries = int(6, 14);
    let minute = int(0, 600);
    const rows: string[] = [];
    for (let e = 0; e < entries; e++) {
      minute += int(1, 25);
      const time = `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
      const text = e < EVENTS.length ? (EVENTS[e] ?? '') : sentence(6, 14);
      rows.push(rand() < 0.5 ? `| ${time} | ${text} |` : `- ${time} UTC — ${text}`);
    }
    const asTable = rand() < 0.5;
    parts.push(
      `## Timeline\n\nAll times UTC.\n\n${
        asTable
          ? `| Time | Event |\n| ---- | ----- |\n${rows.map((r) => (r.startsWith('|') ? r : `| ${r.slice(2, 7)} | ${r.slice(13)} |`)).join('\n')}`
          : rows
              .map((r) => (r.startsWith('-') ? r : `- ${r.slice(2, 7)} UTC — ${r.slice(10, -2)}`))
              .join('\n')
      }\n`,
    );
    parts.push(`## Root cause\n\n${paragraph(int(3, 9))}\n\n${paragraph(int(2, 6))}\n`);
    parts.push(
      `## Contributing factors\n\n${Array.from({ length: int(2, 4) }, () => `- ${sentence(8, 16)}`).join('\n')}\n`,
    );
    parts.push(
      `## What went well\n\n${Array.from({ length: int(1, 3) }, () => `- ${sentence(6, 12)}`).join('\n')}\n`,
    );
    const items = int(3, 8);
    const due = (): string =>
      new Date(Date.UTC(2026, month - 1, day + int(7, 120))).toISOString().slice(0, 10);
    if (rand() < 0.5) {
      const lines = Array.from(
        { length: items },
        (_, k) =>
          `| ${sentence(6, 12)} (${k}) | ${pick(OWNERS)} | ${due()} | ${rand() < 0.3 ? 'Done' : 'Open'} | #${int(100, 9999)} |`,
      );
      parts.push(
        `## Action items\n\n| Action | Owner | Due | Status | Ticket |\n| ------ | ----- | --- | ------ | ------ |\n${lines.join('\n')}\n`,
      );
    } else {
      const lines = Array.from(
        { length: items },
        (_, k) =>
          `- [${rand() < 0.3 ? 'x' : ' '}] ${sentence(6, 12).slice(0, -1)} (${k}) ${pick(OWNERS)} due ${due()}`,
      );
      parts.push(`## Action items\n\n${lines.join('\n')}\n`);
    }
    parts.push(`## Lessons learned\n\n${paragraph(int(2, 5))}\n`);
    docs.push(parts.join('\n'));
  }
  return docs;
}
