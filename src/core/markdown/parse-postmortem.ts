import type { Root, RootContent } from 'mdast';
import type { Postmortem } from '../model/index.js';
import { assemblePostmortem, frontMatterValue } from './assemble-postmortem.js';
import { findDate } from './dates.js';
import { DocumentContext } from './document-context.js';
import { emptyPostmortem } from './empty-postmortem.js';
import { collectDefinitions } from './inline-text.js';
import { metaString, readFrontMatter } from './metadata.js';
import type { ParseOptions } from './parse-options.js';
import { parseMarkdown } from './processor.js';
import { SectionWalker } from './section-walker.js';

/** The front-matter node (remark-frontmatter's `yaml` or `toml`) when the document starts with one. */
function frontMatterNode(
  node: RootContent | undefined,
): { type: 'yaml' | 'toml'; value: string; position?: RootContent['position'] } | null {
  const n = node as
    { type: string; value?: unknown; position?: RootContent['position'] } | undefined;
  if (!n || (n.type !== 'yaml' && n.type !== 'toml') || typeof n.value !== 'string') return null;
  return n as { type: 'yaml' | 'toml'; value: string; position?: RootContent['position'] };
}

/**
 * Reads a post-mortem out of its parsed markdown tree: the front matter first (its date anchors
 * year-less dates in the body), then one walk over the blocks, then the assembly of the result.
 */
export function extractPostmortem(
  tree: Root,
  path: string,
  options: ParseOptions = {},
): Postmortem {
  const doc = new DocumentContext(path, collectDefinitions(tree.children), options);
  const first = frontMatterNode(tree.children[0]);
  let frontMatter = { data: {} as Record<string, unknown>, keyLines: {} as Record<string, number> };
  if (first) {
    const fm = readFrontMatter(first.type, first.value, (first.position?.start.line ?? 1) + 1);
    frontMatter = { data: fm.data, keyLines: fm.keyLines };
    if (fm.error)
      doc.diag(
        first.position?.start.line ?? 1,
        'parse-frontmatter',
        `Front matter could not be read (${fm.error}): fix the ${first.type.toUpperCase()} between the --- lines.`,
      );
    const d = frontMatterValue(frontMatter, 'incidentDate');
    const s = d ? metaString(d.value) : null;
    const found = s ? findDate(s, { order: doc.order }) : null;
    if (found?.parse.kind === 'date') doc.reference = found.parse.date;
  }
  const walker = new SectionWalker(doc);
  walker.walk(first ? tree.children.slice(1) : tree.children);
  return assemblePostmortem(doc, frontMatter, walker);
}

/** Parses one post-mortem; never throws (failures become a `parse-error` diagnostic). */
export function parsePostmortem(
  text: string,
  path: string,
  options: ParseOptions = {},
): Postmortem {
  try {
    const tree: Root = parseMarkdown(typeof text === 'string' ? text : String(text));
    return extractPostmortem(tree, path, options);
  } catch (error) {
    const pm = emptyPostmortem(path);
    const reason = error instanceof Error ? error.message : String(error);
    pm.diagnostics.push({
      file: path,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'parse-error',
      message: `${path}:1: the file could not be parsed (${reason.slice(0, 200)}); check it is UTF-8 markdown.`,
    });
    return pm;
  }
}
