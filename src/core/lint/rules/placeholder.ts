import type { ActionItem } from '../../model/index.js';
import type { LintRule, RuleContext, RuleFinding } from '../lint-rule.js';
import { quote } from '../quote.js';

// Every pattern is a bounded character class: linear on any line, adversarial or not.
const ANGLE = /<([A-Za-z][^<>\n]{0,200})>/g;
const MUSTACHE = /\{\{[^{}\n]{0,200}\}\}/g;
const WORD = /\b(?:TODO|TBD|TBC|FIXME|XXX)\b/g;
const BRACKET =
  /\[(?:insert|describe|enter|fill in|link to|add link|your|name of)\b[^[\]\n]{0,200}\](?![([:])/gi;
const TEMPLATE_HEADING =
  /^ {0,3}#{1,6}[ \t]+(ISSUE NAME|INCIDENT (?:NAME|TITLE)|POST-?MORTEM TITLE|TITLE)[ \t#]*$/;

const HTML_ELEMENTS = new Set(
  (
    'a abbr address article aside b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li link main mark meta nav ol p picture pre q s ' +
    'samp section small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr'
  ).split(' '),
);
const BOOLEAN_ATTRIBUTES = new Set([
  'open',
  'hidden',
  'disabled',
  'checked',
  'controls',
  'autoplay',
  'muted',
  'loop',
  'selected',
]);
// Literal tokens of command output and redaction, not blanks to fill (`kubectl get nodes` prints `<none>`).
const LITERAL = /^(?:none|nil|null|empty|unknown|redacted|snip|snipped|omitted|truncated)$/i;
const AUTOLINK = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const TAG = /^([A-Za-z][A-Za-z0-9]*)([\s/][^]*)?$/;

/** True when `<content>` is an HTML tag or an autolink rather than a template placeholder. */
function isMarkupNotPlaceholder(content: string): boolean {
  if (LITERAL.test(content) || AUTOLINK.test(content) || EMAIL.test(content)) return true;
  const m = TAG.exec(content);
  if (!m?.[1] || !HTML_ELEMENTS.has(m[1].toLowerCase())) return false;
  const rest = (m[2] ?? '').replace(/\/\s*$/, '').trim();
  if (rest === '' || rest.includes('=')) return true;
  return rest.split(/\s+/).every((w) => BOOLEAN_ATTRIBUTES.has(w.toLowerCase()));
}

/** What telling a status marker needs to know about one line, found once per line (not per word). */
interface LineShape {
  /** Positions of the line's `|`, in order. */
  pipes: number[];
  /** Where the text after a list marker (and checkbox) starts, or -1 when the line is no list item. */
  itemStart: number;
  /** Whether the table cell starting after the pipe at a position is only a status marker. */
  cells: Map<number, boolean>;
}

function lineShape(line: string): LineShape {
  const pipes: number[] = [];
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) pipes.push(i);
  const lead = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]?\]\s+)?/.exec(line);
  return { pipes, itemStart: lead ? lead[0].length : -1, cells: new Map() };
}

/** The index in `pipes` of the first pipe at or after `index` (pipes.length when none). */
function firstPipeFrom(pipes: readonly number[], index: number): number {
  let lo = 0;
  let hi = pipes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pipes[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `TODO` at `index` of an action item's line is the item's status marker, not a placeholder. */
function isStatusMarker(line: string, index: number, word: string, shape: LineShape): boolean {
  if (word !== 'TODO') return false;
  const before = line.slice(Math.max(0, index - 2), index);
  const after = line.slice(index + word.length, index + word.length + 2);
  if (/[*_[(]$/.test(before) && /^[*_\])]/.test(after)) return true;
  const next = firstPipeFrom(shape.pipes, index);
  const cellStart = next > 0 ? shape.pipes[next - 1]! : -1;
  if (cellStart !== -1) {
    let marker = shape.cells.get(cellStart);
    if (marker === undefined) {
      const cellEnd = shape.pipes[next] ?? line.length;
      const cell = line.slice(cellStart + 1, cellEnd);
      marker = /^[\s*_]*TODO[\s*_]*$/.test(cell) || cell.trimEnd().endsWith('**TODO**');
      shape.cells.set(cellStart, marker);
    }
    if (marker) return true;
  }
  return index === shape.itemStart && /^\s*:/.test(line.slice(index + word.length));
}

/**
 * Finds placeholders on one line of prose. On an action item's line, a `TODO` status marker is
 * allowed, and a `TBD` that is the item's due phrase is left to `action-item-due-vague`.
 */
function scanLine(text: string, line: number, item: ActionItem | undefined): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const add = (index: number, found: string, message: string): void => {
    findings.push({
      line,
      column: index + 1,
      endLine: line,
      endColumn: index + found.length + 1,
      message,
    });
  };
  const heading = TEMPLATE_HEADING.exec(text);
  if (heading?.[1]) {
    add(
      text.indexOf(heading[1]),
      heading[1],
      `Heading "${heading[1]}" is the template's placeholder; write the incident's title, e.g. "# Checkout errors after a config push".`,
    );
  }
  for (const m of text.matchAll(ANGLE)) {
    if (isMarkupNotPlaceholder(m[1] ?? '')) continue;
    add(
      m.index,
      m[0],
      `Template placeholder ${quote(m[0], 50)} left in; replace it with the real content (an HTML comment "<!-- … -->" is fine for guidance).`,
    );
  }
  for (const m of text.matchAll(MUSTACHE)) {
    add(
      m.index,
      m[0],
      `Template placeholder ${quote(m[0], 50)} left in; replace it with the real value.`,
    );
  }
  for (const m of text.matchAll(BRACKET)) {
    add(
      m.index,
      m[0],
      `Template placeholder ${quote(m[0], 50)} left in; replace it with the real content.`,
    );
  }
  const shape = item ? lineShape(text) : null;
  for (const m of text.matchAll(WORD)) {
    if (shape && isStatusMarker(text, m.index, m[0], shape)) continue;
    if (item?.dueRaw && item.dueRaw.toUpperCase() === m[0]) continue;
    add(
      m.index,
      m[0],
      `"${m[0]}" left in; write the missing content now, or turn it into an action item with an owner and a due date.`,
    );
  }
  return findings;
}

/** Finds placeholders in the model's text fields when no source text is available. */
function scanModel({ pm }: RuleContext): RuleFinding[] {
  const fields: Array<[string | null, number | undefined]> = [
    [pm.title === null ? null : `# ${pm.title}`, pm.lines.title],
    [pm.impact, pm.lines.impact],
    [pm.rootCause, pm.lines.rootCause],
  ];
  const findings = fields.flatMap(([text, line]) =>
    text === null ? [] : scanLine(text, line ?? 1, undefined),
  );
  for (const item of pm.actionItems) findings.push(...scanLine(item.title, item.line, item));
  return findings.map(({ line, message }) => ({ line, message }));
}

/** No template placeholders are left in (`<…>`, `{{ }}`, `TODO`, `TBD`, `# ISSUE NAME`). */
export const placeholder: LintRule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  description:
    "No template placeholders are left in: `<…>` (not HTML tags or autolinks), `{{ … }}`, `[Insert …]`, `TODO`, `TBD`, `# ISSUE NAME`. HTML comments, code and an item's `**TODO**` status marker are fine.",
  check(ctx) {
    if (ctx.prose === null) return scanModel(ctx);
    // A whole-file test first: a finished post-mortem has no placeholder, and then no line is scanned.
    const text = ctx.proseText ?? '';
    if (
      [ANGLE, MUSTACHE, WORD, BRACKET].every((re) => text.search(re) === -1) &&
      !/^ {0,3}#{1,6}[ \t]+(?:[A-Z][A-Z ]*| )$/m.test(text)
    )
      return [];
    const items = new Map(ctx.pm.actionItems.map((item) => [item.line, item]));
    return ctx.prose.flatMap((line, i) => scanLine(line, i + 1, items.get(i + 1)));
  },
};
