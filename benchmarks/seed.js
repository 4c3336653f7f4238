// `pnpm bench`: accuracy on the seed corpus (and on ../shared/dev when present), throughput and memory.
//   node benchmarks/seed.js [--dev PATH] [--seconds N]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createTagger } from '@topictag/tagger';
import { evaluate, evalTable, predictionOf } from '@topictag/cli';
import { benchNer } from './ner.js';
import { readCorpus } from './corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    dev: { type: 'string', default: join(root, '../shared/dev') },
    seconds: { type: 'string', default: '3' },
  },
});

const t0 = performance.now();
const tagger = await createTagger({ cacheSize: 0 });
const startup = performance.now() - t0;


async function accuracy(name, { gold, docs }) {
  const predictions = new Map();
  for (const { file, document } of docs) {
    const r = await tagger.tag(document);
    predictions.set(file, predictionOf(r));
  }
  console.log(`\n${name}: accuracy (topics and entity ids: micro precision / recall / F1, %)`);
  console.log(evalTable(evaluate(gold, predictions), false));
}

const seeds = await readCorpus(join(root, 'seeds'));
await accuracy(`seed corpus (${seeds.docs.length} documents)`, seeds);

let dev = null;
if (existsSync(join(values.dev, 'gold.json'))) {
  dev = await readCorpus(values.dev);
  await accuracy(`dev set ${values.dev} (${dev.docs.length} documents)`, dev);
} else {
  console.log(`\ndev set: skipped (no gold.json at ${values.dev}; pass --dev PATH)`);
}

// Throughput: tag the documents again and again (no result cache) for at least --seconds.
const docs = [...seeds.docs, ...(dev?.docs ?? [])].map((d) => d.document);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const budget = Number(values.seconds) * 1000;
/** ms per document over alternating rounds of each tagger (min per tagger: the least disturbed round). */
async function msPerDoc(taggers) {
  const best = taggers.map(() => Infinity);
  let rounds = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budget || rounds < 3) {
    for (const [i, t] of taggers.entries()) {
      const t1 = performance.now();
      for (const d of docs) await t.tag(d);
      best[i] = Math.min(best[i], (performance.now() - t1) / docs.length);
    }
    rounds++;
  }
  return { best, rounds };
}
const { best: [withNer, withoutNer], rounds } = await msPerDoc([tagger, await createTagger({ cacheSize: 0, ner: false })]);
const mbs = (ms) => (bytes / docs.length / 1e6 / (ms / 1000)).toFixed(2);
console.log(`\nthroughput (lexical mode, 1 thread, ${docs.length} documents, best of ${rounds} rounds, ${(bytes / 1e3).toFixed(0)} kB each round):`);
console.log(`  ${mbs(withNer)} MB/s, ${(1000 / withNer).toFixed(0)} docs/s, ${withNer.toFixed(2)} ms/doc`);
console.log(`  without NER: ${mbs(withoutNer)} MB/s, ${withoutNer.toFixed(2)} ms/doc (NER adds ${((withNer / withoutNer - 1) * 100).toFixed(0)}% to tagging)`);
console.log(`  start-up (load gazetteer + taxonomy, compile lexicon): ${startup.toFixed(0)} ms`);
const usage = process.resourceUsage();
console.log(`  peak memory (max RSS): ${(usage.maxRSS / 1024).toFixed(0)} MB; heap used now: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

await benchNer(); // named entities on the public test sets (skips when ../shared/external is absent)

// Adapter throughput per input format (benchmarks/adapters.js).
await (await import('./adapters.js')).adapterThroughput();
