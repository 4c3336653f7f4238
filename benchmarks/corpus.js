// A gold-annotated corpus (seeds/, ../shared/dev/): its gold file and its documents, read once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '@topictag/adapters';
import { parseGold } from '@topictag/cli';

/** `dir/gold.json` and the documents it lists (in `dir/docs/` when there is one, else in `dir`). */
export async function readCorpus(dir) {
  const gold = parseGold(JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')), join(dir, 'gold.json'));
  const docsDir = existsSync(join(dir, 'docs')) ? join(dir, 'docs') : dir;
  const docs = [];
  for (const d of gold.documents) {
    const r = await readDocument(join(docsDir, d.file));
    if (!('document' in r)) throw new Error(`${d.file}: ${r.error.message}`);
    docs.push({ file: d.file, document: r.document });
  }
  return { gold, docs };
}
