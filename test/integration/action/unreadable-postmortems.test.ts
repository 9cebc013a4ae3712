import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import {
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pushEvent,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step } from './in-process-step.js';

afterEach(restoreProcess);

const PM = 'postmortems/2026-03-01-db.md';
const items = [
  '- [ ] Add a replica lag alert (@alice, due 2026-04-01)',
  '- [ ] Load test the primary (@bob, due 2026-04-03)',
];

describe('sync mode over a post-mortem that is not what it seems', () => {
  it('closes nothing when the file is emptied, saved as UTF-16 or replaced by binary content', async () => {
    const gh = standInRepo({ now: () => new Date('2026-03-20T12:00:00Z') });
    const workspace = makeWorkspace({ [PM]: postmortem(items) });
    const push = () =>
      step(gh, {
        eventName: 'push',
        payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
        workspace,
      });
    const open = () =>
      [...gh.repo(OWNER, REPO).issues.values()]
        .filter((i) => i.state === 'open' && parseMarker(i.body) !== null)
        .map((i) => i.number);
    expect((await push()).outputs).toMatchObject({ created: '2' });
    const before = open();
    expect(before).toHaveLength(2);

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(postmortem(items).replaceAll('\n', '\r\n'), 'utf16le'),
    ]);
    for (const [content, warning] of [
      ['', 'is unreadable: empty file'],
      [
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        'binary content (NUL byte at offset 8)',
      ],
      [utf16, null],
    ] as const) {
      writeFileSync(`${workspace}/${PM}`, content);
      const mark = gh.requests.mark();
      const result = await push();
      expect(result.failed).toBe(false);
      expect(result.outputs).toMatchObject({ created: '0', updated: '0', closed: '0' });
      expect(gh.requests.writes(mark)).toBe(0);
      expect(open()).toEqual(before);
      if (warning !== null) expect(result.stdout).toContain(warning);
    }
  });
});
