import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { createParsePool } from '../../../src/io/parse-pool.js';
import { lintInWorker, parseInWorker } from '../../../src/io/parse-in-worker.js';
import { SLOW_SHAPES } from '../../support/slow-shapes.js';

// Small budgets keep the suite fast; the budget counts from when a worker starts the file.
const BUDGET_MS = 300;
const pool = createParsePool({ size: 1 });
afterAll(() => pool.close());

const small =
  '# Outage\n\n**Severity:** SEV2\n\n## Action items\n\n- [ ] Add a canary (@alice, due 2026-03-01)\n';

/** Runs `work` while a 5 ms interval measures the longest gap between its ticks. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { result, stallMs: Math.max(stallMs, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

describe('the parse pool', () => {
  it('parses and lints a post-mortem in a worker, as lintText does on the main thread', async () => {
    const pm = await parseInWorker(small, 'a.md', {}, pool);
    expect(pm).toMatchObject({ severity: 'SEV2', path: 'a.md' });
    expect(pm.actionItems.map((i) => i.owner)).toEqual(['@alice']);
    const linted = await lintInWorker(small, 'a.md', defaultConfig, pool);
    expect(linted.diagnostics.map((d) => d.rule)).toContain('required-sections');
  });

  for (const [name, body] of Object.entries(SLOW_SHAPES)) {
    it(`stops ${name} at the time budget as file-too-complex, without stalling the main thread`, async () => {
      const started = performance.now();
      const { result, stallMs } = await longestStall(() =>
        parseInWorker(
          `# T\n\n${body}`,
          'postmortems/slow.md',
          { limits: { parseTimeoutMs: BUDGET_MS } },
          pool,
        ),
      );
      const elapsed = performance.now() - started;
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          rule: 'file-too-complex',
          severity: 'error',
          message: expect.stringContaining(`more than ${BUDGET_MS} ms to parse`),
        }),
      ]);
      expect(result.actionItems).toEqual([]);
      // Worker start-up is not counted in the budget; the file itself is stopped at it.
      expect(elapsed).toBeLessThan(20_000);
      expect(stallMs).toBeLessThan(250);
    });
  }

  it('keeps working after stopping a worker: the next file parses', async () => {
    const pm = await parseInWorker(small, 'b.md', {}, pool);
    expect(pm.severity).toBe('SEV2');
  });

  it('answers a lint in a worker with the action-item limit applied', async () => {
    const text = `# T\n\n## Action items\n\n${Array.from({ length: 5 }, (_, i) => `- [ ] Task ${i} (@alice)`).join('\n')}\n`;
    const config = { ...defaultConfig, limits: { ...defaultConfig.limits, maxActionItems: 3 } };
    const linted = await lintInWorker(text, 'c.md', config, pool);
    expect(linted.postmortem.actionItems).toEqual([]);
    expect(linted.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'too-many-action-items', line: 8 }),
    );
  });
});
