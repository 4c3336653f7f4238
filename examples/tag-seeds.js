// Tag every file of a folder (default: the seed corpus) and print one line per document.
import { readDocuments } from '@topictag/adapters';
import { createTagger } from '@topictag/tagger';

const dir = process.argv[2] ?? new URL('../seeds/', import.meta.url).pathname;
const tagger = await createTagger();

async function* documents() {
  for await (const record of readDocuments([dir])) yield 'document' in record ? record.document : record;
}

for await (const r of tagger.tagMany(documents())) {
  if (r.error) {
    console.log(`${r.id}: error ${r.error.code}: ${r.error.message}`);
    continue;
  }
  const entities = [...r.entities].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, 4);
  console.log(`${r.id} [${r.lang}] ${r.date ?? '—'} ${r.title ?? '(no title)'}`);
  console.log(`  topics:   ${r.topics.map((t) => `${t.id} ${t.score.toFixed(2)}`).join(', ')}`);
  console.log(`  entities: ${entities.map((e) => `${e.name} ×${e.mentions.length}`).join(', ')}`);
}
