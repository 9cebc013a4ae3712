import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defineProject } from '../../support/planning-state.js';
import {
  makeWorkspace,
  OWNER,
  postmortem,
  pushEvent,
  REPO,
  standInRepo,
} from '../action/action-harness.js';
import { restoreProcess, step } from '../action/in-process-step.js';

afterEach(restoreProcess);

const NOW = () => new Date('2026-03-20T12:00:00Z');

const config = (source: 'postmortem' | 'github') =>
  [
    'sync:',
    '  writeIntervalMs: 0',
    'planning:',
    `  dueDateSource: ${source}`,
    '  project: { owner: acme, number: 7 }',
    '',
  ].join('\n');

describe('the Action’s dashboard reads the project’s Due back', () => {
  for (const source of ['postmortem', 'github'] as const)
    it(`shows both dates when a Due was changed in the project (dueDateSource: ${source})`, async () => {
      const gh = standInRepo({ now: NOW });
      const board = defineProject(gh.state, OWNER, 7, [
        { name: 'Status', dataType: 'single_select', options: ['Todo', 'Done'] },
        { name: 'Due', dataType: 'date' },
      ]);
      const workspace = makeWorkspace({
        '.github/postmortem-tracker.yml': config(source),
        'postmortems/2026-03-01-db.md': postmortem([
          '- [ ] Write the failover runbook (@bob, due 2026-04-30)',
        ]),
      });
      const synced = await step(gh, {
        eventName: 'push',
        payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
        workspace,
      });
      expect(synced.failed).toBe(false);
      const [issue] = [...gh.repo(OWNER, REPO).issues.values()];
      const item = board.items.find((i) => i.issueId === issue?.id);
      expect(item).toBeDefined();
      item?.values.set(board.fields.find((f) => f.name === 'Due')?.id ?? 0, '2026-03-10');

      const result = await step(gh, {
        eventName: 'workflow_dispatch',
        payload: {},
        workspace,
        inputs: { mode: 'digest', 'dry-run': 'true', 'report-dir': 'site' },
      });
      expect(result.failed).toBe(false);
      const html = readFileSync(join(workspace, 'site', 'index.html'), 'utf8');
      expect(html).toContain('(post-mortem 2026-04-30, project 2026-03-10: they disagree)</span>');
      // Which date counts for overdue follows planning.dueDateSource.
      expect(/data-metric="overdue"[^>]*>(\d+)</.exec(html)?.[1]).toBe(
        source === 'github' ? '1' : '0',
      );
    });
});
