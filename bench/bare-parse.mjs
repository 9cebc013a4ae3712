// The floor for a remark-based tool: read each file named (or every .md under a folder named)
// and parse it with unified + remark-parse + remark-gfm, nothing else.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);
for (const arg of process.argv.slice(2)) {
  const files = statSync(arg).isDirectory()
    ? readdirSync(arg, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => join(arg, f))
    : [arg];
  for (const file of files) processor.parse(readFileSync(file, 'utf8'));
}
