import { describeOperation } from './describe-operation.js';
import { escapeMarkdown } from '../text/escape-markdown.js';
import type { SyncReport } from './sync-repository.js';

const MAX_ROWS = 200;

/** Renders a sync run as a markdown job summary: totals, then what was done, skipped and not done, and why. */
export function renderSyncSummary(report: SyncReport, options: { dryRun: boolean }): string {
  const { counts, result } = report;
  const lines: string[] = [];
  lines.push(
    `## Post-mortem action items: ${options.dryRun ? 'sync plan (dry run, nothing written)' : 'sync'}`,
  );
  lines.push('');
  lines.push(
    '| created | updated | closed | reopened | linked | skipped | labels created | writes |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(
    `| ${counts.created} | ${counts.updated} | ${counts.closed} | ${counts.reopened} | ${counts.linked} | ${counts.skipped} | ${counts.labelsCreated} | ${result.writes} |`,
  );
  lines.push('');
  const planning = [
    [counts.parentsCreated, 'parent issue(s) created'],
    [counts.parentsUpdated, 'parent issue(s) updated'],
    [counts.subIssuesLinked, 'sub-issue link(s)'],
    [counts.fieldsWritten, 'issue field write(s)'],
    [counts.projectWrites, 'project write(s)'],
  ].flatMap(([n, what]) => (Number(n) > 0 ? [`${n} ${what}`] : []));
  if (planning.length > 0) lines.push(`Planning: ${planning.join(', ')}.`, '');
  if (result.failure) {
    lines.push(
      result.failure.op === null
        ? `**Nothing written:** ${escapeMarkdown(result.failure.message)}.`
        : `**Stopped by a failed write:** ${escapeMarkdown(describeOperation(result.failure.op))}: ${result.failure.status === null ? '' : `HTTP ${result.failure.status}, `}${escapeMarkdown(result.failure.message)}. The next run finishes the rest.`,
      '',
    );
  }
  if (result.capped) {
    const left = result.notApplied.filter((n) => n.reason === 'max-writes').length;
    lines.push(
      `**Write cap reached:** ${left} write(s) left for the next run (raise \`max-writes\` to do more per run).`,
      '',
    );
  }
  const done = result.applied.filter((a) => a.op.kind !== 'skip');
  const planned = result.notApplied
    .filter((n) => n.reason === 'dry-run')
    .map((n) => ({ op: n.op, number: null }));
  const rows = options.dryRun ? [...planned, ...done.filter((a) => a.op.kind === 'link')] : done;
  if (rows.length > 0) {
    lines.push(options.dryRun ? '### Planned' : '### Done', '');
    for (const { op, number } of rows.slice(0, MAX_ROWS))
      lines.push(`- ${escapeMarkdown(describeOperation(op, number))}`);
    if (rows.length > MAX_ROWS) lines.push(`- … and ${rows.length - MAX_ROWS} more`);
    lines.push('');
  }
  const skipped = result.applied.filter(
    (a) => a.op.kind === 'skip' && a.op.reason !== 'up-to-date',
  );
  if (skipped.length > 0) {
    lines.push('### Skipped', '');
    for (const { op } of skipped.slice(0, MAX_ROWS))
      lines.push(`- ${escapeMarkdown(describeOperation(op))}`);
    lines.push('');
  }
  const { notCreated, limit } = report.openIssues;
  if (notCreated.length > 0) {
    lines.push(
      `**Open-issue cap reached:** the repository may have at most ${limit} open tracked issues (\`sync.maxOpenIssues\`); ${notCreated.length} item(s) not tracked:`,
      '',
    );
    for (const n of notCreated.slice(0, MAX_ROWS))
      lines.push(`- ${escapeMarkdown(`${n.id} (${n.path})`)}`);
    if (notCreated.length > MAX_ROWS) lines.push(`- … and ${notCreated.length - MAX_ROWS} more`);
    lines.push('');
  }
  if (report.unassigned.length > 0) {
    lines.push('### Owners not assigned', '');
    for (const u of report.unassigned.slice(0, MAX_ROWS))
      lines.push(`- ${escapeMarkdown(`${u.path}:${u.line} ${u.id}: ${u.reason}`)}`);
    if (report.unassigned.length > MAX_ROWS)
      lines.push(`- … and ${report.unassigned.length - MAX_ROWS} more`);
    lines.push('');
  }
  const upToDate = result.applied.filter(
    (a) => a.op.kind === 'skip' && a.op.reason === 'up-to-date',
  ).length;
  lines.push(
    `${upToDate} issue(s) already up to date; ${report.trackedBefore} tracked issue(s) found.`,
  );
  return `${lines.join('\n')}\n`;
}
