import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintText } from '../../../src/core/lint/lint-text.js';

const doc = (due: string) => `# Exports failing

**Date:** 2026-03-04
**Severity:** SEV3

## Summary

Exports failed for six hours.

## Root cause

The token is renewed by hand.

## Action items

- [ ] Rotate the token automatically @lena-k due ${due}
`;

function message(due: string): string | undefined {
  return lintText(doc(due), 'pm.md', defaultConfig).diagnostics.find(
    (d) => d.rule === 'action-item-due-vague',
  )?.message;
}

describe('action-item-due-vague', () => {
  it('says which day a readable period is tracked as', () => {
    expect(message('Q3 2026')).toContain(
      'so it is tracked as 2026-09-30 (the last day of Q3 2026)',
    );
  });

  it('warns that a phrase naming no day falls back to the default due date', () => {
    const m = message('next sprint');
    expect(m).toContain('is a period, not a day, so it is tracked with the default due date 20');
    expect(m).toContain('write the last day you commit to as YYYY-MM-DD');
  });
});
