import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/load-config.js';

const FILE = '.github/postmortem-tracker.yml';

describe('what one config file can make a run report', () => {
  it('reads 40,000 unknown keys in linear time and lists the first 50 with a count of the rest', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `key${i}: ${i}`).join('\n') + '\n';
    const started = performance.now();
    // The size cap refuses such a file unread; lifted here to time the key locator itself.
    const { diagnostics } = loadConfig(text, FILE, { maxLength: Infinity });
    const ms = performance.now() - started;
    expect(diagnostics).toHaveLength(51);
    expect(diagnostics.slice(0, 50).every((d) => d.rule === 'config-unknown-key')).toBe(true);
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 1 });
    expect(diagnostics[49]).toMatchObject({ line: 50 });
    expect(diagnostics[50]).toMatchObject({
      rule: 'config-too-many-problems',
      severity: 'error',
      line: 51,
    });
    expect(diagnostics[50]?.message).toMatch(/^39950 more problems in this file are not listed/);
    // Quadratic before: ~36 s (116 s on a loaded 2-core machine); the YAML parse dominates now.
    expect(ms).toBeLessThan(8000);
  }, 30_000);

  it('refuses a config over 64 KiB unread', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `key${i}: ${i}`).join('\n') + '\n';
    const started = performance.now();
    const { config, diagnostics } = loadConfig(text, FILE);
    expect(performance.now() - started).toBeLessThan(100);
    expect(diagnostics).toEqual([
      expect.objectContaining({ rule: 'config-too-large', severity: 'error', line: 1 }),
    ]);
    expect(config.paths).toEqual(['postmortems/**/*.md']);
  });

  it('caps invalid values and duplicate keys the same way', () => {
    const aliases = Array.from({ length: 1500 }, (_, i) => `    n${i}: "not a login ${i}"`);
    const bad = loadConfig(`owners:\n  aliases:\n${aliases.join('\n')}\n`, FILE);
    expect(bad.diagnostics).toHaveLength(51);
    expect(bad.diagnostics[50]?.message).toMatch(/^1450 more problems/);
    const dupes = Array.from({ length: 3000 }, () => 'paths: [a]').join('\n');
    const started = performance.now();
    const dup = loadConfig(dupes, FILE);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(dup.diagnostics).toHaveLength(51);
    expect(dup.diagnostics[0]).toMatchObject({ rule: 'config-syntax', line: 2 });
  });
});
