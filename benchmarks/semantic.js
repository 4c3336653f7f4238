// `pnpm bench:semantic [--model ID|PATH] [--dtype q8|fp32|…] [--seconds N] [--worker] [--dev PATH]`:
// semantic and hybrid modes with an embedding model: model load time, documents and sentences per
// second (embedding cache and result cache off), peak memory, and topic F1 on the seed corpus (and
// the dev set when present) in lexical, semantic and hybrid modes.
// Without --model it runs on the tiny static-embedding model of scripts/make-tiny-model.mjs (written to
// a temporary folder): that proves the code path and gives its cost, not meaningful accuracy.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createEmbedder, createTagger } from '@topictag/tagger';
import { evaluate, predictionOf } from '@topictag/cli';
import { makeTinyModel } from '../scripts/make-tiny-model.mjs';
import { readCorpus } from './corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    dtype: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    worker: { type: 'boolean', default: false },
    dev: { type: 'string', default: join(root, '../shared/dev') },
  },
});

let model = values.model;
let cleanup = null;
if (!model) {
  const dir = mkdtempSync(join(tmpdir(), 'topictag-tiny-'));
  model = makeTinyModel(join(dir, 'tiny')).path;
  cleanup = dir;
  console.log(`model: tiny fixture model (scripts/make-tiny-model.mjs) at ${model}; pass --model ID|PATH for a real one`);
}
const dtype = values.dtype ?? (values.model ? 'q8' : 'fp32');


const t0 = performance.now();
const embedder = await createEmbedder({ model, dtype, worker: values.worker, cacheSize: 0 });
const loadMs = performance.now() - t0;
const info = embedder.info;
console.log(`model ${info.model} (${info.path}): dtype ${info.dtype}, ${info.dimensions} dimensions, ${info.pooling} pooling, max ${info.maxTokens} tokens, prefixes ${JSON.stringify(info.prefixes)}`);
console.log(`model load: ${loadMs.toFixed(0)} ms${values.worker ? ' (worker thread)' : ''}`);

const corpora = [['seeds', await readCorpus(join(root, 'seeds'))]];
if (existsSync(join(values.dev, 'gold.json'))) corpora.push(["dev", await readCorpus(values.dev)]);
else console.log(`dev set: skipped (no gold.json at ${values.dev})`);

console.log('\ntopic accuracy, micro precision / recall / F1 (%):');
console.log('corpus'.padEnd(12), 'mode'.padEnd(9), 'P'.padStart(6), 'R'.padStart(6), 'F1'.padStart(6));
const taggers = {};
for (const mode of ['lexical', 'semantic', 'hybrid']) {
  const ts = performance.now();
  taggers[mode] = await createTagger(mode === 'lexical' ? { cacheSize: 0 } : { mode, embedder, cacheSize: 0 });
  if (mode !== 'lexical') console.log(`  (${mode} tagger start-up, prototypes and calibration: ${(performance.now() - ts).toFixed(0)} ms)`);
}
for (const [name, { gold, docs }] of corpora) {
  for (const mode of ['lexical', 'semantic', 'hybrid']) {
    const predictions = new Map();
    for (const { file, document } of docs) {
      const r = await taggers[mode].tag(document);
      predictions.set(file, predictionOf(r));
    }
    const t = evaluate(gold, predictions).byLang.all?.topics;
    const pct = (x) => (x === undefined ? '?' : (100 * x).toFixed(1)).padStart(6);
    console.log(name.slice(0, 12).padEnd(12), mode.padEnd(9), pct(t?.precision), pct(t?.recall), pct(t?.f1));
  }
}

// Throughput: semantic and hybrid over all documents, again and again, for at least --seconds each.
const docs = corpora.flatMap(([, c]) => c.docs.map((d) => d.document));
const sentences = docs.reduce((n, d) => n + taggers.lexical.analyze(d).sentences.length, 0);
console.log(`\nthroughput (${docs.length} documents, ${sentences} sentences per round; no caches):`);
for (const mode of ['semantic', 'hybrid']) {
  let rounds = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < Number(values.seconds) * 1000 || rounds < 1) {
    for await (const r of taggers[mode].tagMany(docs)) if (r.error) throw new Error(r.error.message);
    rounds++;
  }
  const secs = (performance.now() - t1) / 1000;
  console.log(`  ${mode.padEnd(9)} ${((docs.length * rounds) / secs).toFixed(1)} docs/s, ${((sentences * rounds) / secs).toFixed(0)} sentences/s (${rounds} rounds, ${secs.toFixed(1)} s)`);
}
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await embedder.dispose();
if (cleanup) rmSync(cleanup, { recursive: true, force: true });
