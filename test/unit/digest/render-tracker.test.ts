import { describe, expect, it } from 'vitest';
import { renderTracker } from '../../../src/core/digest/render-tracker.js';

const REPO = 'https://github.com/acme/ops';

describe('renderTracker', () => {
  it.each([
    ['#413', REPO, '[#413](https://github.com/acme/ops/issues/413)'],
    ['#413', `${REPO}/`, '[#413](https://github.com/acme/ops/issues/413)'],
    ['#413', null, '&#35;413'],
    ['https://github.com/acme/ops/issues/9', REPO, '[#9](https://github.com/acme/ops/issues/9)'],
    ['https://github.com/Acme/Ops/pull/10', REPO, '[#10](https://github.com/Acme/Ops/pull/10)'],
    [
      'https://github.com/acme/other/issues/7',
      REPO,
      '[acme/other#7](https://github.com/acme/other/issues/7)',
    ],
    [
      'https://github.com/acme/ops/issues/9',
      null,
      '[acme/ops#9](https://github.com/acme/ops/issues/9)',
    ],
    [
      'https://gitlab.com/grp/proj/-/issues/3',
      REPO,
      '[grp/proj#3](https://gitlab.com/grp/proj/-/issues/3)',
    ],
    [
      'https://acme.atlassian.net/browse/OPS-12',
      REPO,
      '[OPS-12](https://acme.atlassian.net/browse/OPS-12)',
    ],
    [
      'https://linear.app/acme/issue/ENG-5/fix-it',
      null,
      '[ENG-5](https://linear.app/acme/issue/ENG-5/fix-it)',
    ],
    ['https://trello.com/c/AbC123', REPO, '[trello.com](https://trello.com/c/AbC123)'],
    ['JIRA-12', REPO, 'JIRA-12'],
    ['Bug 5554823', REPO, 'Bug 5554823'],
  ])('renders %s (repo %s) as %s', (tracker, repoUrl, expected) => {
    expect(renderTracker(tracker, repoUrl)).toBe(expected);
  });

  it('keeps user text from breaking a table cell, injecting HTML or linking unsafe schemes', () => {
    expect(renderTracker('OPS-1 | <b>x</b>', REPO)).toBe('OPS-1 \\| &lt;b&gt;x&lt;/b&gt;');
    expect(renderTracker('javascript:alert(1)', REPO)).toBe('javascript:alert(1)');
    expect(renderTracker('https://jira.example/browse/AB-1?x=a|b (c)', REPO)).toBe(
      '[AB-1](https://jira.example/browse/AB-1?x=a%7Cb%20%28c%29)',
    );
  });

  it('shortens a long free-text tracker visibly', () => {
    const out = renderTracker(`TICKET ${'9'.repeat(80)}`, REPO);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out.endsWith('…')).toBe(true);
  });
});
