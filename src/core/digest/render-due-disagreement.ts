import type { DueDisagreement } from './digest-model.js';

/** Says where the due dates differ, in plain text: `post-mortem 2026-04-30, GitHub 2026-03-10, project 2026-03-15: they disagree`. */
export function renderDueDisagreement(d: DueDisagreement): string {
  const github = d.sources.map((s) => `${s.where === 'project' ? 'project' : 'GitHub'} ${s.date}`);
  return `post-mortem ${d.postmortem ?? 'none'}, ${github.join(', ')}: they disagree`;
}
