// Adapter throughput (MB/s of input read into Documents, one thread) per input format, and the
// memory of streaming a large JSONL input record by record.
//   node benchmarks/adapters.js [--mb N]     (default 2 MB per format; also run by `pnpm bench`)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDocuments } from '@topictag/adapters';
import * as w from '../packages/adapters/test/fixtures/writers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function seedArticles() {
  const gold = JSON.parse(readFileSync(join(root, 'seeds/gold.json'), 'utf8')).documents;
  return gold.map((g) => ({ id: g.file.replace(/\.txt$/u, ''), lang: g.lang, title: g.title, date: g.date, text: readFileSync(join(root, 'seeds', g.file), 'utf8') }));
}

const LEGACY = { ru: 'windows-1251', kk: 'rk1048', ar: 'windows-1256' };

/** Files of each format, about `mb` MB in all: whole-file formats as many files, exports as one big file. */
async function buildCorpus(dir, mb) {
  const seeds = seedArticles();
  const en = JSON.parse(readFileSync(join(root, 'packages/adapters/test/fixtures/articles.json'), 'utf8')).articles.find((a) => a.lang === 'en');
  const target = mb * 1e6;
  const sets = {
    txt: (a) => [`${a.id}.txt`, w.toText(a)],
    'txt (legacy 8-bit)': (a) => [`${a.id}.txt`, w.encode(a.text, LEGACY[a.lang])],
    html: (a) => [`${a.id}.html`, w.toHtml(a, { chrome: true })],
    markdown: (a) => [`${a.id}.md`, w.toMarkdown({ ...a, paragraphs: w.linesOf(a) })],
    docx: async (a) => [`${a.id}.docx`, await w.toDocx(a)],
    pdf: () => [`en.pdf`, w.toPdf({ title: en.title, lines: Array.from({ length: 40 }, (_, i) => en.paragraphs[i % 2]) })],
  };
  const corpus = [];
  for (const [format, render] of Object.entries(sets)) {
    const sub = join(dir, format.replace(/\W+/g, '-'));
    let bytes = 0;
    for (let i = 0; bytes < target; i++) {
      const a = seeds[i % seeds.length];
      const [name, content] = await render(a);
      const path = join(sub, `${String(i).padStart(5, '0')}-${name}`);
      if (i === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(path, content);
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      if (format === 'pdf' && i >= 400) break;
    }
    corpus.push({ format, paths: [sub], bytes });
  }
  const many = (n) => Array.from({ length: n }, (_, i) => ({ ...seeds[i % seeds.length], id: `${seeds[i % seeds.length].id}-${i}` }));
  const per = Buffer.byteLength(w.toJsonl(seeds)) / seeds.length;
  const items = many(Math.ceil(target / per));
  for (const [format, name, content] of [
    ['jsonl', 'export.jsonl', w.toJsonl(items)],
    ['csv', 'export.csv', w.toCsv(items)],
    ['json (array)', 'export.json', JSON.stringify(items.map(w.toRecord))],
    ['rss', 'feed.rss', w.toRss(items.slice(0, Math.ceil(items.length / 4)))],
  ]) {
    writeFileSync(join(dir, name), content);
    corpus.push({ format, paths: [join(dir, name)], bytes: Buffer.byteLength(content) });
  }
  return corpus;
}

async function time(paths) {
  const t0 = performance.now();
  let docs = 0;
  let errors = 0;
  for await (const r of readDocuments(paths, { format: 'auto' })) {
    docs++;
    if ('error' in r) errors++;
  }
  return { secs: (performance.now() - t0) / 1000, docs, errors };
}

/** Streams `mb` MB of generated JSONL (never on disk) and reports throughput and heap growth. */
async function streamingMemory(mb) {
  const line = Buffer.from(`${JSON.stringify({ id: 'x', title: 'Kazakhstan takes over the CSTO chairmanship', text: 'Kazakhstan took over the chairmanship of the Collective Security Treaty Organization. '.repeat(20) })}\n`);
  const perChunk = 64;
  const chunks = Math.ceil((mb * 1e6) / (line.length * perChunk));
  const chunk = Buffer.concat(Array.from({ length: perChunk }, () => line));
  async function* input() {
    for (let i = 0; i < chunks; i++) yield chunk;
  }
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const t0 = performance.now();
  let docs = 0;
  for await (const r of readDocuments(['-'], { stdin: input() })) {
    if (++docs % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    void r;
  }
  const secs = (performance.now() - t0) / 1000;
  return { mb: (chunks * chunk.length) / 1e6, secs, docs, heapGrowthMb: (peak - before) / 1e6 };
}

export async function adapterThroughput({ mb = 2 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'topictag-bench-adapters-'));
  try {
    const corpus = await buildCorpus(dir, mb);
    console.log(`\nadapter throughput (read + decode + extract + boilerplate/title/date analysis, 1 thread, ~${mb} MB per format):`);
    console.log('  format               MB      docs    MB/s   docs/s');
    await time([join(root, 'seeds')]); // warm-up: module loading
    for (const { format, paths, bytes } of corpus) {
      const r = await time(paths);
      if (r.errors) throw new Error(`${format}: ${r.errors} error records`);
      console.log(`  ${format.padEnd(18)} ${(bytes / 1e6).toFixed(1).padStart(5)} ${String(r.docs).padStart(8)} ${(bytes / 1e6 / r.secs).toFixed(2).padStart(7)} ${(r.docs / r.secs).toFixed(0).padStart(8)}`);
    }
    const s = await streamingMemory(mb * 5);
    console.log(`  streaming JSONL from a generator: ${s.mb.toFixed(0)} MB, ${s.docs} records, ${(s.mb / s.secs).toFixed(2)} MB/s, heap growth ${s.heapGrowthMb.toFixed(0)} MB (bounded: one record at a time)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '2' } } });
  await adapterThroughput({ mb: Number(values.mb) });
}

