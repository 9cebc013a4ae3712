import { describe, expect, it } from 'vitest';
import {
  readConfig,
  readConfigChain,
  type ConfigFileRead,
  type RepoName,
} from '../../../src/core/config/index.js';
import { knownRules } from '../../../src/core/rule-ids/index.js';

/** Repositories as `owner/repo:path` → file (text, or a refusal), recording every read. */
function repos(files: Record<string, string | ConfigFileRead>) {
  const reads: string[] = [];
  const read = async (repo: RepoName, path: string): Promise<ConfigFileRead> => {
    const key = `${repo.owner}/${repo.repo}:${path}`;
    reads.push(key);
    const file = files[key];
    if (file === undefined) return { status: 'missing' };
    return typeof file === 'string' ? { status: 'found', text: file } : file;
  };
  return { read, reads };
}

const WEB = { owner: 'acme', repo: 'web' };
const YML = '.github/postmortem-tracker.yml';
const YAML = '.github/postmortem-tracker.yaml';

describe('readConfig', () => {
  it('looks for .yml, then .yaml, and reports which file it read', async () => {
    const only = repos({ [`acme/web:${YAML}`]: 'sync:\n  maxWrites: 7\n' });
    const loaded = await readConfig((path) => only.read(WEB, path));
    expect(loaded.file).toBe(YAML);
    expect(loaded.config.sync.maxWrites).toBe(7);
    expect(only.reads).toEqual([`acme/web:${YML}`, `acme/web:${YAML}`]);

    const both = repos({
      [`acme/web:${YML}`]: 'sync:\n  maxWrites: 1\n',
      [`acme/web:${YAML}`]: 'x',
    });
    expect((await readConfig((path) => both.read(WEB, path))).config.sync.maxWrites).toBe(1);
    expect((await readConfig((path) => repos({}).read(WEB, path))).file).toBeNull();
  });

  it('turns a refused file into one error naming the path, with every default', async () => {
    const linked = repos({
      [`acme/web:${YML}`]: { status: 'refused', reason: 'is a symbolic link' },
    });
    const loaded = await readConfig((path) => linked.read(WEB, path));
    expect(loaded.file).toBe(YML);
    expect(loaded.config.paths).toEqual(['postmortems/**/*.md']);
    expect(loaded.diagnostics).toEqual([
      {
        file: YML,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'config-unreadable',
        message: `${YML} is a symbolic link, so it was not read; every setting uses its default — commit the config as a regular file in the repository.`,
      },
    ]);
  });
});

describe('readConfigChain (_extends)', () => {
  const vault = {
    'acme/vault:deploy/prod-values.yml':
      'databasePassword: hunter2-PROD\nsync:\n  maxWrites: tok_live_51Habc\n',
  };

  it('refuses _extends to another repository of the owner and never reads it', async () => {
    const { read, reads } = repos({
      [`acme/web:${YML}`]: 'labels:\n  tool: follow-up\n_extends: vault:deploy/prod-values.yml\n',
      ...vault,
    });
    const { loaded, sources } = await readConfigChain(read, WEB, { knownRules, extendsAllow: [] });
    expect(reads.some((r) => r.startsWith('acme/vault'))).toBe(false);
    expect(sources).toEqual([`acme/web:${YML}`]);
    expect(loaded.config.labels.tool).toBe('follow-up');
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        file: YML,
        line: 3,
        column: 1,
        rule: 'config-extends',
        severity: 'error',
      }),
    ]);
    const shown = JSON.stringify(loaded.diagnostics);
    expect(shown).toContain('only acme/.github or a repository the app');
    expect(shown).not.toMatch(/vault|prod-values|databasePassword|hunter2|tok_live/);
  });

  it("follows the owner's .github repository, and an allowed one, reporting their problems by file, line and key path only", async () => {
    const { read } = repos({
      [`acme/web:${YML}`]: '_extends: .github\nsync:\n  maxWrites: 3\n',
      [`acme/.github:${YML}`]:
        'labels:\n  tool: follow-up\nsync:\n  maxWrites: 9\n  writeIntervalMs: s3cret-value\n_extends: acme/config:base/tracker.yml\n',
      'acme/config:base/tracker.yml': 'digest:\n  hour: 7\n',
    });
    const { loaded, sources } = await readConfigChain(read, WEB, {
      knownRules,
      extendsAllow: ['acme/config'],
    });
    expect(sources).toEqual([
      `acme/web:${YML}`,
      `acme/.github:${YML}`,
      'acme/config:base/tracker.yml',
    ]);
    expect(loaded.config.sync.maxWrites).toBe(3);
    expect(loaded.config.labels.tool).toBe('follow-up');
    expect(loaded.config.digest.hour).toBe(7);
    expect(loaded.diagnostics.map((d) => [d.file, d.line, d.message])).toEqual([
      [
        YML,
        1,
        `in acme/.github:${YML} (reached through _extends), line 5: sync.writeIntervalMs: expected a non-negative integer, got a string; using the default (1000).`,
      ],
    ]);
  });

  it('refuses an allow-listed repository of another owner unless listed, and stops at cycles', async () => {
    const other = repos({
      [`acme/web:${YML}`]: '_extends: evil/.github\n',
      [`evil/.github:${YML}`]: 'labels:\n  tool: pwned\n',
    });
    const refused = await readConfigChain(other.read, WEB, { knownRules, extendsAllow: [] });
    expect(other.reads.some((r) => r.startsWith('evil/'))).toBe(false);
    expect(refused.loaded.diagnostics[0]?.rule).toBe('config-extends');

    const cycle = repos({
      [`acme/web:${YML}`]: '_extends: .github\n',
      [`acme/.github:${YML}`]: '_extends: acme/web\n',
    });
    const looped = await readConfigChain(cycle.read, WEB, {
      knownRules,
      extendsAllow: ['acme/web'],
    });
    expect(looped.loaded.diagnostics.map((d) => d.message)).toEqual([
      `_extends in acme/.github:${YML}: acme/web:${YML} is already in the chain; it is not read twice.`,
    ]);
  });
});
