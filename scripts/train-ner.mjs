#!/usr/bin/env node
// Trains the shipped NER perceptrons of @topictag/core from the TRAIN parts of public corpora:
//   ru: factRuEval-2016 devset/   kk: KazNERD IOB2_valid.txt     (the test parts are never read here)
// Usage: node scripts/train-ner.mjs [--lang ru|kk|all] [--data DIR] [--epochs N] [--seed N] [--shuffles K] [--holdout K [--fold F] | --cv K] [--templates FILE] [--dry]
//   --data     directory holding factrueval/ and kaznerd/ (default ../shared/external beside the repo)
//   --holdout  K > 0: train on the other documents, score every K-th document of the train part (model selection); nothing written
//   --fold     with --holdout K, score the documents i with i % K = fold instead (0 … K−1)
//   --cv       K > 1: K-fold cross-validation on the train part: every fold held out in turn, counts summed,
//              P/R/F1 per type in the model and the system view (how every setting was chosen); nothing written
//   --templates  another templates file to try (default packages/core/data/ner/templates.json)
//   --seed     the first shuffling seed (default 7; other seeds show how much a CV difference is noise)
//   --shuffles K  train K times on shuffles seed … seed+K−1 and average the weights (default 3: steadier
//              than one shuffle, whose CV F1 moves by up to ±1 with the seed)
// Writes packages/core/data/ner/<lang>.model.json.gz (build the core first: pnpm run build).
// With --holdout, environment switches print more about the held-out documents:
//   NER_COUNTS=1  tp/fp/fn per type (sum them over folds for cross-validation)
//   NER_DEBUG=N   missed and extra mentions of the first N documents (model view)
//   NER_SYSTEM=1  the same counts in the system view of benchmarks/ner.js (gazetteer + this model);
//                 NER_SYSDEBUG=1 also prints its missed and extra mentions, with context
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  createAnalyzer, defaultCues, tokenAttributes, compileTemplates, sentenceFeatures, sentenceRanges, goldPaths,
  trainPerceptron, languageModel, modelMentions, createRecognizer, readFactRuEval, readKazNerd, scoreSpans, outermostMentions,
} from '@topictag/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'all' },
    data: { type: 'string', default: join(root, '../shared/external') },
    epochs: { type: 'string', default: '15' },
    seed: { type: 'string', default: '7' },
    shuffles: { type: 'string', default: '3' },
    holdout: { type: 'string', default: '0' },
    fold: { type: 'string', default: '0' },
    cv: { type: 'string', default: '0' },
    templates: { type: 'string', default: join(root, 'packages/core/data/ner/templates.json') },
    dry: { type: 'boolean', default: false },
  },
});
const CORPORA = {
  ru: { path: 'factrueval/devset', read: (p) => readFactRuEval(p), source: 'factRuEval-2016 devset/' },
  kk: { path: 'kaznerd/IOB2_valid.txt', read: (p) => readKazNerd(p), source: 'KazNERD IOB2_valid.txt' },
};
const config = JSON.parse(readFileSync(values.templates, 'utf8'));
const VERSION = config.version;
const TYPES = ['person', 'organization', 'location'];
const analyzer = createAnalyzer({ ner: false });
const cues = defaultCues();
const templates = compileTemplates(config.templates);

function prepare(doc) {
  const a = analyzer.analyze({ id: doc.id, source: doc.id, text: doc.text, lang: doc.lang });
  const input = { text: doc.text, lang: doc.lang, tokens: a.tokens, entityMatches: a.matches.filter((m) => m.kind === 'entity'), gazetteer: analyzer.gazetteer };
  return { doc, input };
}

function sentencesOf({ doc, input }) {
  const { tokens } = input;
  const attrs = tokenAttributes(input, cues);
  const mentions = [];
  for (const g of doc.gold) {
    let s = -1;
    let e = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].start >= g.start && tokens[i].end <= g.end) {
        if (s < 0) s = i;
        e = i + 1;
      }
    }
    if (s >= 0 && tokens[s].sentence === tokens[e - 1].sentence) mentions.push({ type: g.type, tokenStart: s, tokenEnd: e });
  }
  return sentenceRanges(tokens).map(([from, to]) => ({
    features: sentenceFeatures(attrs, from, to, templates),
    gold: goldPaths(to - from, TYPES, mentions.filter((m) => m.tokenStart >= from && m.tokenEnd <= to).map((m) => ({ ...m, tokenStart: m.tokenStart - from, tokenEnd: m.tokenEnd - from }))),
  }));
}

const langs = values.lang === 'all' ? Object.keys(CORPORA) : [values.lang];
for (const lang of langs) {
  const c = CORPORA[lang];
  if (!c) throw new Error(`no training corpus for ${lang}`);
  const path = join(values.data, c.path);
  if (!existsSync(path)) {
    console.log(`${lang}: skipped — training data not found at ${path} (pass --data DIR)`);
    continue;
  }
  const docs = c.read(path).map(prepare);
  const cv = Number(values.cv);
  if (cv > 1) {
    // cross-validation: counts summed over the folds, then P/R/F1
    const total = { model: zeroCounts(), system: zeroCounts() };
    for (let fold = 0; fold < cv; fold++) {
      const r = holdOut(lang, c, docs.filter((_, i) => i % cv !== fold), docs.filter((_, i) => i % cv === fold));
      for (const view of ['model', 'system']) for (const t of TYPES) total[view][t] = total[view][t].map((x, j) => x + r[view][t][j]);
    }
    console.log(`${lang}: ${cv}-fold cross-validation on ${c.source} (exact span, %; tp fp fn summed over folds)`);
    for (const t of TYPES) console.log(`  ${t.padEnd(13)} model ${prf(total.model[t])}   system ${prf(total.system[t])}`);
    continue;
  }
  const k = Number(values.holdout);
  const fold = Number(values.fold);
  const train = k > 0 ? docs.filter((_, i) => i % k !== fold) : docs;
  const held = k > 0 ? docs.filter((_, i) => i % k === fold) : [];
  if (held.length) {
    holdOut(lang, c, train, held);
    continue;
  }
  const data = trainOn(lang, c, train);
  if (values.dry) continue;
  const out = join(root, `packages/core/data/ner/${lang}.model.json.gz`);
  const gz = gzipSync(JSON.stringify(data), { level: 9 });
  writeFileSync(out, gz);
  console.log(`  wrote ${out} (${(gz.length / 1e6).toFixed(2)} MB)`);
}

/** Trains a perceptron of `lang` on the prepared documents `train` (the average of `--shuffles` runs). */
function trainOn(lang, c, train) {
  const sentences = train.flatMap(sentencesOf);
  console.log(`${lang}: ${train.length} documents, ${sentences.length} sentences from ${c.source}`);
  const runs = Array.from({ length: Number(values.shuffles) }, (_, r) => trainPerceptron(sentences, {
    lang, version: VERSION, types: TYPES, templates: config.templates, epochs: Number(values.epochs), seed: Number(values.seed) + r, prune: config.prune, scale: config.scale,
    training: { script: 'scripts/train-ner.mjs', corpus: c.source, documents: train.length, date: new Date().toISOString().slice(0, 10) },
    onEpoch: (e, m) => process.stdout.write(`  epoch ${e}: ${m} wrong chains\n`),
  }));
  const data = runs.length === 1 ? runs[0] : averageRuns(runs);
  console.log(`  features: ${data.training.features} seen, ${data.training.kept} kept`);
  return data;
}

/** The average of perceptrons trained on different shuffles: every feature's weights (0 where a run lacks it) and the transitions. */
function averageRuns(runs) {
  const n = runs.length;
  const width = Object.values(runs[0].features)[0]?.length ?? 0; // types × tags
  const features = {};
  for (const name of new Set(runs.flatMap((r) => Object.keys(r.features)))) {
    const row = Array.from({ length: width }, (_, j) => Math.round(runs.reduce((s, r) => s + (r.features[name]?.[j] ?? 0), 0) / n));
    if (row.some((v) => v !== 0)) features[name] = row;
  }
  const transitions = runs[0].transitions.map((row, t) => row.map((_, j) => Math.round(runs.reduce((s, r) => s + r.transitions[t][j], 0) / n)));
  return { ...runs[0], features, transitions, training: { ...runs[0].training, shuffles: n, seeds: runs.map((_, r) => Number(values.seed) + r), kept: Object.keys(features).length } };
}

/**
 * Trains on `train`, scores the held-out documents `held` in the model view and in the system view of
 * benchmarks/ner.js (gazetteer + this model, outermost mentions for flat KazNERD); returns both counts.
 */
function holdOut(lang, c, train, held) {
  const model = languageModel(trainOn(lang, c, train));
  const pairs = held.map(({ doc, input }) => ({ gold: doc.gold, predicted: modelMentions(input, model, cues), text: doc.text }));
  const s = scoreSpans(pairs);
  if (process.env.NER_DEBUG) printErrors(pairs.slice(0, Number(process.env.NER_DEBUG) || 6), '');
  if (process.env.NER_COUNTS) console.log(`  counts ${JSON.stringify(countsOf(s))}`);
  const sys = createAnalyzer({ ner: createRecognizer({ models: new Map([[lang, model]]), ruleLanguages: [], cues }) });
  const sysPairs = held.map(({ doc }) => {
    const a = sys.analyze({ id: doc.id, source: doc.id, text: doc.text, lang: doc.lang });
    const ms = a.entities.flatMap((e) => e.mentions.map((m) => ({ type: e.type, start: m.start, end: m.end, id: e.id })));
    return { gold: doc.gold, predicted: lang === 'kk' ? outermostMentions(ms) : ms, text: doc.text };
  });
  const system = countsOf(scoreSpans(sysPairs));
  if (process.env.NER_SYSDEBUG) printErrors(sysPairs, 'sys');
  if (process.env.NER_SYSTEM) console.log(`  syscounts ${JSON.stringify(system)}`);
  for (const t of TYPES) console.log(`  held-out ${t}: P ${(100 * s[t].precision).toFixed(1)} R ${(100 * s[t].recall).toFixed(1)} F1 ${(100 * s[t].f1).toFixed(1)}`);
  return { model: countsOf(s), system };
}

function zeroCounts() {
  return Object.fromEntries(TYPES.map((t) => [t, [0, 0, 0]]));
}

/** P / R / F1 (%) of [tp, fp, fn]. */
function prf([tp, fp, fn]) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [p, r, f].map((x) => (100 * x).toFixed(1).padStart(5)).join(' /');
}

/** tp, fp, fn per type. */
function countsOf(scores) {
  return Object.fromEntries(TYPES.map((t) => [t, [scores[t].tp, scores[t].fp, scores[t].fn]]));
}

/** Prints the missed gold mentions and the extra predicted ones (with their id, if any, and context). */
function printErrors(pairs, prefix) {
  const key = (m) => `${m.type}:${m.start}:${m.end}`;
  for (const { gold, predicted, text } of pairs) {
    const p = new Set(predicted.map(key));
    const g = new Set(gold.map(key));
    for (const m of gold) if (!p.has(key(m))) console.log(`  ${prefix}miss`, m.type, text.slice(m.start, m.end));
    for (const m of predicted) if (!g.has(key(m))) console.log(`  ${prefix}extra`, m.type, m.id ?? '', text.slice(m.start, m.end), '|', text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\n/g, ' '));
  }
}
