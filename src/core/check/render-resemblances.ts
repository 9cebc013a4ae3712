import { escapeMarkdown } from '../text/escape-markdown.js';
import { describeItems, describeSignals, type Resemblance } from './compare-with-earlier.js';

const STATE: Record<Resemblance['items'][number]['state'], string> = {
  open: 'open',
  overdue: '**overdue**',
  done: 'done',
};

/**
 * The summary section on earlier incidents a pull request's post-mortems resemble (the Action's
 * job summary and the app's check run): each with its date, severity, why it matched and its
 * action items with their state; empty when there are none.
 */
export function renderResemblances(resemblances: readonly Resemblance[]): string[] {
  if (resemblances.length === 0) return [];
  const lines = ['### Resembles earlier incidents', ''];
  let file: string | null = null;
  for (const r of resemblances) {
    if (r.file !== file) {
      file = r.file;
      lines.push(
        `**${escapeMarkdown(r.incident.title)}** (\`${r.file.replace(/[`\r\n]/g, "'")}\`) resembles:`,
        '',
      );
    }
    const when = [r.earlier.date, r.earlier.severity].filter((x) => x !== null).join(', ');
    const level =
      r.level === 'notice'
        ? ''
        : ` — reported as ${r.level === 'error' ? 'an error' : 'a warning'}`;
    lines.push(
      `- *${escapeMarkdown(r.earlier.title)}*${when ? ` (${escapeMarkdown(when)})` : ''}: ${escapeMarkdown(describeSignals(r.signals)).replace(/\\`/g, '`')}. ${escapeMarkdown(describeItems(r.items))}${level}`,
    );
    const source = r.items.some((i) => i.source === 'issue') ? 'tracked issues' : 'the markdown';
    if (r.items.length > 0) lines.push(`  Action items (state from ${source}):`);
    for (const i of r.items.slice(0, 20)) {
      const issue = i.issue ? ` ([#${i.issue.number}](${i.issue.url}))` : '';
      const due = i.due ? `, due ${i.due}` : '';
      lines.push(`  - ${STATE[i.state]}: ${escapeMarkdown(i.title)}${issue}${due}`);
    }
    if (r.items.length > 20) lines.push(`  - …and ${r.items.length - 20} more`);
  }
  lines.push('');
  return lines;
}
