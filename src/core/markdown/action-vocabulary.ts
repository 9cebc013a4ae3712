// The words that make text action items: section and lead-in phrases, done and due markers on
// headings, and the header cells of an action table. Pure functions of a string, table-tested.

/** An imperative opening ("Hire a …", "Add a …"): a plain line that reads as a task. */
const ACTION_VERB_RE =
  /^(?:add|create|implement|develop|hire|build|write|document|set up|setup|improve|review|update|investigate|ensure|establish|introduce|enable|disable|remove|automate|monitor|migrate|test|train|define|audit|rotate|upgrade|fix|deploy|configure|schedule|track|publish|consider|evaluate|increase|reduce|move|switch|replace|run|make sure|require|restrict|limit|alert|backfill|refactor|rewrite|pin|verify|validate|check)\b/i;

/** Whether a text opens with an imperative verb ("Add …", "Make sure …"). */
export function startsWithActionVerb(text: string): boolean {
  return ACTION_VERB_RE.test(text);
}

/** Whether one plain line reads as a task: a capitalised sentence that says should/must/will or opens with a verb. */
export function readsAsTask(line: string): boolean {
  return (
    /^[A-Z][^\n]{10,400}[.!?)]$/.test(line.trim()) &&
    (/\b(?:should|must|will|needs? to|recommend\w*)\b/i.test(line) || ACTION_VERB_RE.test(line))
  );
}

/** Whether a heading says its items are finished (`Actions taken`, `Immediate actions (completed)`). */
export function isDoneHeading(text: string): boolean {
  return (
    /\((?:completed?|done|finished)\)|\b(?:taken|already|implemented|completed)\b/i.test(text) &&
    !/\b(?:could|should|would|to be)\b/i.test(text)
  );
}

/** Whether a bold label says its items were taken (`**Actions taken:**`). */
export function saysTaken(label: string): boolean {
  return /\btaken\b/i.test(label);
}

/** A note saying the item above it is finished (`This has been done.`, `Done in v1.2`). */
const DONE_NOTE_RE =
  /^(?:(?:this|it|that)\s+(?:has|had|was|is)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:done|completed|implemented|fixed|shipped|resolved)|(?:done|completed|implemented|fixed)\b)/i;

/** Whether a note under an item says the item is finished. */
export function isDoneNote(text: string): boolean {
  return DONE_NOTE_RE.test(text);
}

/** A closing `Specifically:` / `For example:` sentence introduces details of what was said, not items. */
const DETAIL_LEAD_RE =
  /(?:^|[.!?]\s+)(?:specifically|in particular|for example|for instance|e\.g\.|namely|such as)\s*:\s*$/i;

/**
 * Whether a paragraph outside the action sections introduces the list below it as action items
 * (`Going forward, we will:`, `To prevent this:`), and not details (`Specifically:`).
 */
export function introducesActions(text: string): boolean {
  const tail = text.slice(-200);
  return (
    /:\s*$/.test(tail) &&
    !DETAIL_LEAD_RE.test(tail) &&
    /\b(?:going forward|we will|we'll|action items?|next steps|follow[- ]?ups?|to prevent|to avoid|in the future|improvements?|following actions|we plan|we are going to|todo)\b/i.test(
      text,
    )
  );
}

/** Whether a paragraph ends in a colon, so the list after it belongs to it. */
export function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text.slice(-200));
}

/** Whether a lead-in introduces alternatives ("… by doing one of:"), not separate items. */
export function introducesAlternatives(text: string): boolean {
  return /\b(?:one of|either|options?|alternatives?|choices?)\s*:\s*$/i.test(text.slice(-200));
}

/** Whether a lead-in says the items below it are done ("Actions already taken:"). */
export function leadInSaysDone(text: string): boolean {
  return /\b(?:already|were|have been|completed|done|taken)\b/i.test(text);
}

/** Whether a paragraph is one labelled item (`Action point: …`, `Follow-up: …`, `TODO: …`). */
export function isLabelledAction(text: string): boolean {
  return /^(?:action(?: point| item)?s?|follow[- ]?up|todo|to do)\s*:\s*(\S[\s\S]*)$/i.test(text);
}

/** Whether a bullet outside the action sections is one labelled item (`- Action item: …`). */
export function isLabelledActionBullet(text: string): boolean {
  return /^action(?: point| item)?s?\s*:\s*(\S[\s\S]*)$/i.test(text);
}

/** Whether a heading is left out of the section it sits in (checklists, alternatives, appendices). */
export function isExcludedHeading(text: string): boolean {
  return /\b(?:checklist|implemented|alternatives?|appendi\w*)\b/i.test(text);
}

/** Whether a bold label inside an action section names notes, not a group of items. */
export function isNoteLabel(label: string): boolean {
  return /\b(?:notes?|comments?|context|background|references?|links?|questions?|see also)\b/i.test(
    label,
  );
}

/** Section names that may stand alone on a plain line. */
export function isSectionName(label: string): boolean {
  return /^(?:action items?|follow[- ]?ups?|next steps|corrective actions?|timeline|root causes?|impact|summary|lessons learn[te]d|what went well|contributing factors|remediation|recommendations)$/i.test(
    label.trim(),
  );
}

/** A due phrase written on an action heading: a horizon (`Long-term`) or a period (`Q4 2025 - Q1 2026`). */
export function headingDue(text: string): string | null {
  const q = /\b(q[1-4](?:\s*\d{4})?(?:\s*[-–]\s*q[1-4](?:\s*\d{4})?)?|h[12]\s*\d{4})\b/i.exec(text);
  if (q?.[1]) return q[1];
  const tier =
    /\b(immediate(?:ly)?|short[- ]term|medium[- ]term|mid[- ]term|long(?:er)?[- ]term)\b/i.exec(
      text,
    );
  return tier?.[1] ?? null;
}

/** Whether an item's text is no item at all: `N/A`, `none`, `TBD`, `…`, or a template placeholder. */
export function isNonItem(plain: string): boolean {
  return (
    /^(?:n\/?a|none|tbd|tbc|-+|\.\.\.|…|todo|nope\.?|nothing(?: yet)?\.?)$/i.test(plain) ||
    /^(?:<[^>]{0,200}>|\{\{[^}]{0,200}\}\}|\[[^\]]{0,200}\])$/.test(plain)
  );
}

/** The status a table's status cell states (`Done`, `In progress`, `✅`), or null. */
export function cellStatus(text: string): 'open' | 'done' | null {
  const t = text.trim().toLowerCase();
  if (/^(?:done|closed|complete|completed|fixed|resolved|merged|shipped|yes|✅)\b/.test(t))
    return 'done';
  if (/^(?:open|todo|to do|in progress|wip|planned|pending|not started|deferred|no)\b/.test(t))
    return 'open';
  return null;
}

/** Which column of an action table holds what. */
export interface ActionColumns {
  item: number;
  owner?: number;
  due?: number;
  status?: number;
  tracker?: number;
  priority?: number;
  type?: number;
  /** True when the header alone says "action items", wherever the table is. */
  strong: boolean;
}

/** Maps an action table's header cells (any order, any case) to roles; null when it is no action table. */
export function actionColumns(headers: readonly string[]): ActionColumns | null {
  const norm = headers.map((h) =>
    h
      .toLowerCase()
      .replace(/(?<!\([^)]*?)\([^)]*\)/g, ' ')
      .replace(/[^a-z0-9#áéíóúãõç ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const find = (re: RegExp): number | undefined => {
    const i = norm.findIndex((h) => re.test(h));
    return i >= 0 ? i : undefined;
  };
  const strongItem = find(
    /^(?:action items?|actions?|follow[- ]?ups?|corrective actions?|remediation|ação|acao|acoes|ações)$/,
  );
  let item =
    strongItem ?? find(/^(?:description|descrição|descricao|item|task|tasks|what|todo|to do)$/);
  const owner = find(
    /^(?:owners?|who|assignee|assigned to|responsible|responsável|responsavel|dri)$/,
  );
  const due = find(/^(?:due|due date|deadline|target|target date|prazo|eta|when|by when)$/);
  const status = find(/^(?:status|state|outcome|done)$/);
  const tracker = find(
    /^(?:bug|bug #|bugs|issue #|issue|issues|ticket|tickets|related issue|link|tracking|pr|jira)$/,
  );
  const priority = find(/^(?:priority|prio|prioridade)$/);
  const type = find(/^(?:type|kind|tipo|category|type action|type acton)$/) ?? find(/^type\b/);
  if (
    item === undefined &&
    tracker !== undefined &&
    norm[tracker] === 'issue' &&
    (status !== undefined || find(/^triggered by$/) !== undefined)
  ) {
    // `Issue | Triggered by | Outcome`: the issue cell holds `#41 — text`.
    item = tracker;
  }
  if (item === undefined) return null;
  const others = [owner, due, status, tracker, priority, type].filter(
    (i) => i !== undefined && i !== item,
  ).length;
  if (strongItem === undefined && others === 0) return null;
  const cols: ActionColumns = { item, strong: strongItem !== undefined && others > 0 };
  if (owner !== undefined) cols.owner = owner;
  if (due !== undefined) cols.due = due;
  if (status !== undefined) cols.status = status;
  if (tracker !== undefined && tracker !== item) cols.tracker = tracker;
  if (priority !== undefined) cols.priority = priority;
  if (type !== undefined && type !== item) cols.type = type;
  return cols;
}
