import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { labelSpecs } from '../../../src/core/sync/label-specs.js';
import { desired, item } from './fixtures.js';

const severityLabels = (labels: string[]) => labels.filter((l) => l.startsWith('severity:'));

describe('severity labels', () => {
  it('labels a severity of the configured scale, spelled as the scale spells it', () => {
    expect(severityLabels(desired(item({ id: 'x' }), { severity: 'sev-2' }).labels)).toEqual([
      'severity:SEV2',
    ]);
  });

  it('makes no label from a severity outside the scale, whatever the post-mortem says', () => {
    for (const severity of ['SEV9', 'P0', '<img src=x onerror=alert(1)>', 'x'.repeat(200)]) {
      const d = desired(item({ id: 'x' }), { severity });
      expect(severityLabels(d.labels), severity).toEqual([]);
    }
  });

  it('offers to create exactly the labels of the scale', () => {
    expect(
      labelSpecs(defaultConfig)
        .map((l) => l.name)
        .filter((n) => n.startsWith('severity:')),
    ).toEqual(['severity:SEV1', 'severity:SEV2', 'severity:SEV3', 'severity:SEV4']);
  });
});
