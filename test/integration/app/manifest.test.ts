import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../../app.yml', import.meta.url), 'utf8')) as {
  name: string;
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe('app.yml', () => {
  it('asks for exactly the permissions the default features use', () => {
    expect(manifest.default_permissions).toEqual({
      contents: 'read',
      metadata: 'read',
      pull_requests: 'read',
      checks: 'write',
      issues: 'write',
      discussions: 'write',
    });
  });

  it('subscribes only to the events that drive the default features', () => {
    // installation and installation_repositories reach every app without a subscription;
    // check_run and check_suite (Re-run) reach every app with `checks: write`.
    expect(manifest.default_permissions['checks']).toBe('write');
    expect([...manifest.default_events].sort()).toEqual(['pull_request', 'push']);
  });
});
