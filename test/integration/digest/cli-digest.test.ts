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
    expect(out).toMatch(/\*\*\d+ overdue, \d+ due this week, completion (\d+%|n\/a)/);
    expect(out).toContain('Status from the post-mortems’ markdown.');
    expect(out).toContain('```mermaid');
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
