import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeText } from '../../../src/core/text/escape-markdown.js';

describe('escapeMarkdown', () => {
  it('keeps HTML, emphasis, links and table breaks from leaking', () => {
    expect(escapeMarkdown('<b>x</b> *y* [l](u) a|b `c` ~d~')).toBe(
      '&lt;b&gt;x&lt;/b&gt; \\*y\\* \\[l\\](u) a\\|b \\`c\\` \\~d\\~',
    );
  });

  it('collapses whitespace, newlines included, to one line', () => {
    expect(escapeMarkdown('  one\r\ntwo\t three  ')).toBe('one two three');
  });

  it('stops a leading marker from starting a heading or list, without a visible backslash on numbers', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. step')).toBe('12\\. step');
    expect(escapeMarkdown('3) step')).toBe('3\\) step');
    expect(escapeMarkdown('see #12, ask @alice')).toBe('see #12, ask @alice');
  });

  it('neutralises mentions and references only when asked (inert), and shortens to max', () => {
    expect(escapeMarkdown('see #12, ask @alice', { inert: true })).toBe(
      'see &#35;12, ask `@alice`',
    );
    expect(escapeText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
