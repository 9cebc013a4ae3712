import { isExplicitItemId } from './item-id.js';
import type { InlineLink } from './inline-text.js';
import { SOFT_LINK_CLOSE, SOFT_LINK_OPEN, TICKET_LINK_MARK, stripLinkMarks } from './link-marks.js';
import { normaliseOwner } from './owners.js';

/** What one action item's text says besides its title. */
export interface ItemText {
  title: string;
  owner: string | null;
  dueRaw: string | null;
  status: 'open' | 'done' | null;
  tracker: string | null;
  explicitId: string | null;
  priority: string | null;
}

// Every pattern here runs on text capped at MAX_TEXT and avoids nested quantifiers, so none can blow up.
const MAX_TEXT = 2000;

// Dots and underscores inside a handle (`@jane.doe`) are kept so the whole name leaves the title; the linter flags it.
const HANDLE =
  '@[A-Za-z0-9](?:[A-Za-z0-9_-]|\\.(?=[A-Za-z0-9])){0,38}(?:\\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?';
const OWNER_LABEL_RE = new RegExp(
  `(?:[([,;]|(?<![\\s([,;]))\\s*\\b(?:owner|owners|assignee|assigned to|responsible|dri)\\s*[:=]\\s*(${HANDLE}|[A-Z][\\w.'-]{0,30}(?: [A-Z][\\w.'-]{0,30}){0,2})\\s*[)\\],;]?`,
  'i',
);
const HANDLE_RE = new RegExp(`(?<![\\w.@/])(${HANDLE})(?![\\w@])`);
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DUE_VALUE = [
  '\\d{4}-\\d{1,2}-\\d{1,2}',
  '\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?',
  `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`,
  `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\\s+)?${MONTH}\\s+${DAY}(?:,?\\s+\\d{4})?`,
  `${MONTH}\\s+\\d{4}`,
  'q[1-4](?:\\s*(?!\\s)\\/?\\s*\\d{4})?(?:\\s*[-–]\\s*q[1-4](?:\\s*\\d{4})?)?',
  'h[12]\\s*\\d{4}',
  'end of (?:the )?(?:day|week|month|quarter|year|sprint)',
  'next (?:week|month|quarter|year|sprint|release)',
  'eo[dwmqy]',
].join('|');
const DUE_LABEL_RE = new RegExp(
  `(?:[([,;]|(?<![\\s([,;]))\\s*\\b(?:due(?: date)?|deadline|target(?: date)?|eta|by|until|before|no later than)\\s*(?!\\s)[:=]?\\s*(${DUE_VALUE})(?![\\w%-])\\s*[)\\],;]?`,
  'i',
);
/** `due TBD`, `deadline: ASAP`: a vague phrase after an explicit due label. */
const DUE_VAGUE_RE =
  /(?:[([,;]|(?<![\s([,;]))\s*\b(?:due(?: date)?|deadline|target date|eta)\s*(?!\s)[:=]?\s*(tbd|tbc|tba|asap|soon|unknown|ongoing|later|(?:this|next) (?:week|month|quarter|sprint|year|release)|(?:short|medium|mid|long)[- ]term)(?![\w%-])\s*[)\],;]?/i;
const QUARTER_RE =
  /\(\s*(q[1-4](?:\s*\d{4})?(?:\s*[-–]\s*q[1-4](?:\s*\d{4})?)?)\s*\)|\b(q[1-4]\s+\d{4})\b/i;
const EXPLICIT_ID_RE = /\{#([A-Za-z0-9][A-Za-z0-9._-]{0,63})\}/;
const HTML_ID_RE = /^<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]{0,63})\s*-->$/i;

const DONE_RE =
  /(?:✅|✔️?|☑️?|\*\*done\*\*|\((?:done|completed?|fixed|resolved|implemented|shipped|merged)(?: [^)]{0,60})?\)|\b(?:done|completed?) (?:as of|in|on|during|via|with)\b|\bresolved by (?:pr|pull request|#)|\bfixed (?:in|by) (?:pr|pull request|#|commit)|\balready (?:done|completed|implemented|in place)\b)/i;
const DONE_CASED_RE =
  /\b(?:DONE|FIXED|Done|Fixed|Completed|COMPLETED)\b(?=\s*(?:$|[.:;,)\]—–-]|in\b|as of\b))|^\s*(?:Done|DONE|Fixed|FIXED|Completed)\b/;
const OPEN_RE =
  /(?:\*\*todo\*\*|\((?:in progress|wip|ongoing|open|planned|pending|not started)[^)]{0,40}\)|❌|⏳|🚧|\bopen\s*[—–-]\s*deferred\b)/i;
const OPEN_CASED_RE = /\bTODO\b/;
const STATUS_STRIP_RE =
  /(?:(?<!\s)\s+)?(?:✅|✔️?|☑️?|❌|⏳|🚧|\*\*(?:done|todo)\*\*|\((?:done|completed?|fixed|resolved|implemented|shipped|merged|in progress|wip|ongoing|planned|pending|not started)(?: [^)]{0,60})?\)|(?:[;,.]\s*)?\b(?:done|completed?) (?:as of|on) \d{4}-\d{2}-\d{2}\.?)/gi;
const STATUS_CASED_STRIP_RE = /(?:(?<!\s)\s+)?\b(?:DONE|TODO|FIXED)\b(?:\s+in\b)?/g;

/** Capitalised words that start sentences, not owners ("Need to …", "Add: …"). */
const NOT_OWNER = new Set(
  'a an the we i it this that these those there they you our all any each some no not need needs have has had want wants plan plans try tries going continue add adds remember ability way ways how what why when where who which time work team teams process update updates consider investigate ensure make create document review improve fix fixes move set use using allow look write run test tests check monitor alert alerts implement stop start keep remove migrate automate switch enable disable figure find follow build better more also then next later docs documentation monitoring alerting testing security runbook runbooks process tooling infra infrastructure observability backups backup config configuration deployment deploys deploy release releases ci cd performance reliability tracking logging metrics dashboards dashboard communication comms support action actions note notes short long medium immediate prevention detection mitigation resolution lessons followup follow-up todo tbd summary impact owner due target status priority type phase step option idea question goal outcome result since because after before while during once if when unless although however'.split(
    ' ',
  ),
);
/** Imperative verbs that take `to` ("Speak to the owner", "Commit to purging"): `X to …` does not name an owner then. */
const VERBS_BEFORE_TO = new Set(
  'speak talk reach move switch migrate add listen write subscribe respond upgrade downgrade return commit go get link point change convert push post send report escalate apply stick refer compare contribute adapt pin revert roll attach assign communicate explain propose present reply introduce limit restrict default redirect map expose connect grant give show transition port rename publish nobody everyone someone anyone everybody somebody'.split(
    ' ',
  ),
);
const ACRONYM_NOT_OWNER = new Set(
  'PR CI CD API DNS UI UX SLO SLA SLI DB K8S AWS GCP TBD TODO DONE WIP N/A NA FIXED ASAP URL SSL TLS CPU RAM IP VPN HTTP HTTPS JSON YAML CVE SRE QA OOM RCA ETA FAQ IAM RBAC TTL CDN VM EKS GKE AKS S3 SQL'.split(
    ' ',
  ),
);

function isOwnerWord(word: string, aliases: Record<string, string>): boolean {
  if (Object.keys(aliases).some((a) => a.toLowerCase() === word.toLowerCase())) return true;
  if (/^[A-Z]{2,6}$/.test(word)) return !ACRONYM_NOT_OWNER.has(word);
  if (!/^[A-Z][a-z]{1,20}$/.test(word)) return false;
  const lower = word.toLowerCase();
  if (NOT_OWNER.has(lower) || VERBS_BEFORE_TO.has(lower)) return false;
  return (
    lower.length <= 4 ||
    !/(?:ing|tion|sion|ment|ity|ness|ance|ence|ed|ise|ize|ure|ics|al|ism)$/.test(lower)
  );
}

/** Splits `A + B`, `A & B`, `A and B` owner groups into words, or null when any part is not owner-like. */
function ownerGroup(text: string, aliases: Record<string, string>): string | null {
  const parts = text.split(/(?:(?<!\s)\s+)?(?:\+|&|\/|,|\band\b)\s*/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 4) return null;
  for (const p of parts) if (!isOwnerWord(p, aliases) && !/^@/.test(p)) return null;
  return parts.join(' + ');
}

/** A tracker reference found in plain text: bare `#123`, `JIRA-12`, `Bug 5554823`. */
const TEXT_TRACKER_RE =
  /(?<![\w&/#])(#\d{1,9})(?!\w)|(?<![\w-])(?!(?:CVE|CWE|GHSA|RFC|ISO|UTF|SHA|TLS|SSL|HTTP|ES|AES|RSA|SEV|COVID|IPV|IP|CPU|GPU|PR)-)([A-Z][A-Z0-9]{1,9}-\d{1,9})(?![\w-])|\b(Bug\s+\d{3,12})\b/;
const TRACKER_URL_RE =
  /\/(?:issues|pull|merge_requests)\/\d+|\/browse\/[A-Z][A-Z0-9]+-\d+|atlassian\.net|jira|linear\.app\/[^/]+\/issue|trello\.com|basecamp\.com|bugzilla|\/-\/issues\/\d+|app\.asana\.com|\/tickets?\//i;

/** Picks the tracker of an item: an issue link first, then a pull request or other ticket link, then a bare reference. */
export function pickTracker(links: readonly InlineLink[], text: string): string | null {
  let issue: string | null = null;
  let other: string | null = null;
  for (const l of links) {
    if (!l.url) {
      if (/^#\d+$/.test(l.text)) other ??= l.text;
      continue;
    }
    if (!TRACKER_URL_RE.test(l.url)) continue;
    if (/\/issues\/\d+|\/browse\/|jira|atlassian|linear\.app/i.test(l.url)) issue ??= l.url;
    else other ??= l.url;
  }
  if (issue ?? other) return issue ?? other;
  const m = TEXT_TRACKER_RE.exec(text.slice(0, MAX_TEXT));
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

const SOFT_LINK = `${SOFT_LINK_OPEN}[^${SOFT_LINK_OPEN}${SOFT_LINK_CLOSE}]*${SOFT_LINK_CLOSE}`;
/** A soft link in parentheses, after a dash or colon, or at the end: it goes from the title. */
const SOFT_LINK_RE = new RegExp(
  `\\(\\s*${SOFT_LINK}\\s*\\)|[-–—:]\\s*${SOFT_LINK}|${SOFT_LINK}(?=[\\s.,;:)]*$)`,
  'g',
);
/** `see <ticket link>`, `tracked in <ticket link>`: the tracker, not part of the title. */
const SEE_TICKET_RE = new RegExp(
  `(?:[,;]\\s*|(?<![\\s,;])\\s+)?\\b(?:see|tracked in|tracking|in|via)\\s*${TICKET_LINK_MARK}\\s*\\.?`,
  'gi',
);

function tidy(text: string): string {
  return (
    text
      // Soft ref links (`[issue](url)`, `[ticket](url)`) vanish at the end, in parentheses or after a dash; elsewhere their words stay.
      .replace(SOFT_LINK_RE, '')
      .replaceAll(SOFT_LINK_OPEN, '')
      .replaceAll(SOFT_LINK_CLOSE, '')
      .replace(SEE_TICKET_RE, '')
      .replaceAll(TICKET_LINK_MARK, '')
      .replace(/\(\s*(?!\s)(?:see|in|via|tracked in)?\s*\)/gi, '')
      .replace(/\(\s*(?!\s)[,;:]?\s*\)|\[\s*\]/g, '')
      // A bare `(#2292)` or `, tracked in #413` is the tracker, kept in `tracker`, not part of the title.
      .replace(/\(\s*#\d{1,9}\s*\)/g, '')
      .replace(/(?:[,;]|(?<![\s,;]))\s*\b(?:see|tracked in|tracking|via)\s+#\d{1,9}\b\.?/gi, '')
      // `usage. Owner: @x. Due: 2026-09-15.` leaves `usage. . .` once the labels are gone.
      .replace(/([.;,])(?:\s+[.;,])+/g, '$1')
      .replace(/\s+/g, ' ')
      .replace(/(?<!\s)\s+([,.;:!?])/g, '$1')
      .replace(/^[\s,;:.\-–—|]+/, '')
      .replace(/(?<![\s,;:\-–—|])[\s,;:\-–—|]+$/, '')
      .replace(/(?:(?<!\s)\s+)?\b(?:see|tracked in|tracking|in|via)\s*$/i, '')
      .replace(/(?<![\s,;:\-–—(])[\s,;:\-–—(]+$/, '')
      // Issue titles carry no closing full stop (an ellipsis stays).
      .replace(/(?<!\.)\.$/, '')
      .trim()
  );
}

function capitalise(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/**
 * Reads owner, due phrase, status, tracker and explicit id out of one item's plain text, and returns
 * the title that is left once those annotations are removed.
 */
export function readItemText(
  raw: string,
  links: readonly InlineLink[],
  html: readonly string[],
  aliases: Record<string, string>,
): ItemText {
  const capped = raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
  let text = capped;
  // Collapsing whitespace first keeps every `\s*` below to one character, so no pattern can go quadratic on blank runs.
  text = text.replace(/\s+/g, ' ').replace(/\\$/, '');
  let explicitId: string | null = null;
  for (const h of html) {
    const m = HTML_ID_RE.exec(h.trim());
    if (m?.[1]) explicitId = m[1];
  }
  const idm = EXPLICIT_ID_RE.exec(text);
  if (idm?.[1] && isExplicitItemId(idm[1])) {
    explicitId = idm[1];
    text = text.replace(idm[0], ' ');
  }

  let status: 'open' | 'done' | null = null;
  if (
    DONE_RE.test(text) ||
    DONE_CASED_RE.test(text) ||
    links.some((l) => /^(?:fixed|done|completed|merged)$/i.test(l.text))
  )
    status = 'done';
  else if (OPEN_RE.test(text) || OPEN_CASED_RE.test(text)) status = 'open';
  text = text.replace(STATUS_STRIP_RE, ' ').replace(STATUS_CASED_STRIP_RE, ' ');
  text = text.replace(
    /(?:(?<!\s)\s+)?\b(?:resolved|fixed) by (?:pr|pull request)\s*#?\d*\s*\.?/gi,
    ' ',
  );

  let owner: string | null = null;
  let dueRaw: string | null = null;
  let m = OWNER_LABEL_RE.exec(text);
  if (m?.[1]) {
    owner = normaliseOwner(m[1], aliases);
    text = text.replace(m[0], ' ');
  }
  m = DUE_LABEL_RE.exec(text);
  if (m?.[1]) {
    dueRaw = m[1].trim();
    text = text.replace(m[0], ' ');
  } else if ((m = DUE_VAGUE_RE.exec(text))?.[1]) {
    dueRaw = m[1];
    text = text.replace(m[0], ' ');
  } else {
    const q = QUARTER_RE.exec(text);
    if (q) {
      dueRaw = (q[1] ?? q[2] ?? '').trim();
      text = text.replace(q[0], ' ');
    }
  }
  if (!owner) {
    // `(@alice)` or a handle anywhere (task-list convention `Fix X @alice due …`).
    const h = HANDLE_RE.exec(text);
    if (h?.[1]) {
      owner = normaliseOwner(h[1], aliases);
      const paren = new RegExp(`\\(\\s*${h[1].replace(/[/.]/g, '\\$&')}\\s*\\)`);
      const atEdge = text.trim().startsWith(h[1]) || text.trim().endsWith(h[1]);
      if (paren.test(text)) text = text.replace(paren, ' ');
      else if (atEdge) text = text.replace(h[1], ' ');
      else text = text.replace(h[1], h[1].slice(1));
    }
  }
  if (!owner) {
    // `[ICL] …`, `ICL: …`, `Hypha + ICL: …`, `Ed to …`, `Hypha will …`
    const lead =
      /^\s*\[([^\]\n]{1,40})\]\s*:?\s*(.*)$/s.exec(text) ??
      /^\s*([A-Za-z][\w.'-]{0,20}(?:\s*(?:\+|&|\/|\band\b)\s*[A-Za-z][\w.'-]{0,20}){0,3})\s*:\s+(.*)$/s.exec(
        text,
      );
    if (lead?.[1] && lead[2] !== undefined) {
      const group = ownerGroup(lead[1].trim(), aliases);
      if (group) {
        owner = normaliseOwner(group, aliases) ?? group;
        text = lead[2];
      }
    }
  }
  if (!owner) {
    const sub =
      /^\s*([A-Z][\w.'-]{0,20}(?:\s*(?:\+|&|\band\b)\s*[A-Z][\w.'-]{0,20}){0,3})\s+(to|will|should|must|is going to|are going to)\s+([a-z].*)$/s.exec(
        text,
      );
    // "Blocks will be created …" is a sentence about things: `will`/`should` only name a singular owner or an acronym.
    const modalPlural =
      sub?.[2] !== 'to' && sub?.[1] !== undefined && /^[A-Z][a-z]+s$/.test(sub[1].trim());
    if (sub?.[1] && sub[3] !== undefined && !modalPlural) {
      const group = ownerGroup(sub[1].trim(), aliases);
      if (group) {
        owner = normaliseOwner(group, aliases) ?? group;
        text = sub[3];
      }
    }
  }
  if (!owner) {
    // A trailing `(Alice)`, `(Alice Smith)`, `(AB)`: one to three capitalised words in parentheses.
    const tail = /\(\s*([A-Z][\w.'-]{0,20}(?:\s+[A-Z][\w.'-]{0,20}){0,2})\s*\)\s*\.?\s*$/.exec(
      text,
    );
    if (tail?.[1]) {
      const group = ownerGroup(tail[1].trim().replace(/\s+/g, ' and '), aliases);
      if (group && !ACRONYM_NOT_OWNER.has(tail[1].trim())) {
        owner = normaliseOwner(tail[1].trim(), aliases);
        text = text.slice(0, tail.index);
      }
    }
  }
  const tracker = pickTracker(links, capped);
  let title = tidy(text);
  // An item that is only a ref link keeps the link text as its title.
  if (title === '')
    title =
      links.map((l) => l.text).find((t) => t !== '') ??
      tidy(stripLinkMarks(capped, ' ').replace(/\s+/g, ' '));
  let priority: string | null = null;
  const p = /^\s*\[?\b(P[0-4])\b\]?\s*[:-]?\s+/.exec(title);
  if (p?.[1]) {
    priority = p[1];
    title = title.slice(p[0].length);
  }
  return {
    title: /^https?:/i.test(title) ? title : capitalise(title),
    owner,
    dueRaw,
    status,
    tracker,
    explicitId,
    priority,
  };
}
