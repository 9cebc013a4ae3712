import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/load-config.js';
import { knownRules } from '../../../src/core/rule-ids/index.js';

const FILE = '.github/postmortem-tracker.yml';

/** Every run of 4+ letters or digits in `content`: none may appear in a diagnostic. */
function words(content: string): string[] {
  return [...new Set(content.match(/[A-Za-z0-9+/=_]{4,}/g) ?? [])];
}

function messages(text: string): string {
  const { diagnostics } = loadConfig(text, FILE, { knownRules });
  expect(diagnostics.length).toBeGreaterThan(0);
  return diagnostics.map((d) => `${d.file} ${d.rule} ${d.message}`).join('\n');
}

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'deploy:x:1001:1001:Deploy Bot,,,:/home/deploy:/bin/zsh',
  '',
].join('\n');

const GIT_CONFIG = [
  '[core]',
  '\trepositoryformatversion = 0',
  '\tbare = false',
  '[remote "origin"]',
  '\turl = https://github.com/acme/ops',
  '[http "https://github.com/"]',
  '\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX0Zha2VUb2tlbkZvclRlc3RzMTIz',
  '',
].join('\n');

describe('config diagnostics never quote the file', () => {
  it('names the expected form, not the content, for a passwd-like file', () => {
    const shown = messages(PASSWD);
    expect(shown).toContain('expected a mapping of settings');
    for (const word of words(PASSWD).filter((w) => !['bash'].includes(w)))
      expect(shown, word).not.toContain(word);
    expect(shown).not.toContain('root:x');
  });

  it('reports a git config with an extraheader token by line, without a byte of the token', () => {
    const shown = messages(GIT_CONFIG);
    expect(shown).toMatch(/config-syntax/);
    for (const word of words(GIT_CONFIG)) expect(shown, word).not.toContain(word);
    expect(shown).not.toMatch(/basic|AUTHORIZATION|extraheader|eC1h/i);
  });

  it('names word-like unknown keys but never their values, and not a token pasted as a key', () => {
    const text = [
      'database:',
      '  password: hunter2-Pr0d-s3cret',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a: true',
      'dates:',
      '  order: s3cret-order-value',
      'sync:',
      '  maxWrites: tok_live_51Habc',
      '',
    ].join('\n');
    const shown = messages(text);
    expect(shown).toContain('database: unknown key at the top level');
    expect(shown).toContain('<key>: unknown key at the top level');
    expect(shown).toContain('dates.order: expected one of "auto", "DMY", "MDY", got a string');
    expect(shown).toContain('sync.maxWrites: expected a non-negative integer, got a string');
    for (const secret of ['hunter2', 'Pr0d', 'ghp_16C7', '16C7e42F', 's3cret', 'tok_live'])
      expect(shown, secret).not.toContain(secret);
  });

  it('does not quote a private key or a .env file read as a config', () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n';
    const dotenv =
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\nDB_URL=postgres://u:p@h/db\n';
    for (const text of [key, dotenv]) {
      const shown = messages(text);
      for (const word of words(text)) expect(shown, word).not.toContain(word);
    }
  });
});
