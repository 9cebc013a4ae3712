// Dev helper: prints the corpus report (node --import tsx test/corpus/report.ts [filter]).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostmortem } from '../../src/core/markdown/parse-postmortem.js';
import { formatCorpusReport } from './format-report.js';

const dir = join(import.meta.dirname, '../../../shared/corpus/real');
const filter = process.argv[2] ?? '';
for (const f of readdirSync(dir).sort()) {
  if (f === 'SOURCES.tsv' || !f.includes(filter)) continue;
  const pm = parsePostmortem(readFileSync(join(dir, f), 'utf8'), f);
  console.log(formatCorpusReport(pm, process.argv.includes('--full')));
}
