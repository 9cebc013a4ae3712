import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUTS, readInputs } from '../../../src/action/inputs.js';

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
    }
    // One typed table reads every input: none declared and forgotten, none read undeclared.
    expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(metadata.inputs).sort());
    expect(Object.keys(metadata.outputs)).toEqual(
      expect.arrayContaining(['created', 'updated', 'closed', 'problems', 'items']),
    );
    for (const [name, output] of Object.entries(metadata.outputs)) {
      expect(output.description, `output ${name}`).toMatch(/\S{3,}/);
      expect(source, `output ${name} is set`).toContain(`setOutput('${name}'`);
    }
  });
});

describe('the inputs table', () => {
  const read =
    (values: Record<string, string>) =>
    (name: string): string =>
      values[name] ?? '';

  it('applies action.yml defaults to unset inputs', () => {
    expect(readInputs(read({}))).toEqual({
      token: '',
      paths: ['postmortems/**/*.md'],
      mode: 'auto',
      config: '.github/postmortem-tracker.yml',
      dryRun: false,
      maxWrites: 50,
      failOnError: true,
      reportDir: '',
    });
  });

  it('splits paths on lines and commas, and reads booleans and numbers', () => {
    const inputs = readInputs(
      read({
        paths: 'a/*.md, b/*.md\nc/**/*.md',
        'dry-run': 'yes',
        'max-writes': '7',
        'fail-on-error': 'off',
      }),
    );
    expect(inputs).toMatchObject({
      paths: ['a/*.md', 'b/*.md', 'c/**/*.md'],
      dryRun: true,
      maxWrites: 7,
      failOnError: false,
    });
  });

  it.each([
    [{ mode: 'deploy' }, /^input "mode" is "deploy"; expected one of auto, check, sync, digest$/],
    [{ 'max-writes': '-1' }, /^input "max-writes" is "-1"; expected a whole number of writes/],
    [{ 'max-writes': '1e3' }, /^input "max-writes" is "1e3"; expected a whole number/],
    [{ 'dry-run': 'maybe' }, /^input "dry-run" is "maybe"; expected true or false$/],
  ])('names the input, the bad value and the expected form: %o', (values, message) => {
    expect(() => readInputs(read(values))).toThrow(message);
  });
});
