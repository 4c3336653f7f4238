// `pnpm bench:ner`: named-entity recognition on the TEST parts of public corpora, exact-span match,
// precision / recall / F1 per type. Never used for training or tuning.
//   node benchmarks/ner.js [--data DIR]   (DIR holds factrueval/ and kaznerd/; default ../shared/external)
// Two views: "model" = the recognizer's own mentions; "system" = every mention of the analysis's
// entities (gazetteer-linked and unknown), i.e. what `topictag tag` reports. KazNERD is annotated flat
// (no name inside another), so there the system view leaves out mentions nested in a longer one
// (Алматы in Алматы облысы), as a flat reader of the output would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, outermostMentions, readFactRuEval, readKazNerd, scoreSpans } from '@topictag/core';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function benchNer(dataDir = join(root, '../shared/external')) {
  const sets = [
    { name: 'factRuEval-2016 testset/', path: join(dataDir, 'factrueval/testset'), read: readFactRuEval, lang: 'ru' },
    { name: 'KazNERD IOB2_test.txt', path: join(dataDir, 'kaznerd/IOB2_test.txt'), read: (p) => readKazNerd(p), lang: 'kk', flat: true },
  ];
  const analyzer = createAnalyzer();
  for (const set of sets) {
    if (!existsSync(set.path)) {
      console.log(`\nNER ${set.name}: skipped (not found at ${set.path}; pass --data DIR)`);
      continue;
    }
    const docs = set.read(set.path);
    const model = [];
    const system = [];
    const t0 = performance.now();
    for (const doc of docs) {
      const a = analyzer.analyze({ id: doc.id, source: doc.id, text: doc.text, lang: doc.lang });
      const input = { text: doc.text, lang: doc.lang, tokens: a.tokens, entityMatches: a.matches.filter((m) => m.kind === 'entity'), gazetteer: analyzer.gazetteer };
      model.push({ gold: doc.gold, predicted: analyzer.ner.recognize(input) });
      const mentions = a.entities.flatMap((e) => e.mentions.map((m) => ({ type: e.type, start: m.start, end: m.end })));
      system.push({ gold: doc.gold, predicted: set.flat ? outermostMentions(mentions) : mentions });
    }
    const secs = (performance.now() - t0) / 1000;
    const gold = docs.reduce((n, d) => n + d.gold.length, 0);
    console.log(`\nNER ${set.name} (${docs.length} documents, ${gold} gold mentions, ${analyzer.ner.name}; exact span, %; analysis ${secs.toFixed(1)} s)`);
    console.log('  type           model P / R / F1        system P / R / F1');
    const m = scoreSpans(model);
    const s = scoreSpans(system);
    const f = (x) => `${(100 * x.precision).toFixed(1).padStart(5)} / ${(100 * x.recall).toFixed(1).padStart(5)} / ${(100 * x.f1).toFixed(1).padStart(5)}`;
    for (const t of ['person', 'organization', 'location']) console.log(`  ${t.padEnd(13)}  ${f(m[t])}    ${f(s[t])}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { data: { type: 'string', default: join(root, '../shared/external') } } });
  await benchNer(values.data);
}
