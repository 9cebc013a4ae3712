import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig } from '../../../src/core/config/schema.js';
import { lintPostmortem } from '../../../src/core/lint/lint-postmortem.js';
import { LINT_RULE_IDS } from '../../../src/core/rule-ids/index.js';
import { lintRules } from '../../../src/core/lint/registry.js';
import { buildItem, buildPostmortem } from './build-postmortem.js';

const rulesOf = (diagnostics: { rule: string }[]): string[] => diagnostics.map((d) => d.rule);

describe('rule registry', () => {
  it('has unique kebab-case ids, each with a description', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of lintRules) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });
});

describe('lintPostmortem on hand-built post-mortems', () => {
  it('finds nothing in a complete post-mortem', () => {
    expect(lintPostmortem(buildPostmortem({ actionItems: [buildItem()] }), defaultConfig)).toEqual(
      [],
    );
  });

  it('reports each missing required section, and accepts an impact section for the summary', () => {
    const pm = buildPostmortem({
      sections: [{ key: 'impact', heading: 'Impact', depth: 2, line: 3 }],
      rootCause: null,
    });
    const found = lintPostmortem(pm, defaultConfig).filter((d) => d.rule === 'required-sections');
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining('"## Timeline"'),
      expect.stringContaining('"## Root cause"'),
      expect.stringContaining('"## Action items"'),
    ]);
  });

  it('takes the required sections from the config', () => {
    const config = configSchema.parse({ requiredSections: ['whatWentWell'] });
    const found = lintPostmortem(buildPostmortem({ actionItems: [buildItem()] }), config);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('"## What went well"')]);
  });

  it('reports a missing severity, and one off the configured scale', () => {
    expect(rulesOf(lintPostmortem(buildPostmortem({ severity: null }), defaultConfig))).toContain(
      'severity-missing',
    );
    const p1 = buildPostmortem({ severity: 'P1' });
    expect(rulesOf(lintPostmortem(p1, defaultConfig))).toContain('severity-scale');
    expect(
      rulesOf(lintPostmortem(p1, configSchema.parse({ severityScale: ['P1', 'P2'] }))),
    ).not.toContain('severity-scale');
    expect(
      rulesOf(lintPostmortem(buildPostmortem({ severity: 'sev-2' }), defaultConfig)),
    ).not.toContain('severity-scale');
  });

  it('asks open items for an owner and a due date, but not done ones', () => {
    const items = [
      buildItem({ owner: null, due: null, dueRaw: null }),
      buildItem({ line: 17, owner: null, due: null, dueRaw: null, status: 'done' }),
    ];
    const found = lintPostmortem(buildPostmortem({ actionItems: items }), defaultConfig);
    expect(found.map((d) => [d.rule, d.line])).toEqual([
      ['action-item-due', 16],
      ['action-item-owner', 16],
    ]);
    expect(found[0]?.message).toContain('42 days after the incident');
  });

  it('accepts @login, @org/team and configured aliases as owners, and nothing else', () => {
    const config = configSchema.parse({ owners: { aliases: { Ed: '@edwardk' } } });
    const items = [
      buildItem({ owner: '@ana-silva' }),
      buildItem({ owner: '@acme/sre', line: 17 }),
      buildItem({ owner: 'Ed', line: 18 }),
      buildItem({ owner: 'Marketing team', line: 19 }),
    ];
    const found = lintPostmortem(buildPostmortem({ actionItems: items }), config);
    expect(found.map((d) => [d.rule, d.line])).toEqual([['action-item-owner-handle', 19]]);
    expect(found[0]?.message).toContain('owners.aliases');
  });

  it('reads due phrases: invalid, ambiguous (unless the order is set), vague, before the incident', () => {
    const items = [
      buildItem({ due: null, dueRaw: '2026-13-45', line: 16 }),
      buildItem({ due: null, dueRaw: '04-05-2026', line: 17 }),
      buildItem({ due: null, dueRaw: 'Q3 2026', line: 18 }),
      buildItem({ due: '2026-01-02', dueRaw: '2026-01-02', line: 19 }),
    ];
    const pm = buildPostmortem({ actionItems: items });
    // parseDate is the parser's; only the kinds it returns are asserted here.
    const found = lintPostmortem(pm, defaultConfig).map((d) => [d.rule, d.line]);
    expect(found).toContainEqual(['action-item-due-before-incident', 19]);
    expect(found).toContainEqual(['action-item-due-invalid', 16]);
    expect(found).toContainEqual(['action-item-due-ambiguous', 17]);
    expect(found).toContainEqual(['action-item-due-vague', 18]);
    const dmy = lintPostmortem(pm, configSchema.parse({ dates: { order: 'DMY' } })).map(
      (d) => d.rule,
    );
    expect(dmy).not.toContain('action-item-due-ambiguous');
  });

  it('reports an ambiguous due date the parser already found once, under the rule id that configures it', () => {
    const pm = buildPostmortem({
      actionItems: [buildItem({ due: null, dueRaw: '04-05-2026' })],
      diagnostics: [
        {
          file: 'pm.md',
          line: 16,
          column: 1,
          severity: 'error',
          rule: 'date-ambiguous',
          message: 'ambiguous',
        },
      ],
    });
    expect(lintPostmortem(pm, defaultConfig).map((d) => [d.rule, d.message])).toEqual([
      ['action-item-due-ambiguous', 'ambiguous'],
    ]);
    const level = (rules: Record<string, string>) =>
      lintPostmortem(pm, configSchema.parse({ rules })).map((d) => d.severity);
    expect(level({ 'action-item-due-ambiguous': 'off' })).toEqual([]);
    expect(level({ 'action-item-due-ambiguous': 'warning' })).toEqual(['warning']);
    expect(level({ 'date-ambiguous': 'off' })).toEqual([]);
    expect(level({ 'date-ambiguous': 'off', 'action-item-due-ambiguous': 'error' })).toEqual([
      'error',
    ]);
  });

  it('reports the second of two items with the same text, ignoring case and punctuation', () => {
    const items = [
      buildItem({ title: 'Enable reconnects in the consumer' }),
      buildItem({ title: 'enable  reconnects in the consumer.', line: 18 }),
      buildItem({ title: 'Something else', line: 19 }),
    ];
    const found = lintPostmortem(buildPostmortem({ actionItems: items }), defaultConfig);
    expect(found.map((d) => [d.rule, d.line])).toEqual([['action-item-duplicate', 18]]);
    expect(found[0]?.message).toContain('line 16');
  });

  it('reports timeline entries earlier than one before them, skipping entries without an instant', () => {
    const timeline = [
      { line: 7, time: '10:00', at: '2026-04-07T10:00:00Z', text: 'start', kind: null },
      { line: 8, time: 'later', at: null, text: 'x', kind: null },
      { line: 9, time: '09:00', at: '2026-04-07T09:00:00Z', text: 'early', kind: null },
      { line: 10, time: '11:00', at: '2026-04-07T11:00:00Z', text: 'ok', kind: null },
    ];
    const found = lintPostmortem(
      buildPostmortem({ timeline, actionItems: [buildItem()] }),
      defaultConfig,
    );
    expect(found.map((d) => [d.rule, d.line])).toEqual([['timeline-order', 9]]);
  });

  it('reads a time-only entry more than 12 hours before the previous one as the next day', () => {
    const timeline = [
      { line: 7, time: '22:40 UTC', at: '2026-04-07T22:40:00Z', text: 'alert', kind: null },
      { line: 8, time: '00:15 UTC', at: '2026-04-07T00:15:00Z', text: 'rollback', kind: null },
      { line: 9, time: '01:30 UTC', at: '2026-04-07T01:30:00Z', text: 'resolved', kind: null },
      {
        line: 10,
        time: '2026-04-07 09:00',
        at: '2026-04-07T09:00:00Z',
        text: 'dated, so really earlier',
        kind: null,
      },
    ];
    const found = lintPostmortem(
      buildPostmortem({ timeline, actionItems: [buildItem()] }),
      defaultConfig,
    );
    expect(found.map((d) => [d.rule, d.line])).toEqual([['timeline-order', 10]]);
  });

  it('warns when a SEV1/SEV2 post-mortem is published more than 5 business days after the incident', () => {
    const late = buildPostmortem({
      incidentDate: '2026-04-03',
      publishedDate: '2026-04-13',
      actionItems: [buildItem()],
    }); // Fri → Mon+1 week: 6
    const onTime = buildPostmortem({
      incidentDate: '2026-04-03',
      publishedDate: '2026-04-10',
      actionItems: [buildItem()],
    }); // 5
    const minor = buildPostmortem({
      severity: 'SEV3',
      incidentDate: '2026-04-03',
      publishedDate: '2026-05-29',
      actionItems: [buildItem()],
    });
    expect(lintPostmortem(late, defaultConfig).map((d) => [d.rule, d.severity])).toEqual([
      ['late-postmortem', 'warning'],
    ]);
    expect(lintPostmortem(late, defaultConfig)[0]?.message).toContain('6 business days');
    expect(lintPostmortem(onTime, defaultConfig)).toEqual([]);
    expect(lintPostmortem(minor, defaultConfig)).toEqual([]);
  });

  it('finds placeholders and blame in the model fields when no source text is given', () => {
    const pm = buildPostmortem({
      title: 'ISSUE NAME',
      rootCause: 'Human error by <name>.',
      lines: { title: 1, rootCause: 11 },
      actionItems: [buildItem({ title: 'TBD' })],
    });
    const found = lintPostmortem(pm, defaultConfig).map((d) => [d.rule, d.line]);
    expect(found).toEqual([
      ['placeholder', 1],
      ['blame-language', 11],
      ['placeholder', 11],
      ['placeholder', 16],
    ]);
  });

  it('reports blame in a contributing factor at its own line when no source text is given', () => {
    const pm = buildPostmortem({
      actionItems: [buildItem()],
      contributingFactors: [
        { text: 'Alerts were noisy.', line: 12 },
        { text: 'The on-call engineer was careless.', line: 13 },
      ],
    });
    const found = lintPostmortem(pm, defaultConfig).map((d) => [d.rule, d.line]);
    expect(found).toEqual([['blame-language', 13]]);
  });

  it('applies config.rules: off drops a rule, a level overrides its severity, parser findings included', () => {
    const pm = buildPostmortem({
      severity: null,
      actionItems: [buildItem({ owner: null })],
      diagnostics: [
        {
          file: 'pm.md',
          line: 5,
          column: 1,
          severity: 'error',
          rule: 'date-ambiguous',
          message: 'ambiguous',
        },
      ],
    });
    const config = configSchema.parse({
      rules: { 'severity-missing': 'off', 'action-item-owner': 'warning' },
    });
    const found = lintPostmortem(pm, config);
    expect(found.map((d) => [d.line, d.rule, d.severity])).toEqual([
      [5, 'date-ambiguous', 'error'],
      [16, 'action-item-owner', 'warning'],
    ]);
    const quiet = configSchema.parse({
      rules: { 'date-ambiguous': 'off', 'action-item-owner': 'off', 'severity-missing': 'off' },
    });
    expect(lintPostmortem(pm, quiet)).toEqual([]);
  });

  it('sorts diagnostics by line, then column', () => {
    const pm = buildPostmortem({
      severity: null,
      lines: { title: 1 },
      actionItems: [
        buildItem({ line: 30, owner: null }),
        buildItem({ line: 20, title: 'Other', due: null, dueRaw: null }),
      ],
    });
    const lines = lintPostmortem(pm, defaultConfig).map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines).toEqual([1, 20, 30]);
  });
});

describe('the rule ids a config may name', () => {
  it('are the registry’s rules, in its order (config validation reads the list without loading the rules)', () => {
    expect(lintRules.map((r) => r.id)).toEqual([...LINT_RULE_IDS]);
  });
});
