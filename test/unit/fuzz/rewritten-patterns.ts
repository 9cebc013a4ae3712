// The patterns rewritten to run in linear time, each beside the backtracking original it replaced:
// on random short text made of the characters and words they look for, both give the same
// matches, groups and positions, used the way the code uses them.
/** How the code uses a pattern, as a function of the pattern and a text. */
export type Use = (re: RegExp | ((s: string) => string), text: string) => unknown;

const replaceAll: Use = (re, text) =>
  typeof re === 'function'
    ? re(text)
    : text.replace(re, (...args: unknown[]) => `<${JSON.stringify(args.slice(0, -1))}>`);
const exec: Use = (re, text) => {
  if (typeof re === 'function') return re(text);
  const m = re.exec(text);
  return m ? [m.index, ...m] : null;
};
const strip: Use = (re, text) => (typeof re === 'function' ? re(text) : text.replace(re, ''));
const split: Use = (re, text) => (typeof re === 'function' ? re(text) : text.split(re));

// Two anchored trims in sequence, as the code now writes them, for the old single `^a+|b+$` pattern.
const trim =
  (lead: RegExp, tail: RegExp) =>
  (s: string): string =>
    s.replace(lead, '').replace(tail, '');

const HANDLE =
  '@[A-Za-z0-9](?:[A-Za-z0-9_-]|\\.(?=[A-Za-z0-9])){0,38}(?:\\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const dueValue = (quarter: string): string =>
  [
    '\\d{4}-\\d{1,2}-\\d{1,2}',
    '\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?',
    `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`,
    `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\\s+)?${MONTH}\\s+${DAY}(?:,?\\s+\\d{4})?`,
    `${MONTH}\\s+\\d{4}`,
    quarter,
    'h[12]\\s*\\d{4}',
    'end of (?:the )?(?:day|week|month|quarter|year|sprint)',
    'next (?:week|month|quarter|year|sprint|release)',
    'eo[dwmqy]',
  ].join('|');
const OWNER_TAIL = `\\b(?:owner|owners|assignee|assigned to|responsible|dri)\\s*[:=]\\s*(${HANDLE}|[A-Z][\\w.'-]{0,30}(?: [A-Z][\\w.'-]{0,30}){0,2})\\s*[)\\],;]?`;
const DUE_WORDS =
  '\\b(?:due(?: date)?|deadline|target(?: date)?|eta|by|until|before|no later than)\\s*';
const DUE_TAIL = '(?![\\w%-])\\s*[)\\],;]?';

/** Each rewritten pattern: a name, the original, the rewrite, and how the code uses it. */
export const REWRITTEN: Array<[string, RegExp, RegExp | ((s: string) => string), Use]> = [
  [
    'parseDate trim',
    /^[~≈(\s]+|[)\s.,;:]+$/g,
    trim(/^[~≈(\s]+/, /(?<![)\s.,;:])[)\s.,;:]+$/),
    strip,
  ],
  [
    'parseTimeOfDay trim',
    /^[~≈\s[(]+|[)\]\s]+$/g,
    trim(/^[~≈\s[(]+/, /(?<![)\]\s])[)\]\s]+$/),
    strip,
  ],
  [
    'time of day',
    /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|(\d{2}))?\s*([ap]\.?m\.?)?(?:\s*\(?((?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|z|[a-z]{1,4}t)\)?)?$/i,
    /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|(\d{2}))?\s*(?!\s)([ap]\.?m\.?)?(?:\s*\(?((?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|z|[a-z]{1,4}t)\)?)?$/i,
    exec,
  ],
  [
    'duration parts',
    /(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|w|weeks?)(?![a-z])/g,
    /(?<!\d)(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|w|weeks?)(?![a-z])/g,
    replaceAll,
  ],
  ['trailing slashes', /\/+$/, /(?<!\/)\/+$/, replaceAll],
  [
    'placeholder heading',
    /^ {0,3}#{1,6}[ \t]+[A-Z ]+$/gm,
    /^ {0,3}#{1,6}[ \t]+(?:[A-Z][A-Z ]*| )$/gm,
    (re, text) => (typeof re === 'function' ? re(text) : re.test(text)),
  ],
  ['trailing dashes', /-+$/, /(?<!-)-+$/, replaceAll],
  [
    'vague due',
    /[([,;]?\s*\b(?:due(?: date)?|deadline|target date|eta)\s*[:=]?\s*(tbd|tbc|tba|asap|soon|unknown|ongoing|later|(?:this|next) (?:week|month|quarter|sprint|year|release)|(?:short|medium|mid|long)[- ]term)(?![\w%-])\s*[)\],;]?/i,
    /(?:[([,;]|(?<![\s([,;]))\s*\b(?:due(?: date)?|deadline|target date|eta)\s*(?!\s)[:=]?\s*(tbd|tbc|tba|asap|soon|unknown|ongoing|later|(?:this|next) (?:week|month|quarter|sprint|year|release)|(?:short|medium|mid|long)[- ]term)(?![\w%-])\s*[)\],;]?/i,
    exec,
  ],
  [
    'owner label',
    new RegExp(`[([,;]?\\s*${OWNER_TAIL}`, 'i'),
    new RegExp(`(?:[([,;]|(?<![\\s([,;]))\\s*${OWNER_TAIL}`, 'i'),
    exec,
  ],
  [
    'due label',
    new RegExp(
      `[(\\[,;]?\\s*${DUE_WORDS}[:=]?\\s*(${dueValue('q[1-4](?:\\s*\\/?\\s*\\d{4})?(?:\\s*[-–]\\s*q[1-4](?:\\s*\\d{4})?)?')})${DUE_TAIL}`,
      'i',
    ),
    new RegExp(
      `(?:[([,;]|(?<![\\s([,;]))\\s*${DUE_WORDS}(?!\\s)[:=]?\\s*(${dueValue('q[1-4](?:\\s*(?!\\s)\\/?\\s*\\d{4})?(?:\\s*[-–]\\s*q[1-4](?:\\s*\\d{4})?)?')})${DUE_TAIL}`,
      'i',
    ),
    exec,
  ],
  [
    'status strip',
    /\s*(?:✅|✔️?|☑️?|❌|⏳|🚧|\*\*(?:done|todo)\*\*|\((?:done|completed?|fixed|resolved|implemented|shipped|merged|in progress|wip|ongoing|planned|pending|not started)(?: [^)]{0,60})?\)|[;,.]?\s*\b(?:done|completed?) (?:as of|on) \d{4}-\d{2}-\d{2}\.?)/gi,
    /(?:(?<!\s)\s+)?(?:✅|✔️?|☑️?|❌|⏳|🚧|\*\*(?:done|todo)\*\*|\((?:done|completed?|fixed|resolved|implemented|shipped|merged|in progress|wip|ongoing|planned|pending|not started)(?: [^)]{0,60})?\)|(?:[;,.]\s*)?\b(?:done|completed?) (?:as of|on) \d{4}-\d{2}-\d{2}\.?)/gi,
    replaceAll,
  ],
  [
    'status strip, cased',
    /\s*\b(?:DONE|TODO|FIXED)\b(?:\s+in\b)?/g,
    /(?:(?<!\s)\s+)?\b(?:DONE|TODO|FIXED)\b(?:\s+in\b)?/g,
    replaceAll,
  ],
  [
    'owner group split',
    /\s*(?:\+|&|\/|,|\band\b)\s*/,
    /(?:(?<!\s)\s+)?(?:\+|&|\/|,|\band\b)\s*/,
    split,
  ],
  [
    'empty see-parentheses',
    /\(\s*(?:see|in|via|tracked in)?\s*\)/gi,
    /\(\s*(?!\s)(?:see|in|via|tracked in)?\s*\)/gi,
    replaceAll,
  ],
  ['empty brackets', /\(\s*[,;:]?\s*\)|\[\s*\]/g, /\(\s*(?!\s)[,;:]?\s*\)|\[\s*\]/g, replaceAll],
  [
    'see <ref>',
    /[,;]?\s*\b(?:see|tracked in|tracking|in|via)\s*\uE000\s*\.?/gi,
    /(?:[,;]\s*|(?<![\s,;])\s+)?\b(?:see|tracked in|tracking|in|via)\s*\uE000\s*\.?/gi,
    replaceAll,
  ],
  [
    'see #n',
    /[,;]?\s*\b(?:see|tracked in|tracking|via)\s+#\d{1,9}\b\.?/gi,
    /(?:[,;]|(?<![\s,;]))\s*\b(?:see|tracked in|tracking|via)\s+#\d{1,9}\b\.?/gi,
    replaceAll,
  ],
  ['space before punctuation', /\s+([,.;:!?])/g, /(?<!\s)\s+([,.;:!?])/g, replaceAll],
  [
    'title trim',
    /^[\s,;:.\-–—|]+|[\s,;:\-–—|]+$/g,
    trim(/^[\s,;:.\-–—|]+/, /(?<![\s,;:\-–—|])[\s,;:\-–—|]+$/),
    strip,
  ],
  [
    'dangling see',
    /\s*\b(?:see|tracked in|tracking|in|via)\s*$/i,
    /(?:(?<!\s)\s+)?\b(?:see|tracked in|tracking|in|via)\s*$/i,
    replaceAll,
  ],
  ['dangling punctuation', /[\s,;:\-–—(]+$/, /(?<![\s,;:\-–—(])[\s,;:\-–—(]+$/, replaceAll],
  [
    'resolved by PR',
    /\s*\b(?:resolved|fixed) by (?:pr|pull request)\s*#?\d*\s*\.?/gi,
    /(?:(?<!\s)\s+)?\b(?:resolved|fixed) by (?:pr|pull request)\s*#?\d*\s*\.?/gi,
    replaceAll,
  ],
  ['parenthesised key words', /\([^)]*\)/g, /(?<!\([^)]*?)\([^)]*\)/g, replaceAll],
  [
    'metadata list split',
    /\s*(?:,|;|\band\b|&|\n)\s*/,
    /(?:(?<!\s)\s+)?(?:,|;|\band\b|&|\n)\s*/,
    split,
  ],
  [
    'owner trim',
    /^[\s*_`([{]+|[\s*_`)\]}.,;:]+$/g,
    trim(/^[\s*_`([{]+/, /(?<![\s*_`)\]}.,;:])[\s*_`)\]}.,;:]+$/),
    strip,
  ],
  [
    'front matter key',
    /^([A-Za-z0-9_][\w .-]{0,60}?)\s*[:=]/,
    /^([A-Za-z0-9_][\w .-]{0,60}?)(?<! )\s*[:=]/,
    exec,
  ],
  [
    'metadata line',
    /^\s*([A-Za-zÀ-ÿ][\w À-ÿ/()-]{0,40}?)\s*:\s*(\S.*)$/,
    /^\s*([A-Za-zÀ-ÿ][\w À-ÿ/()-]{0,40}?)(?<! )\s*:\s*(\S.*)$/,
    exec,
  ],
  ['heading colon', /[:\s]+$/, /(?<![:\s])[:\s]+$/, replaceAll],
  [
    'timeline day before a time',
    /[\s,]+\d{1,2}:\d{2}.*$/,
    /(?<![\s,])[\s,]+\d{1,2}:\d{2}.*$/,
    replaceAll,
  ],
  [
    'timeline zone note',
    /\s*\([^)]*\)?\s*$/,
    /(?:(?<!\s)\s+)?(?<!\([^)]*?)\([^)]*\)?\s*$/,
    replaceAll,
  ],
  [
    'timeline lead tail',
    /[\s*_`\])\-–—:|]+$/,
    /(?<![\s*_`\])\-–—:|])[\s*_`\])\-–—:|]+$/,
    replaceAll,
  ],
];
