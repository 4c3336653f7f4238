// Stream a JSONL file ({id, title, text} per line) through tagMany: one output line per input line,
// bad lines included (they become error records), in bounded memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTagger } from '@topictag/tagger';

const path = process.argv[2] ?? fileURLToPath(new URL('./data/news.jsonl', import.meta.url));
const tagger = await createTagger();

async function* documents() {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    n++;
    const source = `${path}#${n}`;
    try {
      const { id, title, text } = JSON.parse(line);
      yield { id: String(id ?? n), source, title: title ?? null, text };
    } catch (err) {
      yield { id: String(n), source, error: { code: 'BAD_JSON', message: `line ${n}: ${err.message}` } };
    }
  }
}

for await (const r of tagger.tagMany(documents())) {
  console.log(JSON.stringify(r.error ? r : { id: r.id, lang: r.lang, topics: r.topics.map((t) => t.id), entities: r.entities.map((e) => e.id) }));
}
