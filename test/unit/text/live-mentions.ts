/** Which `@mentions` GitHub would link (and notify) in rendered markdown: a test oracle. */
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../../src/core/markdown/processor.js';

// GitHub's mention filters work on rendered text outside code and links: `@login` or `@org/team`
// after the start of a text node or a non-word character.
const MENTION = /(?:^|[^A-Za-z0-9_])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)?)/g;

/** The handles (without `@`) a GitHub rendering of `markdown` would mention, in order. */
export function liveMentions(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'link') return;
    if (node.type === 'text') {
      for (const m of node.value.matchAll(MENTION)) out.push(m[1]!);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(markdown));
  return out;
}
