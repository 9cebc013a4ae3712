import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintPostmortem } from '../../../src/core/lint/lint-postmortem.js';
import { extractPostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { parseMarkdown } from '../../../src/core/markdown/processor.js';
import { TOKENS } from './adversarial-lines.js';

// Our code on top of the markdown parser: extraction from the tree and every lint rule. The
// parser (micromark) is left out, as it has its own time budget: the tree is parsed once from a
// document with a short stand-in, then the stand-in is replaced by a 100 KB adversarial line in
// every text node, and the source text given to the linter holds the same line.
const STAND_IN = 'XLINEX';
const SIZE = 100_000;
const BOUND_MS = 500;

const documentWith = (line: string): string =>
  [
    '---\ntitle: T\ndate: 2026-01-01\n---',
    `# ${line}`,
    `**Severity:** ${line}`,
    `## Summary\n\n${line}`,
    `## Root cause\n\n- ${line}`,
    `## Timeline\n\nAll times in UTC ${line}\n\n- 12:00 ${line}\n\n12:01 ${line}`,
    `### 2026-01-02 ${line}`,
    `## Action Items\n\n- [ ] ${line}\n\n1. **${line}**\n\nAction point: ${line}`,
    `| Action Item | Owner | Due | Status |\n|---|---|---|---|\n| ${line} | ${line} | ${line} | ${line} |`,
    `## Contributing factors\n\n- ${line}`,
  ].join('\n\n');

const template = parseMarkdown(documentWith(STAND_IN));

/** A copy of the template tree with the long line in place of every stand-in. */
function treeWith(line: string): Root {
  const copy = structuredClone(template);
  const visit = (node: Nodes): void => {
    if ('value' in node && typeof node.value === 'string')
      node.value = node.value.replaceAll(STAND_IN, line);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(copy);
  return copy;
}

const lineOf = (run: string, size: number, suffix: string): string =>
  run.repeat(Math.ceil(size / run.length)).slice(0, size) + suffix;

const cases = TOKENS.flatMap((token) =>
  ['', ' \u2014'].map((suffix): [string, string, string] => {
    const run = token.replaceAll('|', '/').replaceAll('\n', ' ');
    return [JSON.stringify(run + suffix), run, suffix];
  }),
);

/** Milliseconds to extract and to lint the document with the line in every section. */
function timeOurCode(line: string): { extract: number; lint: number } {
  const tree = treeWith(line);
  const text = documentWith(line);
  let start = performance.now();
  const pm = extractPostmortem(tree, 'pm/adversarial.md');
  const extract = performance.now() - start;
  start = performance.now();
  lintPostmortem(pm, defaultConfig, { text });
  return { extract, lint: performance.now() - start };
}

describe('our extraction and linting are linear on a 100 KB line in every section', () => {
  // A line that finds many things (20,000 TODOs) takes time in proportion: over the bound, a tenth
  // of the line must take more than a 25th of the time (a quadratic step takes a 100th).
  it.each(cases)('reads and lints a document of %s', (_name, run, suffix) => {
    const full = timeOurCode(lineOf(run, SIZE, suffix));
    const slow = (['extract', 'lint'] as const).filter((k) => full[k] >= BOUND_MS);
    if (slow.length === 0) return;
    const tenth = timeOurCode(lineOf(run, SIZE / 10, suffix));
    for (const k of slow) expect(full[k]).toBeLessThan(25 * tenth[k]);
  });
});
