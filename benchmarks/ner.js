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
import { createAnalyzer, getLanguage, outermostMentions, readFactRuEval, readKazNerd, scoreSpans } from '@topictag/core';

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
    baseNames(docs, set.lang);
  }
}

/**
 * How often the language pack's base form of a gold mention (`LanguagePack.baseName`, the name
 * `topictag` gives an unknown entity) is the corpus's normalized name, against the mention as written.
 * A person's words count when each is one of the normalized name's words (a surname alone may stand
 * for the full name).
 */
function baseNames(docs, lang) {
  const named = docs.flatMap((d) => d.gold.filter((g) => g.name).map((g) => ({ g, words: d.text.slice(g.start, g.end).split(/\s+/u) })));
  if (!named.length) return;
  const pack = getLanguage(lang);
  const key = (w) => w.toLowerCase().replace(/ё/gu, 'е');
  const same = (words, g) => (g.type === 'person' ? words.every((w) => g.name.map(key).includes(key(w))) : words.map(key).join(' ') === g.name.map(key).join(' '));
  console.log('  names: gold mentions whose normalized name the corpus gives, % equal to it');
  console.log('  type           mentions   as written   base form');
  for (const t of ['person', 'organization', 'location']) {
    const xs = named.filter((x) => x.g.type === t);
    const pct = (n) => `${((100 * n) / Math.max(1, xs.length)).toFixed(1)}`.padStart(10);
    console.log(`  ${t.padEnd(13)}  ${String(xs.length).padStart(8)}  ${pct(xs.filter((x) => same(x.words, x.g)).length)}  ${pct(xs.filter((x) => same(pack.baseName(x.words, t), x.g)).length)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { data: { type: 'string', default: join(root, '../shared/external') } } });
  await benchNer(values.data);
}
