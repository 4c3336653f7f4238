// Adapters and the tagger together: a page's boilerplate yields no topics, and a seed document read
// from any format or encoding gets the topics and entities of the plain file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTagger, type Tagger } from '@topictag/tagger';
import type { Document } from '@topictag/core';
import { readDocument, readDocuments, type AdapterRecord } from '../src/index.js';
import { readGold, readSeed } from './helpers.js';
import { encode, toCsv, toDocx, toHtml, toJsonl, toRss, type Article } from './fixtures/writers.mjs';

const FILES = fileURLToPath(new URL('./fixtures/files/', import.meta.url));
let tagger: Tagger;
let dir = '';

beforeAll(async () => {
  tagger = await createTagger({ cacheSize: 0 });
  dir = await mkdtemp(join(tmpdir(), 'topictag-formats-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function doc(record: AdapterRecord | undefined): Document {
  if (record === undefined || !('document' in record)) throw new Error(`not a document: ${JSON.stringify(record)}`);
  return record.document;
}

async function labels(d: Document): Promise<{ topics: string[]; entities: string[] }> {
  const r = await tagger.tag(d);
  return { topics: r.topics.map((t) => t.id).sort(), entities: r.entities.flatMap((e) => (e.id ? [e.id] : [])).sort() };
}

test('an HTML news page: menus, "related news", comments and footer yield no topics or entities', async () => {
  const d = doc(await readDocument(`${FILES}news-page.html`));
  expect(d).toMatchObject({ title: 'Казахстан принял председательство в ОДКБ', date: '2024-01-05', url: 'https://example.kz/news/2024/01/05/csto', lang: 'ru' });
  const r = await tagger.tag(d);
  const topics = r.topics.map((t) => t.id);
  expect(topics).toContain('csto-chairmanship');
  for (const off of ['brics', 'sco', 'afghanistan', 'drug-trafficking']) expect(topics).not.toContain(off);
  const entities = r.entities.map((e) => e.id);
  expect(entities).toContain('person:kassym-jomart-tokayev');
  for (const off of ['org:brics', 'org:sco', 'country:AF']) expect(entities).not.toContain(off);
  for (const e of r.entities) for (const m of e.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
});

const LEGACY: Record<string, string> = { ru: 'windows-1251', kk: 'rk1048', ar: 'windows-1256' };

describe.each(readGold().map((g) => [g.file, g] as const))('seed %s in every format', (file, gold) => {
  const article: Article = { id: file.replace(/\.txt$/u, ''), lang: gold.lang, title: gold.title, date: gold.date, text: readSeed(file) };
  let plain: { topics: string[]; entities: string[] };

  beforeAll(async () => {
    plain = await labels(doc(await readDocument(fileURLToPath(new URL(`../../../seeds/${file}`, import.meta.url)))));
    expect(plain.topics.length).toBeGreaterThan(0);
  });

  const renderings: Array<[string, () => Promise<Uint8Array | string>]> = [
    ['html', async () => toHtml(article)],
    ['rss', async () => toRss([article])],
    ['jsonl', async () => toJsonl([article])],
    ['csv', async () => toCsv([article])],
    ['docx', async () => toDocx(article)],
    [`${LEGACY[gold.lang]}.txt`, async () => encode(article.text!, LEGACY[gold.lang]!)],
  ];

  test.each(renderings)('%s gets the topics and entities of the plain file', async (ext, render) => {
    const path = join(dir, `${article.id}.${ext}`);
    await writeFile(path, await render());
    const records: AdapterRecord[] = [];
    for await (const r of readDocuments([path])) records.push(r);
    expect(records.length).toBe(1);
    expect(await labels(doc(records[0]))).toEqual(plain);
  });
});
