import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintText } from '../../../src/core/lint/lint-text.js';

const BASE = `# Exports failing

**Date:** 2026-03-02
**Severity:** SEV3

## Summary

SUMMARY

## Timeline

- 01:00 UTC — first export failed.
- 07:00 UTC — token renewed; resolved.

## Root cause

ROOT

## Action items

ITEMS
`;

function lint(parts: { summary?: string; root?: string; items?: string }) {
  const text = BASE.replace('SUMMARY', parts.summary ?? 'Exports failed for six hours.')
    .replace('ROOT', parts.root ?? 'The token is renewed by hand.')
    .replace('ITEMS', parts.items ?? '- [ ] Rotate the token automatically @lena-k due 2026-04-01');
  return lintText(text, 'pm.md', defaultConfig).diagnostics;
}
const found = (parts: Parameters<typeof lint>[0], rule: string) =>
  lint(parts)
    .filter((d) => d.rule === rule)
    .map((d) => d.message);

describe('placeholder rule', () => {
  it.each([
    ['an angle-bracket placeholder', 'Impact lasted <duration>.'],
    ['a mustache placeholder', 'Impact lasted {{ duration }}.'],
    ['TODO', 'TODO describe the impact.'],
    ['TBD', 'Impact: TBD.'],
    ['a bracketed instruction', '[Describe the impact here]'],
  ])('reports %s', (_what, summary) => {
    expect(found({ summary }, 'placeholder')).toHaveLength(1);
  });

  it.each([
    ['an HTML comment', '<!-- Describe <impact> here, TODO -->Exports failed.'],
    ['a comment spanning lines', '<!--\nTODO: <fill in>\n-->\nExports failed.'],
    ['an autolink', 'See <https://status.example.com/incidents/42>.'],
    ['an e-mail autolink', 'Write to <oncall@example.com>.'],
    [
      'HTML tags',
      'Exports<br/>failed. <details open><summary>More</summary>Graphs</details> <img src="a.png" alt="x">',
    ],
    ['a closing tag', 'Exports failed.</p>'],
    ['code spans', 'Run `deploy <service>` with `{{ vars }}` and `TODO`.'],
    ['a fenced code block', '```\nTODO <service> {{ x }}\n```'],
    [
      'a markdown link whose text starts like an instruction',
      '[Link to the dashboard](https://grafana.example.com/d/1)',
    ],
    ['comparison signs', 'Latency went from < 5 ms to > 2 s.'],
    ['lower-case todo in prose', 'The todo list of the on-call rota was long.'],
  ])('does not report %s', (_what, summary) => {
    expect(found({ summary }, 'placeholder')).toEqual([]);
  });

  it("does not take an item's TODO status marker for a placeholder, but reports TODO as an item's text", () => {
    const items = [
      '| Action | Owner | Due | Bug |',
      '| --- | --- | --- | --- |',
      '| Rotate the token automatically | @lena-k | 2026-04-01 | Bug 5521 **TODO** |',
      '| Alert on token expiry | @lena-k | 2026-04-02 | TODO |',
    ].join('\n');
    expect(found({ items }, 'placeholder')).toEqual([]);
    expect(
      found(
        { items: '- [ ] **TODO** Rotate the token automatically @lena-k due 2026-04-01' },
        'placeholder',
      ),
    ).toEqual([]);
    expect(
      found({ items: '- [ ] Rotate the token, owner TBD, due 2026-04-01' }, 'placeholder'),
    ).toHaveLength(1);
  });

  it('leaves a TBD due phrase to action-item-due-vague instead of reporting it twice', () => {
    const items = '- [ ] Rotate the token automatically @lena-k due TBD';
    expect(found({ items }, 'placeholder')).toEqual([]);
    expect(found({ items }, 'action-item-due-vague')).toHaveLength(1);
  });

  it('reports the template heading "# ISSUE NAME" with its column', () => {
    const text = BASE.replace('# Exports failing', '# ISSUE NAME');
    const d = lintText(text, 'pm.md', defaultConfig).diagnostics.find(
      (x) => x.rule === 'placeholder',
    );
    expect(d).toMatchObject({ line: 1, column: 3, endColumn: 13 });
  });
});

describe('blame-language rule', () => {
  it.each([
    ['human error', 'The outage was caused by human error.', 'human error'],
    ["someone's fault", "It was Priya's fault.", "Priya's fault"],
    ['careless', 'A careless edit broke the config.', 'careless'],
    ['should have known', 'The operator should have known better.', 'should have known'],
    ['carelessness', 'Carelessness during the deploy.', 'Carelessness'],
  ])('warns about %s and suggests blameless wording', (_what, summary, phrase) => {
    const messages = found({ summary }, 'blame-language');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`"${phrase}"`);
    expect(messages[0]).toMatch(/describe|hindsight/);
    expect(lint({ summary }).find((d) => d.rule === 'blame-language')?.severity).toBe('warning');
  });

  it.each([
    ['a blameless statement', "It was no one's fault; the tool allowed the change."],
    ['blameless as a word', 'This is a blameless post-mortem.'],
    ['fault tolerance', 'The fault-tolerant path held.'],
  ])('does not warn about %s', (_what, summary) => {
    expect(found({ summary }, 'blame-language')).toEqual([]);
  });

  it('warns when the root cause names a person by handle or by a name the document uses', () => {
    expect(
      found({ root: '@kim-l deployed the change to the wrong cluster.' }, 'blame-language'),
    ).toEqual([expect.stringContaining('"@kim-l"')]);
    const items = '- [ ] Rotate the token automatically (owner: Lena Kowalski, due 2026-04-01)';
    const messages = found({ root: 'Lena ran the migration twice.', items }, 'blame-language');
    expect(messages).toEqual([expect.stringContaining('"Lena"')]);
  });

  it('does not warn about a team, or a person named outside the root cause', () => {
    expect(
      found({ root: 'The @acme/platform pipeline deploys all regions at once.' }, 'blame-language'),
    ).toEqual([]);
    expect(found({ summary: '@kim-l was the incident commander.' }, 'blame-language')).toEqual([]);
  });
});
