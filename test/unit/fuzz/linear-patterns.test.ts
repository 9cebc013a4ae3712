import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_LINES } from './adversarial-lines.js';
import { coreFiles, recordConstructed, scanCore, type PatternSite } from './regex-inventory.js';
import { timePatterns, type PatternTiming, type TimingPlan } from './time-patterns.js';

const repoRoot = join(import.meta.dirname, '../../..');

// A linear pattern takes well under a millisecond per 10 KB; a quadratic one takes seconds on
// 100 KB, and a worse one never finishes (it is stopped after `stallMs`).
const BOUND_MS = 50;
const PLAN: TimingPlan = { screenSize: 2_000, fullSize: 100_000, fullTop: 2, stallMs: 3_000 };

/** Imports every core module and lints the fixtures, recording the RegExps core code builds. */
async function constructedPatterns(): Promise<PatternSite[]> {
  return recordConstructed(async () => {
    for (const file of coreFiles()) await import(file);
    const { lintText } = await import('../../../src/core/lint/lint-text.js');
    const { defaultConfig } = await import('../../../src/core/config/schema.js');
    for (const set of ['parse', 'lint']) {
      const root = join(repoRoot, 'test/fixtures', set);
      for (const name of readdirSync(root)) {
        const input = join(root, name, 'input.md');
        if (existsSync(input))
          lintText(readFileSync(input, 'utf8'), `pm/${name}.md`, defaultConfig);
      }
    }
  });
}

const dedupe = (patterns: PatternSite[]): PatternSite[] => {
  const seen = new Map<string, PatternSite>();
  for (const p of patterns) {
    const key = `${p.flags}/${p.source}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
};

const describeSlow = (t: PatternTiming): string =>
  `${t.pattern.site} /${t.pattern.source}/${t.pattern.flags}: ${t.fullMs.toFixed(0)} ms on ${JSON.stringify(t.worst)}`;

describe('every regular expression in src/core runs in linear time', () => {
  let constructed: PatternSite[] = [];

  it('finds every place src/core builds a RegExp at run time', async () => {
    constructed = await constructedPatterns();
    const built = new Set(constructed.map((p) => p.site));
    // A site listed here is built only on a path the fixtures do not reach: make them reach it.
    expect(scanCore().constructorSites.filter((s) => !built.has(s))).toEqual([]);
  });

  it(`matches every pattern over a 100 KB adversarial line in under ${BOUND_MS} ms`, async () => {
    const patterns = dedupe([...scanCore().literals, ...constructed]);
    expect(patterns.length).toBeGreaterThan(300);
    const timings = await timePatterns(patterns, ADVERSARIAL_LINES, PLAN);
    if (process.env.REGEX_REPORT)
      console.log(
        [...timings]
          .sort((a, b) => b.fullMs - a.fullMs)
          .slice(0, 15)
          .map(describeSlow)
          .join('\n'),
      );
    expect(timings.filter((t) => t.fullMs >= BOUND_MS).map(describeSlow)).toEqual([]);
  }, 300_000);

  it('the same lines catch a quadratic pattern and one that never finishes', async () => {
    const timings = await timePatterns(
      [
        { site: 'quadratic', source: '^ {0,3}#{1,6}[ \\t]+[A-Z ]+$', flags: 'm' },
        { site: 'cubic', source: '\\s*\\s*\\s*x', flags: 'g' },
      ],
      ADVERSARIAL_LINES,
      { ...PLAN, stallMs: 1_000 },
    );
    expect(timings.map((t) => t.fullMs >= BOUND_MS)).toEqual([true, true]);
  }, 60_000);
});
