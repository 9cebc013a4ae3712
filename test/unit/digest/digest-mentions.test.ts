import { describe, expect, it } from 'vitest';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { renderDigest } from '../../../src/core/digest/render-digest.js';
import { liveMentions } from '../text/live-mentions.js';
import { config, item, pm } from './fixtures.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const crowd = [
  ...Array.from({ length: 60 }, (_, i) => `@user${i}`),
  '@acme/everyone',
  '@acme/sre_oncall',
];

describe('digest mentions', () => {
  it('mentions the owners, each once, and no handle written in item or incident text', () => {
    const doc = pm({
      path: 'postmortems/2026-10-01-checkout.md',
      title: `Outage seen by ${crowd.slice(0, 5).join(' ')}`,
      incidentDate: '2026-10-01',
      severity: 'SEV1',
      actionItems: [
        item({ title: `Tell ${crowd.join(', ')}`, owner: '@alice', due: '2026-11-01', line: 30 }),
        item({ title: 'Ask @bob@carol', owner: '@acme/sre', due: '2026-11-02', line: 31 }),
        item({ title: 'Unowned, ask @dave', owner: null, due: null, line: 32 }),
      ],
    });
    const digest = analyseDigest({ postmortems: [doc], issues: [], config: config(), now: NOW });
    const body = renderDigest(digest, {
      repoUrl: 'https://github.com/acme/ops',
      defaultBranch: 'main',
    }).join('\n');
    expect(liveMentions(body).sort()).toEqual(['acme/sre', 'alice']);
  });
});
