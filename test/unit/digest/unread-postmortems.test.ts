import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { runDigest } from '../../../src/core/digest/run-digest.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { prepareText } from '../../../src/core/read/prepare-text.js';
import { readLimits } from '../../../src/core/read/read-limits.js';

const NOW = new Date('2026-02-20T10:00:00Z');

function read(path: string, bytes: Uint8Array) {
  const prepared = prepareText(bytes, path, readLimits());
  return prepared.ok ? parsePostmortem(prepared.text, path) : prepared.postmortem;
}

describe('the digest over unreadable files', () => {
  it('counts only the post-mortems that were read: an empty, binary or unparsable file is none', async () => {
    const real = read(
      'postmortems/2026-02-10-cache.md',
      new Uint8Array(Buffer.from('# Cache outage\n\n**Date:** 2026-02-10\n**Severity:** SEV2\n')),
    );
    const empty = read('postmortems/2026-02-11-empty.md', new Uint8Array());
    const binary = read('postmortems/2026-02-12-binary.md', new Uint8Array([0x23, 0, 1, 2]));
    const { digest } = await runDigest({
      config: defaultConfig,
      now: NOW,
      postmortems: [real, empty, binary],
    });
    expect(digest.postmortems).toBe(1);
    expect(digest.incidentsBySeverity).toEqual([{ severity: 'SEV2', count: 1 }]);
  });
});
