import type { Definition, Nodes } from 'mdast';
import { SOFT_LINK_CLOSE, SOFT_LINK_OPEN, TICKET_LINK_MARK } from './link-marks.js';

/** A link met while flattening inline content. */
export interface InlineLink {
  url: string | null;
  text: string;
  /** True when the link text only names a ticket (`#12`, `jira`, `issue`, `PR #5`), so it is not part of the title. */
  refOnly: boolean;
}

/** Plain text of inline content with its links and inline HTML, gathered in one pass. */
export interface InlineText {
  text: string;
  links: InlineLink[];
  html: string[];
}

/** Link texts that only name a ticket: dropped from titles wherever they stand. */
const HARD_REF_RE =
  /^(?:#\d{1,9}|[A-Z][A-Z0-9]{1,9}-\d{1,9}|(?:issue|pr|pull request|bug|ticket)s?\s+#?\d{1,9}|pr\s*#\d{1,9}|jira(?: link| ticket)?|fixed|done|https?:\/\/\S+)$/i;

const REF_TEXT_RE =
  /^(?:#\d{1,9}|[A-Z][A-Z0-9]{1,9}-\d{1,9}|(?:jira|issue|ticket|tracking issue|github issue|gh issue|bug|card|trello|basecamp|pr|pull request|pull|link|here|issue here|fixed|done|commit|see|details|discussion)(?:\s*#?\d{1,9})?|(?:issue|pr|pull request|bug|ticket)s?\s+#?\d{1,9}|https?:\/\/\S+)$/i;

/** True when a link's text only names a ticket or says "link". */
export function isRefText(text: string): boolean {
  return REF_TEXT_RE.test(text.trim());
}

/** Maps reference-link labels to their definitions (top-level definitions only). */
export type Definitions = Map<string, string>;

/** Collects the link definitions of a block list. */
export function collectDefinitions(nodes: readonly Nodes[]): Definitions {
  const defs: Definitions = new Map();
  for (const node of nodes) {
    if (node.type === 'definition') {
      const d = node as Definition;
      const key = d.identifier.toLowerCase();
      if (!defs.has(key)) defs.set(key, d.url);
    }
  }
  return defs;
}

/**
 * Flattens inline (phrasing) content to plain text, recording links; ref-only links (`[#12](url)`,
 * `[jira](url)`) are recorded but left out of the text. Nested lists are not entered.
 */
export function inlineText(
  nodes: readonly Nodes[],
  defs: Definitions,
  out: InlineText = { text: '', links: [], html: [] },
  skipRefs = true,
): InlineText {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.text += node.value;
        break;
      case 'break':
        out.text += '\n';
        break;
      case 'html':
        out.html.push(node.value);
        break;
      case 'link':
      case 'linkReference': {
        const inner = inlineText(
          node.children as Nodes[],
          defs,
          { text: '', links: [], html: out.html },
          skipRefs,
        );
        const url =
          node.type === 'link' ? node.url : (defs.get(node.identifier.toLowerCase()) ?? null);
        const refOnly = isRefText(inner.text);
        out.links.push({ url, text: inner.text.trim(), refOnly }, ...inner.links);
        if (!(skipRefs && refOnly)) out.text += inner.text;
        else if (HARD_REF_RE.test(inner.text.trim())) out.text += TICKET_LINK_MARK;
        else out.text += `${SOFT_LINK_OPEN}${inner.text}${SOFT_LINK_CLOSE}`;
        break;
      }
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
      case 'list':
      case 'code':
      case 'table':
        break;
      case 'paragraph':
      case 'heading':
        if (out.text !== '' && !out.text.endsWith('\n')) out.text += '\n';
        inlineText(node.children as Nodes[], defs, out, skipRefs);
        break;
      default:
        if ('children' in node && Array.isArray(node.children))
          inlineText(node.children as Nodes[], defs, out, skipRefs);
        else if ('value' in node && typeof node.value === 'string') out.text += node.value;
    }
  }
  return out;
}
