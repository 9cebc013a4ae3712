import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/load-config.js';
import { parseOptionsFromConfig } from '../../../src/core/config/parse-options-from-config.js';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { knownRules } from '../../../src/core/rule-ids/index.js';

const FILE = '.github/postmortem-tracker.yml';
const show = (text: string) =>
  loadConfig(text, FILE, { knownRules }).diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`,
  );

describe('loadConfig', () => {
  it('gives the defaults without a file, for an empty file, and for a comment-only file', () => {
    for (const text of [null, '', '# nothing yet\n']) {
      expect(loadConfig(text, FILE)).toEqual({ config: defaultConfig, diagnostics: [] });
    }
  });

  it('applies valid settings over the defaults', () => {
    const { config, diagnostics } = loadConfig(
      'paths: [docs/incidents/*.md]\ndates:\n  order: DMY\nowners:\n  aliases:\n    Ed: "@edwardk"\n',
      FILE,
    );
    expect(diagnostics).toEqual([]);
    expect(config.paths).toEqual(['docs/incidents/*.md']);
    expect(config.dates).toEqual({ order: 'DMY', timeZone: 'UTC' });
    expect(config.sync.maxWrites).toBe(50);
    expect(parseOptionsFromConfig(config)).toMatchObject({
      dateOrder: 'DMY',
      timeZone: 'UTC',
      ownerAliases: { Ed: '@edwardk' },
    });
  });

  it('reports a bad value with its line, column and key path, and uses the default for it only', () => {
    const text =
      'paths:\n  - docs/*.md\n\n# limits\n\n\nsync:\n  maxWrites: ten\n  assignOwners: false\n';
    const { config, diagnostics } = loadConfig(text, FILE);
    expect(diagnostics).toEqual([
      {
        file: FILE,
        line: 8,
        column: 3,
        severity: 'error',
        rule: 'config-invalid',
        message:
          'sync.maxWrites: expected a non-negative integer, got a string; using the default (50).',
      },
    ]);
    expect(config.sync).toMatchObject({
      maxWrites: 50,
      writeIntervalMs: 1000,
      assignOwners: false,
    });
    expect(config.paths).toEqual(['docs/*.md']);
  });

  it('describes what each kind of setting expects', () => {
    const text = [
      'severityScale: []',
      'dates: { order: XYZ }',
      'digest:',
      '  hour: 25',
      '  similarityThreshold: 2',
      'labels:',
      '  extra: [ok, 3]',
      'check:',
      '  checkAssignees: "yes"',
      'owners:',
      '  aliases:',
      '    Bob: "not a login!"',
      '    Ed: "@edwardk"',
    ].join('\n');
    const { config } = loadConfig(text, FILE);
    expect(show(text)).toEqual([
      `${FILE}:1:1 error config-invalid severityScale: expected a non-empty list of non-empty strings, got an empty list; using the default (["SEV1","SEV2","SEV3","SEV4"]).`,
      `${FILE}:2:10 error config-invalid dates.order: expected one of "auto", "DMY", "MDY", got a string; using the default ("auto").`,
      `${FILE}:4:3 error config-invalid digest.hour: expected an integer from 0 to 23, got a number outside that range; using the default (9).`,
      `${FILE}:5:3 error config-invalid digest.similarityThreshold: expected a number from 0 to 1, got a number outside that range; using the default (0.3).`,
      `${FILE}:7:15 error config-invalid labels.extra[1]: expected a non-empty string, got a whole number; using the default labels.extra ([]).`,
      `${FILE}:9:3 error config-invalid check.checkAssignees: expected true or false, got a string; using the default (true).`,
      `${FILE}:12:5 error config-invalid owners.aliases.Bob: expected a GitHub login ("@alice") or team ("@org/team"), got a string; this entry is ignored.`,
    ]);
    expect(config.owners.aliases).toEqual({ Ed: '@edwardk' });
  });

  it('reports unknown keys at any depth with a spelling suggestion', () => {
    expect(show('sync:\n  maxWrite: 3\npathz: [a]\n')).toEqual([
      `${FILE}:2:3 error config-unknown-key sync.maxWrite: unknown key in sync (did you mean "maxWrites"?); it is ignored — fix or remove it.`,
      `${FILE}:3:1 error config-unknown-key pathz: unknown key at the top level (did you mean "paths"?); it is ignored — fix or remove it.`,
    ]);
  });

  it('warns about a rule id that names no rule, and accepts parser rule ids', () => {
    expect(
      show('rules:\n  placeholders: off\n  date-ambiguous: warning\n  blame-language: error\n'),
    ).toEqual([
      expect.stringMatching(
        /^\.github\/postmortem-tracker\.yml:2:3 warning config-unknown-rule rules\.placeholders: no rule has this id \(did you mean "placeholder"\?\)/,
      ),
    ]);
  });

  it('reports YAML syntax errors with their position and falls back to every default', () => {
    const { config, diagnostics } = loadConfig('paths: [a\nsync:\n  maxWrites: 3\n', FILE);
    expect(config).toEqual(defaultConfig);
    expect(diagnostics[0]).toMatchObject({
      file: FILE,
      line: 2,
      rule: 'config-syntax',
      severity: 'error',
    });
    expect(diagnostics[0]?.message).toContain('every setting uses its default');
  });

  it('reports a file that is not a mapping', () => {
    expect(show('- paths\n- exclude\n')).toEqual([
      `${FILE}:1:1 error config-invalid expected a mapping of settings (key: value lines), got a list of 2 entries; every setting uses its default.`,
    ]);
  });

  it('reports duplicate keys as syntax errors', () => {
    expect(loadConfig('paths: [a]\npaths: [b]\n', FILE).diagnostics[0]).toMatchObject({
      line: 2,
      rule: 'config-syntax',
    });
  });
});
