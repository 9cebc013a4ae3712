import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/load-config.js';
import { defaultConfig } from '../../../src/core/config/schema.js';

const FILE = '.github/postmortem-tracker.yml';

/** Loads `paths:` with `glob` as its second entry, timing it. */
function withGlob(glob: string) {
  const text = `paths:\n  - docs/*.md\n  - ${JSON.stringify(glob)}\n`;
  const started = performance.now();
  const loaded = loadConfig(text, FILE);
  return { ...loaded, ms: performance.now() - started };
}

describe('globs in the config are validated where they are written', () => {
  it.each([
    [
      'a backtracking brace pattern',
      '*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}*{*,*}x',
      /wildcard inside \{…\}/,
    ],
    ['a reversed class range', 'docs/[z-a].md', /character class that is not valid/],
    ['an unclosed brace', 'docs/{a,b.md', /\{ without its closing \}/],
    ['an unclosed class', 'docs/[abc.md', /\[ without its closing \]/],
    ['an absolute path', '/etc/*', /absolute path/],
    ['a home path', '~/secrets/*.md', /absolute path/],
    ['a drive path', 'C:/x/*.md', /absolute path/],
    ['a parent folder', '../x/*.md', /"\.\." segment/],
    ['a parent folder inside', 'docs/../../etc/*', /"\.\." segment/],
    ['three stars in a name', 'docs/*a*b*c.md', /more than 2 \* in one/],
    ['** inside a name', 'docs/a**b.md', /\*\* must be a whole folder/],
    ['an extended glob', 'docs/+(a|b).md', null],
    ['too many alternatives', '{a,b,c,d,e}{a,b,c,d,e}.md', /more than 16 alternatives/],
    ['a newline', 'docs/*.md\n::warning::x', /control character/],
    ['a backslash', 'docs\\*.md', /backslash/],
  ])('%s is a positioned error, not a crash, and the default applies', (_name, glob, reason) => {
    const { config, diagnostics, ms } = withGlob(glob);
    expect(ms).toBeLessThan(1000);
    if (reason === null) {
      // Extended-glob characters are literal: a valid glob naming a file "+(a|b).md".
      expect(diagnostics).toEqual([]);
      return;
    }
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 3,
        column: 5,
        rule: 'config-invalid',
        severity: 'error',
      }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/^paths\[1\]: not a usable glob: it /);
    expect(diagnostics[0]?.message).toMatch(reason);
    expect(diagnostics[0]?.message).toContain('using the default paths (["postmortems/**/*.md"])');
    expect(config.paths).toEqual(defaultConfig.paths);
  });

  it('caps the number and the length of globs', () => {
    const many = loadConfig(`exclude:\n${'  - "*.md"\n'.repeat(51)}`, FILE);
    expect(many.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [
        1,
        'exclude: expected at most 50 entries, got a list of 51 entries; using the default (["**/README.md","**/*template*.md","**/*TEMPLATE*.md","**/_*.md"]).',
      ],
    ]);
    const long = withGlob(`docs/${'a'.repeat(300)}.md`);
    expect(long.diagnostics[0]?.message).toMatch(/^paths\[1\]: expected at most 256 characters/);
  });

  it('never quotes the glob it refuses', () => {
    const { diagnostics } = withGlob('/home/runner/.ssh/id_rsa_SECRETNAME');
    expect(JSON.stringify(diagnostics)).not.toMatch(/runner|ssh|id_rsa|SECRETNAME/);
  });

  it('accepts the globs people write', () => {
    for (const glob of [
      'postmortems/**/*.md',
      './docs/incidents/*.{md,markdown}',
      '**/*template*.md',
      'rca/20[0-9][0-9]-*.md',
      'docs/{incidents,outages}/**/*.md',
      'incidents/a(1).md',
    ])
      expect(withGlob(glob).diagnostics, glob).toEqual([]);
  });
});
