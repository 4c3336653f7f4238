// Tag a string from code and print each topic with the sentences and words that support it.
import { createTagger } from '@topictag/tagger';

const tagger = await createTagger();
const text =
  'Председательство в Организации Договора о коллективной безопасности (ОДКБ) с 1 января перешло к Казахстану. ' +
  'Касым-Жомарт Токаев назвал приоритетами борьбу с незаконным оборотом наркотиков и международным терроризмом.';

const result = await tagger.tag(text);
console.log(`language: ${result.lang}`);
for (const topic of result.topics) {
  console.log(`\n${topic.id} (${topic.label}) score ${topic.score}`);
  for (const e of topic.evidence) {
    console.log(`  [${e.start}–${e.end}] ${e.text}`);
    console.log(`    matched: ${e.matches.map((m) => `«${text.slice(m.start, m.end)}»`).join(', ')}`);
  }
}
console.log('\nentities:');
for (const e of result.entities) {
  console.log(`  ${e.id} ${e.name}: ${e.mentions.map((m) => `${m.text}@${m.start}`).join(', ')}`);
}
