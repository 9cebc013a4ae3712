import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    cwd: process.cwd(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

describe('postmortem-tracker digest (offline)', () => {
  it('prints the week digest of the examples as markdown, status from the markdown', async () => {
    const { code, out } = await cli(['digest', 'examples/postmortems', '--now', '2026-11-23']);
    expect(code).toBe(0);
    expect(out).toContain('<!-- postmortem-tracker:digest week=2026-W48 -->');
    expect(out).toMatch(
      /\*\*\d+ overdue, \d+ due in the next 7 days, completion (\d+%|— \(no items due\))/,
    );
    expect(out).toContain('Status from the post-mortems’ markdown.');
    expect(out).toContain('```mermaid');
  });

  it('shows the checkout recurrence of the examples, whose first incident is older than the window, as recurred while items were open', async () => {
    const { code, out } = await cli(['digest', 'examples/postmortems', '--now', '2026-11-26']);
    expect(code).toBe(0);
    const section = out.slice(out.indexOf('### Recurring incidents'), out.indexOf('### Response'));
    expect(section).toMatch(/^### Recurring incidents: [1-9]\d* groups?, [1-9]\d* recurred/);
    expect(section).toMatch(/#### ⚠️ Root cause `config-change`[^\n]*: 2 incidents/);
    expect(section).toContain(
      '**Recurred while action items of an earlier incident were still open:** the 2026-06-18 incident happened while',
    );
    expect(section).toContain(
      'of the 2026-03-04 incident were open: [Roll configuration changes out region by region',
    );
    expect(section).toContain('](examples/postmortems/2026-03-04-checkout-pool-config.md#L');
    expect(section).toContain(
      '](examples/postmortems/2026-06-18-checkout-pool-config-recurrence.md#L',
    );
  });

  it('prints the digest as JSON', async () => {
    const { code, out } = await cli([
      'digest',
      'examples/postmortems',
      '--now',
      '2027-01-01',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const digest = JSON.parse(out) as { week: string; today: string; statusSource: string };
    expect(digest).toMatchObject({
      week: '2026-W53',
      today: '2027-01-01',
      statusSource: 'markdown',
    });
  });

  it('rejects a malformed --now and an unknown format with exit code 2', async () => {
    expect((await cli(['digest', '--now', '2026-02-30'])).code).toBe(2);
    const bad = await cli(['digest', '--format', 'html']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toContain('use markdown or json');
  });
});
