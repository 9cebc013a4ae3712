import type { Postmortem } from '../../src/core/model/index.js';

/** One file's report: metadata, then one line per action item with owner, due and status. */
export function formatCorpusReport(pm: Postmortem, full = false): string {
  const out: string[] = [];
  const owned = pm.actionItems.filter((i) => i.owner).length;
  const dued = pm.actionItems.filter((i) => i.due ?? i.dueRaw).length;
  out.push(
    `== ${pm.path}: ${pm.actionItems.length} items (${owned} owned, ${dued} with due), ${pm.timeline.length} timeline, ${pm.diagnostics.length} diagnostics`,
  );
  out.push(
    `   title=${JSON.stringify(pm.title)} date=${pm.incidentDate} sev=${pm.severity} status=${JSON.stringify(pm.status)} dur=${JSON.stringify(pm.duration)}(${pm.durationMinutes}) authors=${JSON.stringify(pm.authors)} pub=${pm.publishedDate}`,
  );
  for (const i of pm.actionItems) {
    out.push(
      `   L${i.line} [${i.status === 'done' ? 'x' : ' '}] ${i.title.slice(0, 110)}${i.owner ? ` | owner=${i.owner}` : ''}${i.due || i.dueRaw ? ` | due=${i.due ?? '-'}/${i.dueRaw}` : ''}${i.tracker ? ` | tracker=${i.tracker}` : ''}${i.type ? ` | type=${i.type}` : ''}`,
    );
  }
  if (full) {
    for (const t of pm.timeline)
      out.push(
        `   T L${t.line} ${JSON.stringify(t.time)} at=${t.at} kind=${t.kind} ${t.text.slice(0, 70)}`,
      );
    for (const s of pm.sections)
      out.push(`   S L${s.line} h${s.depth} ${s.key} ${s.heading.slice(0, 60)}`);
  }
  for (const d of pm.diagnostics) out.push(`   ! L${d.line} ${d.rule}: ${d.message.slice(0, 150)}`);
  return out.join('\n');
}
