/** Post-mortem and payload fixtures of the app's integration tests (written for this project). */

/** One action item of a fixture post-mortem. */
export interface FixtureItem {
  text: string;
  owner?: string;
  due?: string;
  done?: boolean;
}

/** A complete post-mortem with the given action items as a checklist. */
export function postmortemText(options: {
  title: string;
  date?: string;
  severity?: string;
  items: FixtureItem[];
}): string {
  const date = options.date ?? '2026-02-10';
  return [
    '---',
    `title: ${options.title}`,
    `date: ${date}`,
    `severity: ${options.severity ?? 'SEV2'}`,
    'status: final',
    '---',
    '',
    `# ${options.title}`,
    '',
    '## Summary',
    '',
    'Checkout requests failed for some customers while a cache node restarted.',
    '',
    '## Timeline',
    '',
    `- ${date} 14:02 UTC — error rate alert fires`,
    `- ${date} 14:10 UTC — on-call engineer acknowledges`,
    `- ${date} 14:41 UTC — cache node replaced, errors stop`,
    '',
    '## Root cause',
    '',
    'A configuration push set the cache eviction limit to zero.',
    '',
    '## Action items',
    '',
    ...options.items.map((item) => {
      const parts = [`- [${item.done ? 'x' : ' '}] ${item.text}`];
      if (item.owner) parts.push(`owner: ${item.owner}`);
      if (item.due) parts.push(`due: ${item.due}`);
      return parts.join(' — ');
    }),
    '',
  ].join('\n');
}

/** A post-mortem that breaks several lint rules (no severity, no timeline, items without owners). */
export function sloppyPostmortemText(items: number): string {
  return [
    '# Something broke',
    '',
    '## Summary',
    '',
    'It broke.',
    '',
    '## Action items',
    '',
    ...Array.from({ length: items }, (_, i) => `- [ ] Fix thing number ${i + 1}`),
    '',
  ].join('\n');
}
