import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import type { ParseOptions } from '../../../src/core/markdown/parse-options.js';

const root = join(import.meta.dirname, '../../fixtures/parse');
const update = process.env.UPDATE === '1';

describe('parse fixtures (input.md → expected.json; UPDATE=1 regenerates)', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const inputPath = join(dir, 'input.md');
    if (!existsSync(inputPath)) continue;
    it(name, () => {
      const input = readFileSync(inputPath, 'utf8');
      const optionsPath = join(dir, 'options.json');
      const options = existsSync(optionsPath)
        ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as ParseOptions)
        : {};
      const actual = parsePostmortem(input, `postmortems/${name}.md`, options);
      const expectedPath = join(dir, 'expected.json');
      if (update || !existsSync(expectedPath))
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
