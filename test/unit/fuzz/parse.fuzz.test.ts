import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  findDate,
  parseDate,
  parseDurationMinutes,
  parseTimeOfDay,
} from '../../../src/core/markdown/dates.js';
import { titleSimilarity } from '../../../src/core/markdown/item-id.js';
import { readItemText } from '../../../src/core/markdown/item-text.js';
import { normaliseOwner } from '../../../src/core/markdown/owners.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { classifySection } from '../../../src/core/markdown/section-key.js';
import { classifyTimelineText } from '../../../src/core/markdown/timeline-kind.js';
import { splitTimelineLead } from '../../../src/core/markdown/timeline-lead.js';

// Pieces real post-mortems are made of, so random documents reach the extractor's branches.
const pieces = [
  '# Title\n',
  '## Action Items\n',
  '## Timeline\n',
  '### Immediate\n',
  'Action Items\n',
  '**Actions planned:**\n',
  '- **Review actions**:\n',
  '- [ ] Fix X @alice due 2026-04-01\n',
  '- [x] Done thing\n',
  '* [ICL] do it\n',
  '1. Step one\n',
  '   - nested\n',
  '- []\n',
  '| Action Item | Owner | Due |\n|---|---|---|\n| a | @b | 01-04-2026 |\n',
  '| Time | Event |\n|--|--|\n| 14:02 | alert fired |\n',
  '---\ntitle: x\ndate: 2026-01-01\n---\n',
  '+++\ntitle = "x"\n+++\n',
  '**Date:** 12th March 2023\n',
  '- 14:02 UTC - paged\n',
  '[#12]: https://x/issues/12\n',
  'Action point: do y\n',
  'Ed to write docs\n',
  '(owner: @bob, due: Apr 1)\n',
  '<!-- id: abc -->\n',
  '\n',
  '\t',
  '    ',
  '`code`',
  '> quote\n',
  '```\nfence\n```\n',
  '✅ ',
  '**TODO**',
  ' #2127 ',
  'Q2 2024',
  '{{ x }}',
  '<Link>',
];
const docArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...pieces),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    ),
    { maxLength: 40 },
  )
  .map((a) => a.join(''));

/** Inserts, deletes or replaces a random span of a valid document. */
const mutatedArb = fc
  .tuple(docArb, fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 10 }))
  .map(([doc, at, len, ins]) => {
    const i = doc.length === 0 ? 0 : at % doc.length;
    return doc.slice(0, i) + ins + doc.slice(i + len);
  });

describe('parsePostmortem under random input', () => {
  it('never throws and always returns a well-formed Postmortem for random and mutated markdown', () => {
    fc.assert(
      fc.property(fc.oneof(docArb, mutatedArb, fc.string({ maxLength: 300 })), (text) => {
        const pm = parsePostmortem(text, 'fuzz.md', { dateOrder: 'auto' });
        expect(Array.isArray(pm.actionItems)).toBe(true);
        for (const item of pm.actionItems) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.id).not.toBe('');
          expect(item.due === null || /^\d{4}-\d{2}-\d{2}$/.test(item.due)).toBe(true);
        }
        expect(pm.diagnostics.every((d) => d.file === 'fuzz.md' && d.line >= 1)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('turns an internal failure into one parse-error diagnostic instead of throwing', () => {
    const pm = parsePostmortem(null as unknown as string, 'broken.md');
    expect(pm.diagnostics.length).toBeLessThanOrEqual(1);
    const bad = parsePostmortem(
      {
        toString: () => {
          throw new Error('boom');
        },
      } as unknown as string,
      'broken.md',
    );
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({ rule: 'parse-error', file: 'broken.md', line: 1 }),
    ]);
  });
});

describe('every pattern stays linear on 100 KB adversarial lines', () => {
  const bare = unified().use(remarkParse).use(remarkGfm);
  const size = 100_000;
  const lines: Record<string, string> = {
    pipes: '|'.repeat(size),
    brackets: '['.repeat(size),
    stars: '*'.repeat(size),
    spaces: `${' '.repeat(size)}x`,
    digits: '1'.repeat(size),
    checkboxes: '- [ ] '.repeat(size / 6),
    colons: '1:'.repeat(size / 2),
    dashes: '1-'.repeat(size / 2),
    at: '@a'.repeat(size / 2),
    parens: '(a'.repeat(size / 2),
    mixed: 'Q1 2026 - due by 01/02/ owner: @x (Jan 1st, '.repeat(size / 44),
  };
  const fns: Record<string, (s: string) => unknown> = {
    parseDate: (s) => parseDate(s),
    findDate: (s) => findDate(s),
    parseTimeOfDay: (s) => parseTimeOfDay(s),
    parseDurationMinutes: (s) => parseDurationMinutes(s),
    splitTimelineLead: (s) => splitTimelineLead(s),
    readItemText: (s) => readItemText(s, [], [], {}),
    normaliseOwner: (s) => normaliseOwner(s),
    classifySection: (s) => classifySection(s),
    classifyTimelineText: (s) => classifyTimelineText(s),
    titleSimilarity: (s) => titleSimilarity(s, 'a b c'),
  };

  for (const [name, line] of Object.entries(lines)) {
    it(`handles ${name}`, () => {
      for (const [fn, call] of Object.entries(fns)) {
        const start = performance.now();
        call(line);
        expect(performance.now() - start, `${fn} on ${name}`).toBeLessThan(250);
      }
    });
  }

  // micromark itself is quadratic in `[` runs and in pipes per table row, so whole documents use 1.5 KB lines and are
  // measured against the bare parse of the same text: the extractor must not add more than the parse costs.
  it('adds little to the bare parse on a whole document of adversarial lines in every kind of section', () => {
    const body = Object.values(lines)
      .map((l) => l.slice(0, 1_500))
      .join('\n');
    const doc = `# T\n\n**Date:** ${body}\n\n## Timeline\n\n${body}\n\n## Action Items\n\n- ${body}\n\n| Action Item | Owner |\n|---|---|\n| ${body.replace(/\n/g, ' ')} | x |\n`;
    let start = performance.now();
    bare.parse(doc);
    const bareMs = performance.now() - start;
    start = performance.now();
    const pm = parsePostmortem(doc, 'adversarial.md');
    const oursMs = performance.now() - start;
    expect(oursMs).toBeLessThan(bareMs * 3 + 500);
    expect(pm.diagnostics.filter((d) => d.rule === 'parse-error')).toEqual([]);
  });
});
