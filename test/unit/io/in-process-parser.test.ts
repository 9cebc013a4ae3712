import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintText } from '../../../src/core/lint/index.js';
import { createInProcessParser } from '../../../src/io/create-in-process-parser.js';
import { lintInWorker, parseInWorker } from '../../../src/io/parse-in-worker.js';
import { SLOW_SHAPES } from '../../support/slow-shapes.js';

// The CLI and the Action parse on their own thread; the budget must still stop any file.
const BUDGET_MS = 300;
const parser = createInProcessParser();

const small =
  '# Outage\n\n**Severity:** SEV2\n\n## Action items\n\n- [ ] Add a canary (@alice, due 2026-03-01)\n';

describe('the in-process parser', () => {
  it('answers what lintText answers', async () => {
    const linted = await lintInWorker(small, 'a.md', defaultConfig, parser);
    const direct = lintText(small, 'a.md', defaultConfig);
    expect(linted.diagnostics).toEqual(direct.diagnostics);
    expect(linted.postmortem.actionItems).toEqual(direct.postmortem.actionItems);
  });

  for (const [name, body] of Object.entries(SLOW_SHAPES)) {
    it(`stops ${name} at the time budget as file-too-complex`, async () => {
      const started = performance.now();
      const pm = await parseInWorker(
        `# T\n\n${body}`,
        'postmortems/slow.md',
        { limits: { parseTimeoutMs: BUDGET_MS } },
        parser,
      );
      const elapsed = performance.now() - started;
      expect(pm.diagnostics).toEqual([
        expect.objectContaining({
          rule: 'file-too-complex',
          severity: 'error',
          message: expect.stringContaining(`more than ${BUDGET_MS} ms to parse`),
        }),
      ]);
      expect(pm.actionItems).toEqual([]);
      expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 5);
      expect(elapsed).toBeLessThan(BUDGET_MS + 2_000);
    });
  }

  it('parses the next file after stopping one, with the action-item limit applied', async () => {
    expect((await parseInWorker(small, 'b.md', {}, parser)).severity).toBe('SEV2');
    const text = `# T\n\n## Action items\n\n${Array.from({ length: 5 }, (_, i) => `- [ ] Task ${i} (@alice)`).join('\n')}\n`;
    const config = { ...defaultConfig, limits: { ...defaultConfig.limits, maxActionItems: 3 } };
    const linted = await lintInWorker(text, 'c.md', config, parser);
    expect(linted.diagnostics.map((d) => d.rule)).toContain('too-many-action-items');
    expect(linted.postmortem.actionItems).toEqual([]);
  });

  it('refuses work once closed', async () => {
    const closed = createInProcessParser();
    await closed.close();
    await expect(parseInWorker(small, 'd.md', {}, closed)).rejects.toThrow('closed');
  });
});

describe('files asked for together', () => {
  it('share a guarded call: each gets its own answer, in order, and the one that runs out of time is the only one called too complex', async () => {
    const own = createInProcessParser();
    const slow = `# T\n\n${'] \n'.repeat(40_000)}`;
    const texts = [small, small.replace('SEV2', 'SEV3'), slow, small.replace('SEV2', 'SEV1')];
    const started = performance.now();
    const answers = await Promise.all(
      texts.map((t, i) =>
        parseInWorker(t, `p${i}.md`, { limits: { parseTimeoutMs: BUDGET_MS } }, own),
      ),
    );
    const elapsed = performance.now() - started;
    expect(answers.map((a) => a.severity)).toEqual(['SEV2', 'SEV3', null, 'SEV1']);
    expect(answers.map((a) => a.diagnostics.map((d) => d.rule))).toEqual([
      [],
      [],
      ['file-too-complex'],
      [],
    ]);
    // The slow file ran out of the shared budget, then again alone: at most two budgets in all.
    expect(elapsed).toBeLessThan(2 * BUDGET_MS + 2_000);
  });

  it('a file asked for while others parse is not stranded', async () => {
    const own = createInProcessParser();
    const first = parseInWorker(small, 'a.md', {}, own);
    const chained = first.then(() => parseInWorker(small, 'b.md', {}, own));
    expect((await chained).path).toBe('b.md');
  });
});
