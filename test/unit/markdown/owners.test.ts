import { describe, expect, it } from 'vitest';
import { isGitHubHandle, normaliseOwner } from '../../../src/core/markdown/owners.js';

describe('normaliseOwner', () => {
  it('keeps handles and team handles', () => {
    expect(normaliseOwner('@alice')).toBe('@alice');
    expect(normaliseOwner(' (@acme/sre) ')).toBe('@acme/sre');
  });

  it('maps names, initials and teams through the aliases, case-insensitively', () => {
    const aliases = { Ed: '@edwardk', ICL: 'interchain/labs', '@bob': '@robert' };
    expect(normaliseOwner('ed', aliases)).toBe('@edwardk');
    expect(normaliseOwner('[ICL]', aliases)).toBe('@interchain/labs');
    expect(normaliseOwner('@bob', aliases)).toBe('@robert');
  });

  it('keeps a plain name or team name when no alias matches', () => {
    expect(normaliseOwner('Platform team')).toBe('Platform team');
    expect(normaliseOwner('Owner: Jane Doe')).toBe('Jane Doe');
    expect(normaliseOwner('**RT**')).toBe('RT');
  });

  it('returns null for cells that name nobody', () => {
    for (const raw of [
      '',
      'n/a',
      'TBD',
      '-',
      '?',
      'Added along with the PR fix',
      'https://example.com/x',
    ]) {
      expect(normaliseOwner(raw)).toBeNull();
    }
  });

  it('rejects a malformed handle', () => {
    expect(normaliseOwner('@-bad-')).toBeNull();
  });

  it('keeps a handle-like name with dots whole, for the linter to flag', () => {
    expect(normaliseOwner('@jane.doe')).toBe('@jane.doe');
    expect(isGitHubHandle('@jane.doe')).toBe(false);
  });
});

describe('isGitHubHandle', () => {
  it('accepts logins and org/team slugs only', () => {
    expect(isGitHubHandle('@alice')).toBe(true);
    expect(isGitHubHandle('@acme/sre-team')).toBe(true);
    expect(isGitHubHandle('alice')).toBe(false);
    expect(isGitHubHandle('@a--b')).toBe(false);
    expect(isGitHubHandle(`@${'a'.repeat(40)}`)).toBe(false);
    expect(isGitHubHandle('@alice smith')).toBe(false);
  });
});
