import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/core/text/escape-markdown.js';
import { quoteMentions } from '../../../src/core/text/quote-mentions.js';
import { liveMentions } from './live-mentions.js';

const quoted = (raw: string) => quoteMentions(escapeMarkdown(raw));

describe('quoteMentions', () => {
  it('puts handles and teams in code spans, readable as written', () => {
    expect(quoted('Ask @alice and @acme/sre_oncall, cc @bob.')).toBe(
      'Ask `@alice` and `@acme/sre_oncall`, cc `@bob`.',
    );
  });

  it('leaves e-mail addresses and text without handles alone', () => {
    expect(quoted('mail ops@example.com about 5 @ 10')).toBe('mail ops@example.com about 5 @ 10');
  });

  it('leaves no live mention in hostile shapes', () => {
    const hostile = [
      '@a@b@c',
      '`@alice` and \\@bob',
      '*@carol* _@dave_ [@erin](https://x) <@frank>',
      '&@grace (@heidi) "@ivan" /@judy @org/',
      '| @mallory | @oscar\n@peggy',
      '@victor.@walter,@xavier;@yvonne!@zoe',
    ];
    for (const raw of hostile) expect(liveMentions(quoted(raw)), raw).toEqual([]);
  });
});
