import { describe, expect, it } from 'vitest';
import { inScope, matchesGlob } from '../../../src/core/config/matches-glob.js';

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

describe('matchesGlob on hostile globs and paths', () => {
  const time = (fn: () => unknown) => {
    const started = performance.now();
    const value = fn();
    return { value, ms: performance.now() - started };
  };

  it('answers at once for the brace pattern that took 133 s on a 43-character name', () => {
    const glob = '*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}x';
    const { value, ms } = time(() => matchesGlob('a'.repeat(43), glob));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(50);
  });

  it('never throws on invalid globs, and they match nothing', () => {
    for (const glob of ['[z-a]', '{a,b', 'docs/[z-a].md', 'a}', '[a'])
      expect(() => matchesGlob('a', glob), glob).not.toThrow();
    expect(matchesGlob('z', '[z-a]')).toBe(false);
    expect(matchesGlob('a', '{a,b')).toBe(false);
  });

  it('never reaches outside the repository: absolute and ".." globs match nothing', () => {
    expect(matchesGlob('etc/passwd', '/etc/*')).toBe(false);
    expect(matchesGlob('x/a.md', '../x/*.md')).toBe(false);
    expect(matchesGlob('../x/a.md', '../x/*.md')).toBe(false);
    // A path that climbs out, or is absolute, is never in scope, whatever the glob.
    expect(inScope('../x/a.md', ['**/*.md'], [])).toBe(false);
    expect(inScope('docs/../../x/a.md', ['**/*.md'], [])).toBe(false);
    expect(inScope('/etc/a.md', ['**/*.md'], [])).toBe(false);
  });

  it('stays fast for the worst shapes it accepts on the longest names and deepest paths', () => {
    const name = 'a'.repeat(255);
    const deep = Array.from({ length: 16 }, () => name).join('/');
    for (const [glob, path] of [
      ['*{a,aa,aaa,aaaa}*{a,aa,aaa,aaaa}b', name],
      ['**/*a*b/**/*a*b/**/*a*b', deep],
      ['**/**/**/**/**/x', Array.from({ length: 256 }, () => 'a').join('/')],
    ] as const) {
      const { value, ms } = time(() => matchesGlob(path, glob));
      expect(value, glob).toBe(false);
      expect(ms, glob).toBeLessThan(500);
    }
  });

  it('treats regex characters in names literally', () => {
    expect(matchesGlob('docs/+(a|b).md', 'docs/+(a|b).md')).toBe(true);
    expect(matchesGlob('docs/a.md', 'docs/+(a|b).md')).toBe(false);
    expect(matchesGlob('docs/!x.md', 'docs/!x.md')).toBe(true);
    expect(matchesGlob('docs/.hidden/a.md', 'docs/**/*.md')).toBe(true);
  });
});
