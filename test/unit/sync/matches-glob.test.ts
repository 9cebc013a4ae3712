import { describe, expect, it } from 'vitest';
import { inScope, matchesGlob } from '../../../src/core/sync/matches-glob.js';

describe('matchesGlob', () => {
  it.each([
    ['postmortems/a.md', 'postmortems/**/*.md', true],
    ['postmortems/2026/q1/a.md', 'postmortems/**/*.md', true],
    ['postmortems/a.txt', 'postmortems/**/*.md', false],
    ['docs/postmortems/a.md', 'postmortems/**/*.md', false],
    ['postmortems/README.md', '**/README.md', true],
    ['README.md', '**/README.md', true],
    ['postmortems/_index.md', '**/_*.md', true],
    ['postmortems/db template.md', '**/*template*.md', true],
    ['incidents/a.markdown', 'incidents/*.{md,markdown}', true],
    ['incidents/sub/a.md', 'incidents/*.md', false],
    ['incidents/a1.md', 'incidents/a[0-9].md', true],
    ['incidents/a(1).md', 'incidents/a(1).md', true],
  ])('%s vs %s → %s', (path, glob, expected) => {
    expect(matchesGlob(path, glob)).toBe(expected);
  });

  it('applies exclude after paths', () => {
    expect(inScope('postmortems/README.md', ['postmortems/**/*.md'], ['**/README.md'])).toBe(false);
    expect(inScope('postmortems/x.md', ['postmortems/**/*.md'], ['**/README.md'])).toBe(true);
  });
});
