import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/load-config.js';
import { lintText } from '../../../src/core/lint/lint-text.js';

// Each folder: input.md, optional config.yml, and expected.json (the diagnostics).
// Regenerate with UPDATE=1 and review the diff.
const root = join(import.meta.dirname, '../../fixtures/lint');
const update = process.env.UPDATE === '1';

describe('lint fixtures (input.md → expected.json)', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    it(`lints ${name} as expected`, () => {
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const configFile = join(dir, 'config.yml');
      const loaded = loadConfig(
        existsSync(configFile) ? readFileSync(configFile, 'utf8') : null,
        'config.yml',
      );
      expect(loaded.diagnostics).toEqual([]);
      const { diagnostics } = lintText(input, 'input.md', loaded.config);
      const expectedFile = join(dir, 'expected.json');
      if (update || !existsSync(expectedFile))
        writeFileSync(expectedFile, `${JSON.stringify(diagnostics, null, 2)}\n`);
      expect(diagnostics).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
