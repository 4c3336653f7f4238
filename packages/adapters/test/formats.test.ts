import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { readDocument, readDocuments, type AdapterRecord } from '../src/index.js';
import type { Document } from '@topictag/core';

const FILES = fileURLToPath(new URL('./fixtures/files/', import.meta.url));
const { articles } = JSON.parse(readFileSync(new URL('./fixtures/articles.json', import.meta.url), 'utf8')) as {
  articles: Array<{ id: string; lang: string; title: string; date: string; url: string; paragraphs: string[] }>;
};

async function collect(paths: string[], options: Parameters<typeof readDocuments>[1] = {}): Promise<AdapterRecord[]> {
  const out: AdapterRecord[] = [];
  for await (const r of readDocuments(paths.map((p) => (p === '-' ? p : FILES + p)), options)) out.push(r);
  return out;
}

function doc(record: AdapterRecord | undefined): Document {
  if (record === undefined || !('document' in record)) throw new Error(`not a document: ${JSON.stringify(record)}`);
  return record.document;
}

/** Every paragraph of the article is in the text, on a line of its own; the title is a line too. */
function expectArticleText(d: Document, a: (typeof articles)[number]): void {
  const lines = d.text.split('\n').map((l) => l.trim());
  for (const p of a.paragraphs) expect(lines).toContain(p);
  expect(lines).toContain(a.title);
}

describe.each(articles.map((a) => [a.id, a] as const))('single-document formats: %s', (id, a) => {
  test.each(['txt', 'html', 'md', 'docx'])('.%s: text, title, date, id', async (ext) => {
    const d = doc(await readDocument(`${FILES}${id}.${ext}`));
    expect(d.id).toBe(id);
    expect(d.title).toBe(a.title);
    expectArticleText(d, a);
    // A DOCX carries no date here; every other rendering shows one.
    expect(d.date).toBe(ext === 'docx' ? null : a.date);
    if (ext === 'html' || ext === 'md') expect(d.url).toBe(a.url);
    if (ext === 'html') expect(d.lang).toBe(a.lang);
  });
});

test('PDF: text of the page, title from the metadata, date from the text', async () => {
  const a = articles.find((x) => x.id === 'en-brics')!;
  const d = doc(await readDocument(`${FILES}en-brics.pdf`));
  expect(d).toMatchObject({ id: 'en-brics', title: a.title, date: a.date, meta: { format: 'pdf' } });
  expectArticleText(d, a);
});

describe('multi-record formats: one document per item, id from the id field, source path#N', () => {
  test.each(['export.jsonl', 'export.json', 'export.csv', 'export.tsv', 'feed.rss', 'feed.atom'])('%s', async (name) => {
    const records = await collect([name]);
    expect(records.length).toBe(articles.length);
    records.forEach((r, i) => {
      const a = articles[i]!;
      const d = doc(r);
      expect(d).toMatchObject({ id: a.id, source: `${FILES}${name}#${i + 1}`, title: a.title, date: a.date, url: a.url });
      expectArticleText(d, a);
      // The title heads the text; the body follows at meta.bodyOffset.
      expect(d.text.startsWith(`${a.title}\n\n`)).toBe(true);
      expect(d.text.slice(d.meta!.bodyOffset as number).startsWith(a.paragraphs[0]!)).toBe(true);
    });
  });

  test('field flags: nested paths, arrays of paragraphs, other names', async () => {
    const fields = { text: 'article.body', title: 'article.headline', id: 'meta.key', date: 'published' };
    const records = await collect(['nested.jsonl'], { fields });
    expect(records.map((r) => [doc(r).id, doc(r).title, doc(r).date])).toEqual(articles.map((a) => [`n-${a.id}`, a.title, a.date]));
    expect(doc(records[0]).text).toBe(`${articles[0]!.title}\n\n${articles[0]!.paragraphs.join('\n\n')}`);
    // Without the flags the records have no text: one error record each, naming the fields looked for.
    const plain = await collect(['nested.jsonl']);
    expect(plain.map((r) => ('error' in r ? r.error.code : null))).toEqual(['NO_TEXT', 'NO_TEXT', 'NO_TEXT', 'NO_TEXT']);
    expect('error' in plain[0]! && plain[0].error.message).toContain('nested.jsonl#1: line 1: has no text field (looked for text, content, body)');
  });
});

describe('encodings', () => {
  test.each([
    ['ru-csto.windows-1251.txt', 'windows-1251'],
    ['ru-csto.koi8-r.txt', 'koi8-r'],
    ['ru-csto.iso-8859-5.txt', 'iso-8859-5'],
    ['ru-csto.cp866.txt', 'cp866'],
    ['kk-sco.rk1048.txt', 'rk1048'],
    ['ar-afghanistan.windows-1256.txt', 'windows-1256'],
    ['ar-afghanistan.iso-8859-6.txt', 'iso-8859-6'],
    ['ru-csto.utf-8-bom.txt', 'utf-8'],
    ['ru-csto.utf-16le.txt', 'utf-16le'],
    ['ru-csto.utf-16be.txt', 'utf-16be'],
    ['ar-afghanistan.utf-16le-nobom.txt', 'utf-16le'],
  ])('%s is detected as %s and decodes to the UTF-8 text', async (name, encoding) => {
    const id = name.split('.')[0]!;
    const original = readFileSync(`${FILES}${id}.txt`, 'utf8');
    const d = doc(await readDocument(FILES + name));
    expect(d.meta).toMatchObject({ encoding });
    expect(d.text).toBe(name.includes('iso-8859-6') ? original.replace(/[٠-٩]/g, '') : original);
    expect(d.title).toBe(articles.find((a) => a.id === id)!.title);
  });

  test('an HTML page declaring windows-1251, and a windows-1251 CSV with ";"', async () => {
    const html = doc(await readDocument(`${FILES}ru-csto.windows-1251.html`));
    expect(html).toMatchObject({ title: articles[0]!.title, meta: { encoding: 'windows-1251' } });
    const [row] = await collect(['ru-csto.windows-1251.csv']);
    expect(doc(row)).toMatchObject({ id: 'ru-csto', title: articles[0]!.title, meta: { encoding: 'windows-1251' } });
  });

  test('the encoding option overrides detection', async () => {
    const d = doc(await readDocument(`${FILES}ru-csto.windows-1251.txt`, { encoding: 'koi8-r' }));
    expect(d.meta).toMatchObject({ encoding: 'koi8-r' });
    expect(d.text).not.toContain('Казахстан');
    expect(await readDocument(`${FILES}ru-csto.txt`, { encoding: 'no-such-encoding' })).toMatchObject({ error: { code: 'DECODE' } });
  });
});

describe('bad input: one error record each, naming the input and the problem; the run goes on', () => {
  test.each([
    ['bad/image.txt', 'BINARY', /image\.txt: is not text: looks like a PNG image/],
    ['bad/truncated.pdf', 'PARSE_ERROR', /truncated\.pdf: is not a readable PDF/],
    ['bad/text.pdf', 'PARSE_ERROR', /text\.pdf: is not a PDF/],
    ['bad/truncated.docx', 'PARSE_ERROR', /truncated\.docx: is not a readable DOCX/],
    ['bad/empty.md', 'EMPTY', /empty\.md: file is empty/],
    ['bad/malformed.rss', 'PARSE_ERROR', /malformed\.rss: is not well-formed XML \(line \d+/],
    ['bad/not-a-feed.xml', 'UNSUPPORTED_FORMAT', /not an RSS or Atom feed/],
  ])('%s → %s', async (name, code, message) => {
    const [record, ...rest] = await collect([name]);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({ source: FILES + name, error: { code } });
    if (record && 'error' in record) expect(record.error.message).toMatch(message);
  });

  test('JSONL: invalid JSON on line 7 and a record without text are error records; every other line is a document', async () => {
    const records = await collect(['bad/line7.jsonl']);
    expect(records.length).toBe(10);
    expect(records.map((r) => ('error' in r ? r.error.code : null))).toEqual([null, null, null, null, null, null, 'PARSE_ERROR', null, 'NO_TEXT', null]);
    expect(records[6]).toMatchObject({ id: 'line7#7', source: `${FILES}bad/line7.jsonl#7` });
    expect('error' in records[6]! && records[6].error.message).toMatch(/line7\.jsonl#7: line 7: invalid JSON/);
    expect(records[8]).toMatchObject({ id: 'no-text', error: { code: 'NO_TEXT' } });
  });

  test('CSV: a row with the wrong number of fields is an error record; an unclosed quote ends the file with one', async () => {
    const records = await collect(['bad/rows.csv']);
    expect(records.map((r) => ('error' in r ? `${r.error.code} ${r.source.split('/').pop()}` : doc(r).id))).toEqual([
      'ok-1', 'PARSE_ERROR rows.csv#2', 'ok-2', 'PARSE_ERROR rows.csv#4',
    ]);
    expect('error' in records[1]! && records[1].error.message).toMatch(/line 3: has 2 fields, the header has 3/);
    expect('error' in records[3]! && records[3].error.message).toMatch(/line 6: Quote Not Closed.*rest of the file is not read/);
  });

  test('a readDocument of a multi-record file asks for readDocuments', async () => {
    expect(await readDocument(`${FILES}export.jsonl`)).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/more than one document/) } });
  });
});

describe('stdin and streaming', () => {
  test('"-" reads standard input, format by content', async () => {
    const jsonl = readFileSync(`${FILES}export.jsonl`);
    const records = await collect(['-'], { stdin: Readable.from([jsonl.subarray(0, 100), jsonl.subarray(100)]) });
    expect(records.map((r) => [doc(r).id, doc(r).source])).toEqual(articles.map((a, i) => [a.id, `-#${i + 1}`]));
    const text = await collect(['-'], { stdin: Readable.from([readFileSync(`${FILES}ru-csto.windows-1251.txt`)]) });
    expect(doc(text[0])).toMatchObject({ id: 'stdin', source: '-', title: articles[0]!.title });
  });

  test('a JSONL stream is read record by record: the first records arrive before the input ends', async () => {
    const line = `${JSON.stringify({ id: 'x', text: 'Kazakhstan chairs the CSTO. '.repeat(40) })}\n`;
    let produced = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        produced++;
        yield Buffer.from(line.repeat(50));
      }
    }
    let seen = 0;
    for await (const r of readDocuments(['-'], { stdin: endless() })) {
      expect('document' in r).toBe(true);
      if (++seen === 200) break;
    }
    expect(produced).toBeLessThan(100); // ~64 kB read ahead, then one chunk at a time
  });
});

describe('directory walks', () => {
  test('take document formats (txt, html, md, docx, pdf, rss, atom); data exports are skipped and named', async () => {
    const skipped: string[] = [];
    const records = await collect([''], { onSkip: (p) => void skipped.push(p.slice(FILES.length)) });
    expect(skipped.filter((s) => !s.startsWith('bad/')).sort()).toEqual(['export.csv', 'export.json', 'export.jsonl', 'export.tsv', 'nested.jsonl', 'ru-csto.windows-1251.csv']);
    const sources = new Set(records.map((r) => ('document' in r ? r.document.source : r.source).slice(FILES.length)));
    for (const name of ['en-brics.pdf', 'kk-sco.docx', 'ar-afghanistan.md', 'feed.rss#4', 'feed.atom#1', 'bad/image.txt']) expect(sources).toContain(name);
  });
});

test('the committed fixtures are what scripts/make-fixtures.mjs writes', () => {
  const script = fileURLToPath(new URL('../../../scripts/make-fixtures.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(/^checked \d+ fixtures/)]);
});
