import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the import boundaries npm run lint enforces', () => {
  it.each([
    ["import { Octokit } from '@octokit/rest';", '@octokit'],
    ["import * as core from '@actions/core';", '@actions'],
    ["import type { Context } from 'probot';", 'probot'],
    ["import { readFile } from 'node:fs/promises';", 'node:'],
    ["import { join } from 'path';", 'bare built-in'],
    ["import { readPostmortemFile } from '../../io/index.js';", 'src/io'],
    ["import { OctokitPort } from '../../github/octokit-port.js';", 'src/github'],
    ["import { run } from '../../action/run.js';", 'src/action'],
    ["import { main } from '../../cli/main.js';", 'src/cli'],
    ["import { createApp } from '../../../app/create-app.js';", 'app/'],
  ])('keeps src/core pure: %s (%s) is refused', async (code) => {
    expect(await restricted('src/core/sync/example.ts', code)).toHaveLength(1);
  });

  it('lets the core import its own modules, at any depth', async () => {
    expect(
      await restricted(
        'src/core/lint/rules/example.ts',
        "import type { Postmortem } from '../../model/index.js';\nimport { severityKey } from '../../text/severity-key.js';",
      ),
    ).toEqual([]);
  });

  it.each(['src/action/example.ts', 'src/cli/example.ts', 'src/io/example.ts', 'app/example.ts'])(
    'makes %s use a core module through its index.ts',
    async (filePath) => {
      const prefix = filePath.startsWith('app/') ? '../src/core' : '../core';
      expect(
        await restricted(filePath, `import { planSync } from '${prefix}/sync/plan-sync.js';`),
      ).toHaveLength(1);
      expect(
        await restricted(filePath, `import { planSync } from '${prefix}/sync/index.js';`),
      ).toEqual([]);
    },
  );
});
