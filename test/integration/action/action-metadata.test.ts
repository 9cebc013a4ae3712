import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');
const metadata = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
};
const source = readdirSync(join(root, 'src', 'action'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(root, 'src', 'action', f), 'utf8'))
  .join('\n');

describe('action.yml', () => {
  it('runs dist/index.js on node24, with branding', () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(metadata.branding.icon).toBeTruthy();
    expect(metadata.branding.color).toBeTruthy();
  });

  it('declares the inputs the issue asks for, with their defaults', () => {
    expect(metadata.inputs).toMatchObject({
      token: { default: '${{ github.token }}' },
      paths: { default: 'postmortems/**/*.md' },
      mode: { default: 'auto' },
      config: {},
      'dry-run': {},
      'max-writes': { default: '50' },
    });
    expect(metadata.inputs['mode']?.description).toMatch(/auto/);
  });

  it('describes every input and output, and the Action reads every input and sets every output', () => {
    for (const [name, input] of Object.entries(metadata.inputs)) {
      expect(input.description, `input ${name}`).toMatch(/\S{3,}/);
      expect(source, `input ${name} is read`).toContain(`Input('${name}'`);
    }
    expect(Object.keys(metadata.outputs)).toEqual(
      expect.arrayContaining(['created', 'updated', 'closed', 'problems', 'items']),
    );
    for (const [name, output] of Object.entries(metadata.outputs)) {
      expect(output.description, `output ${name}`).toMatch(/\S{3,}/);
      expect(source, `output ${name} is set`).toContain(`setOutput('${name}'`);
    }
  });
});
