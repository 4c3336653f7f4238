// Use your own taxonomy file (YAML or JSON) instead of the built-in one.
import { fileURLToPath } from 'node:url';
import { createTagger } from '@topictag/tagger';

const taxonomy = fileURLToPath(new URL('./data/energy-taxonomy.yaml', import.meta.url));
const tagger = await createTagger({ taxonomy });
console.log(`taxonomy "${tagger.taxonomy.name}": ${tagger.taxonomy.topics.map((t) => t.id).join(', ')}`);

const texts = [
  'Казахстан и Китай договорились увеличить транзит газа по газопроводу Казахстан — Китай.',
  'Қазақстан мен Ресей атом электр станциясын салу туралы келісімге қол қойды.',
  'The ministers discussed new oil pipelines across the Caspian Sea and nuclear power plants.',
  'Погода в Астане: завтра ожидается снег.',
];
for (const text of texts) {
  const r = await tagger.tag(text);
  const topics = r.topics.map((t) => `${t.id} (${t.score})`).join(', ') || 'no topic';
  console.log(`[${r.lang}] ${topics} ← ${text}`);
}
