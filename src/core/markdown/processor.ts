import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The one markdown processor of the project (CommonMark + GFM + YAML/TOML front matter), built once. */
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .freeze();

/** Parses markdown text into an mdast tree (parse only: no transforms run). */
export function parseMarkdown(text: string): Root {
  return markdownProcessor.parse(text);
}
