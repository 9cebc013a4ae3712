import { describe, expect, it } from 'vitest';
import { desired, item } from './fixtures.js';
import { liveMentions } from '../text/live-mentions.js';

// One item in the field produced 62 live @mentions in its issue body: each pinged someone.
const crowd = [
  ...Array.from({ length: 60 }, (_, i) => `@user${i}`),
  '@acme/everyone',
  '@acme/sre_oncall',
];

describe('issue body mentions', () => {
  it('mentions only the owner, however many handles and teams the item text names', () => {
    const d = desired(item({ id: 'x', title: `Tell ${crowd.join(', ')} about the fix` }));
    expect(liveMentions(d.body)).toEqual(['alice']);
    expect(d.body).toContain('`@user0`, `@user1`');
    expect(d.body).toContain('`@acme/sre_oncall`');
  });

  it('keeps a team owner as the one live mention', () => {
    const d = desired(item({ id: 'x', owner: '@acme/sre', title: 'Page @bob and @acme/dba' }));
    expect(liveMentions(d.body)).toEqual(['acme/sre']);
  });

  it('quotes handles in the incident title, severity, vague due date and a non-login owner', () => {
    const d = desired(
      item({ id: 'x', owner: 'Jane from @acme/web', due: null, dueRaw: 'when @carol says' }),
      { title: 'Outage reported by @dave', severity: '@erin' },
    );
    expect(liveMentions(d.body)).toEqual([]);
    expect(d.body).toContain('when `@carol` says (as written');
    expect(d.body).toContain('Outage reported by `@dave`');
  });
});
