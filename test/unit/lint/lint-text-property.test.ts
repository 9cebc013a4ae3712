import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintText } from '../../../src/core/lint/lint-text.js';

// Fragments that exercise the linter's patterns and the parser's item, date and table paths.
const FRAGMENTS = [
  '# ISSUE NAME',
  '## Action items',
  '## Timeline',
  '## Root cause',
  '- [ ] ',
  '- [x] ',
  '| a | b |',
  '|---|---|',
  '@alice',
  'due 01-04-2026',
  'due 2026-13-40',
  'Q2 2026',
  'TODO',
  '**TODO**',
  'TBD',
  '<',
  '>',
  '<!--',
  '-->',
  '{{',
  '}}',
  '`',
  '```',
  "'s fault",
  'human error',
  'should have known',
  '\n',
  '\n\n',
  ' ',
  '---\n',
  'severity: ',
  'SEV1',
  '10:00 UTC — ',
];

describe('lintText on random markdown', () => {
  it('never throws, and returns positioned, sorted diagnostics', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), {
          maxLength: 60,
        }),
        (parts) => {
          const { diagnostics } = lintText(parts.join(''), 'fuzz.md', defaultConfig);
          for (const d of diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(['error', 'warning']).toContain(d.severity);
          }
          const lines = diagnostics.map((d) => d.line);
          expect(lines).toEqual([...lines].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
