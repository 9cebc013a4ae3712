import { describe, expect, it } from 'vitest';
import { buildReport, renderReport } from '../../../src/core/report/index.js';
import { unreadPostmortem } from '../../../src/core/read/unread-postmortem.js';
import { config, issue, item, pm } from '../digest/fixtures.js';

const assets = { uplotJs: '', uplotCss: '', repoUrl: null, defaultBranch: 'main' };
const NOW = new Date('2026-11-26T12:00:00Z');

function report(postmortems: Parameters<typeof buildReport>[0]['postmortems'], issues = []) {
  return buildReport({ postmortems, issues, config: config(), now: NOW });
}

const hostile = pm({
  path: 'pm/a.md',
  title: '</script><img src=x onerror=alert(1)>',
  incidentDate: '2026-11-01',
  severity: 'SEV1',
  services: ['<b>svc</b>'],
  actionItems: [
    item({ title: 'Fix <script>alert(1)</script>', owner: '@dana', due: '2026-11-10', line: 9 }),
    item({ title: 'Done thing', owner: '@dana', due: '2026-11-20', status: 'done', line: 10 }),
  ],
});

describe('renderReport', () => {
  it('escapes every user text: titles, services, items and the embedded data', () => {
    const html = renderReport(report([hostile]), { ...assets, uplotJs: 'var a="</script>";' });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>svc</b>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    // Exactly the three script elements the page brings, none opened or closed by data or assets.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('puts the digest headline figures in data-metric elements', () => {
    const data = report([hostile]);
    const html = renderReport(data, assets);
    expect(data.digest.items.open).toBe(1);
    expect(html).toContain('<dd data-metric="open">1</dd>');
    expect(html).toContain('<dd data-metric="overdue">1</dd>');
    expect(html).toContain(
      `<dd data-metric="completion">${data.digest.items.completion.value}%</dd>`,
    );
  });

  it('links post-mortems and issues only to https URLs', () => {
    const data = report([hostile], [
      issue(7, 'pm/a.md', 'fix-script-alert-1-script', { url: 'javascript:alert(1)' }),
    ] as never);
    const html = renderReport(data, { ...assets, repoUrl: 'https://github.com/acme/ops' });
    expect(html).toContain('href="https://github.com/acme/ops/blob/main/pm/a.md#L1"');
    expect(html).not.toContain('javascript:');
  });
});

describe('buildReport', () => {
  it('counts items per owner and per service, overdue within open, and a series ending today', () => {
    const data = report([hostile]);
    expect(data.byOwner).toEqual([{ name: '@dana', incidents: 1, open: 1, overdue: 1, done: 1 }]);
    expect(data.byService[0]).toMatchObject({ name: '<b>svc</b>', open: 1, overdue: 1, done: 1 });
    expect(data.series.at(-1)).toEqual({ date: '2026-11-26', open: 1, overdue: 1, done: 1 });
    expect(data.incidents[0]!.items.map((i) => i.state)).toEqual(['overdue', 'done']);
  });

  it('leaves unreadable files out of the figures, as the digest does', () => {
    const empty = unreadPostmortem('pm/empty.md', 'file-unreadable', 'pm/empty.md: empty');
    expect(report([hostile, empty]).incidents.map((i) => i.ref.path)).toEqual(['pm/a.md']);
  });
});
