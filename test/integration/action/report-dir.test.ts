import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAST_CONFIG,
  makeWorkspace,
  OWNER,
  postmortem,
  pushEvent,
  REPO,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step } from './in-process-step.js';

afterEach(restoreProcess);

const NOW = () => new Date('2026-03-20T12:00:00Z');

function metric(html: string, name: string): string | null {
  return new RegExp(`data-metric="${name}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
}

describe('digest mode with report-dir', () => {
  it('writes the self-contained dashboard into the workspace, item state from the tracked issues', async () => {
    const gh = standInRepo({ now: NOW });
    const workspace = makeWorkspace({
      '.github/postmortem-tracker.yml': FAST_CONFIG,
      'postmortems/2026-03-01-db.md': postmortem([
        '- [ ] Add a replica lag alert (@alice, due 2026-03-10)',
        '- [ ] Write the failover runbook (@bob, due 2026-04-30)',
      ]),
    });
    // Sync first, then close one item's issue on GitHub: the dashboard must count it done.
    await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    const runbook = [...gh.repo(OWNER, REPO).issues.values()].find((i) =>
      i.title.startsWith('Write the failover runbook'),
    )!;
    Object.assign(runbook, { state: 'closed', state_reason: 'completed' });

    const result = await step(gh, {
      eventName: 'workflow_dispatch',
      payload: {},
      workspace,

      inputs: { mode: 'digest', 'dry-run': 'true', 'report-dir': 'site' },
    });
    expect(result.failed).toBe(false);
    const file = join(workspace, 'site', 'index.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(metric(html, 'open')).toBe('1');
    expect(metric(html, 'overdue')).toBe('1');
    expect(html).toContain('uPlot'); // the chart library is inlined
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
    expect(result.stdout).toMatch(/dashboard written to site\/index\.html/);
  });

  it('refuses a report-dir that is a symbolic link, writing nothing through it', async () => {
    const gh = standInRepo();
    const outside = mkdtempSync(join(tmpdir(), 'pmt-outside-'));
    const workspace = makeWorkspace({
      'postmortems/2026-03-01-db.md': postmortem(['- [ ] Do it (@alice, due 2026-03-10)']),
    });
    symlinkSync(outside, join(workspace, 'site'));
    const result = await step(gh, {
      eventName: 'workflow_dispatch',
      payload: {},
      workspace,
      inputs: { mode: 'digest', 'dry-run': 'true', 'report-dir': 'site' },
    });
    expect(result.failed).toBe(true);
    expect(result.stdout).toMatch(/^::error::input "report-dir": "site" is a symbolic link/m);
    expect(existsSync(join(outside, 'index.html'))).toBe(false);
  });

  it.each(['../outside', '/tmp/elsewhere'])(
    'refuses a report-dir of %s outside the workspace',
    async (dir) => {
      const gh = standInRepo({ now: NOW });
      const workspace = makeWorkspace({
        'postmortems/2026-03-01-db.md': postmortem(['- [ ] Do it (@alice, due 2026-03-10)']),
      });
      const result = await step(gh, {
        eventName: 'workflow_dispatch',
        payload: {},
        workspace,

        inputs: { mode: 'digest', 'dry-run': 'true', 'report-dir': dir },
      });
      expect(result.failed).toBe(true);
      expect(result.stdout).toMatch(/^::error::input "report-dir"/m);
    },
  );
});
