import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_DOC_PATHS, generateConfigDocs } from '../../../scripts/gen-docs.js';
import { lintRules } from '../../../src/core/lint/registry.js';

const root = join(import.meta.dirname, '../../..');

describe('generated configuration docs', () => {
  const docs = generateConfigDocs();

  it('match the committed docs/configuration.md and docs/config.schema.json (run "npx tsx scripts/gen-docs.ts")', () => {
    expect(readFileSync(join(root, CONFIG_DOC_PATHS.markdown), 'utf8')).toBe(docs.markdown);
    expect(readFileSync(join(root, CONFIG_DOC_PATHS.jsonSchema), 'utf8')).toBe(docs.jsonSchema);
  });

  it('document every setting and every lint rule', () => {
    for (const key of [
      'paths',
      'owners.aliases',
      'dates.order',
      'sync.maxWrites',
      'digest.reminders.escalateTo',
    ]) {
      expect(docs.markdown).toContain(`| \`${key}\` |`);
    }
    for (const rule of lintRules)
      expect(docs.markdown).toContain(`| \`${rule.id}\` | ${rule.defaultSeverity} |`);
  });

  it('give editors a JSON Schema that accepts a valid config and rejects a bad one', () => {
    const ajv = new Ajv2020.default({ strict: false });
    const validate = ajv.compile(JSON.parse(docs.jsonSchema) as object);
    expect(validate(parse('paths: [docs/*.md]\nsync:\n  maxWrites: 10\n'))).toBe(true);
    expect(validate(parse('sync:\n  maxWrites: ten\n'))).toBe(false);
    expect(validate(parse('unknownKey: 1\n'))).toBe(false);
  });
});
