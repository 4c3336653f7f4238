import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument, readDocuments, type AdapterRecord } from '../src/index.js';
import { readGold, SEEDS } from './helpers.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const ARTICLE = 'Токаев провёл переговоры в Ташкенте\n\n12.03.2024\n\nПрезидент Казахстана провёл переговоры с президентом Узбекистана в Ташкенте и обсудил торговлю.\n';

let dir = '';

async function collect(paths: string[]): Promise<AdapterRecord[]> {
  const out: AdapterRecord[] = [];
  for await (const record of readDocuments(paths)) out.push(record);
  return out;
}

function errorCode(record: AdapterRecord): string | null {
  return 'error' in record ? record.error.code : null;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'topictag-adapters-'));
  await writeFile(join(dir, 'b.txt'), ARTICLE);
  await writeFile(join(dir, 'a.html'), '<!doctype html><html lang="en"><head><title>Hello page</title></head><body><p>Hello world paragraph.</p></body></html>');
  await mkdir(join(dir, 'c'));
  await writeFile(join(dir, 'c', 'z.txt'), ARTICLE);
  await writeFile(join(dir, 'c', 'a.text'), ARTICLE);
  await writeFile(join(dir, 'c', '.hidden.txt'), ARTICLE);
  await mkdir(join(dir, '.git'));
  await writeFile(join(dir, '.git', 'x.txt'), ARTICLE);
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'blank.txt'), ' \n\t\u00A0\n');
  await writeFile(join(dir, 'image.txt'), PNG);
  await writeFile(join(dir, 'nul.txt'), Buffer.from('text\u0000with a NUL', 'utf8'));
  await writeFile(join(dir, 'latin1.txt'), Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x65, 0x77, 0x73]));
  await writeFile(join(dir, 'bom.txt'), Buffer.concat([Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]));
  await writeFile(join(dir, 'data.json'), '{"a": 1}');
  await writeFile(join(dir, 'noext'), ARTICLE);
  await writeFile(join(dir, 'saved.txt'), '<!DOCTYPE html>\n<html><body><h1>Sniffed as HTML</h1><p>Body.</p></body></html>');
  await writeFile(join(dir, 'utf16.txt'), Buffer.concat([Uint8Array.from([0xff, 0xfe]), Buffer.from('Привет, мир', 'utf16le')]));
  await symlink(dir, join(dir, 'c', 'loop'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readDocument', () => {
  test('a text file: id without extension, source as given, text unchanged', async () => {
    const path = join(dir, 'b.txt');
    const record = await readDocument(path);
    expect('document' in record && record.document).toMatchObject({
      id: 'b',
      source: path,
      text: ARTICLE,
      title: 'Токаев провёл переговоры в Ташкенте',
      date: '2024-03-12',
    });
  });

  test('the UTF-8 BOM is stripped, nothing else changes', async () => {
    const record = await readDocument(join(dir, 'bom.txt'));
    expect('document' in record && record.document.text).toBe(ARTICLE);
  });

  test('UTF-16 with a BOM is decoded', async () => {
    const record = await readDocument(join(dir, 'utf16.txt'));
    expect('document' in record && record.document.text).toBe('Привет, мир');
  });

  test('HTML by extension and by content sniffing', async () => {
    const html = await readDocument(join(dir, 'a.html'));
    expect('document' in html && html.document).toMatchObject({ id: 'a', title: 'Hello page', lang: 'en', text: 'Hello page\n\nHello world paragraph.' });
    const sniffed = await readDocument(join(dir, 'saved.txt'));
    expect('document' in sniffed && sniffed.document).toMatchObject({ title: 'Sniffed as HTML', text: 'Sniffed as HTML\nBody.' });
    const forced = await readDocument(join(dir, 'saved.txt'), { format: 'txt' });
    expect('document' in forced && forced.document.text.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  test('no extension reads as text; a JSON object without text is NO_TEXT unless a format is given', async () => {
    expect('document' in (await readDocument(join(dir, 'noext')))).toBe(true);
    const json = await readDocument(join(dir, 'data.json'));
    expect(json).toMatchObject({ id: 'data', error: { code: 'NO_TEXT' } });
    expect('error' in json && json.error.message).toMatch(/data\.json: has no text field \(looked for text, content, body\)/u);
    expect('document' in (await readDocument(join(dir, 'data.json'), { format: 'txt' }))).toBe(true);
    await writeFile(join(dir, 'notes.xyz'), ARTICLE);
    expect(await readDocument(join(dir, 'notes.xyz'))).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT' } });
    await rm(join(dir, 'notes.xyz'));
  });

  test('a legacy 8-bit file is decoded by detection (Latin-1 here)', async () => {
    const record = await readDocument(join(dir, 'latin1.txt'));
    expect('document' in record && record.document.text).toBe('Café news');
    expect('document' in record && record.document.meta).toMatchObject({ encoding: 'windows-1252' });
  });

  test.each([
    ['missing.txt', 'ENOENT', /not found/],
    ['empty.txt', 'EMPTY', /empty/],
    ['blank.txt', 'EMPTY', /whitespace/],
    ['image.txt', 'BINARY', /PNG/],
    ['nul.txt', 'BINARY', /NUL/],
    ['c', 'READ_ERROR', /directory/],
  ])('%s → %s', async (name, code, message) => {
    const path = join(dir, name);
    const record = await readDocument(path);
    expect(record).toMatchObject({ source: path, error: { code } });
    if ('error' in record) {
      expect(record.error.message).toMatch(message);
      expect(record.error.message).toContain(path);
    }
  });
});

describe('readDocuments', () => {
  test('walks recursively in sorted order, skips hidden entries, non-documents and symlink loops, one record per file', async () => {
    const skipped: string[] = [];
    const records: AdapterRecord[] = [];
    const onSkip = (path: string) => void skipped.push(path.slice(dir.length + 1));
    for await (const r of readDocuments([dir, join(dir, 'missing.txt'), join(dir, 'b.txt'), join(dir, 'data.json')], { onSkip })) records.push(r);
    const names = records.map((r) => ('document' in r ? r.document.source : r.source).slice(dir.length + 1) || '(dir)');
    expect(names).toEqual([
      'a.html', 'b.txt', 'blank.txt', 'bom.txt', 'c/a.text', 'c/z.txt', 'empty.txt', 'image.txt',
      'latin1.txt', 'noext', 'nul.txt', 'saved.txt', 'utf16.txt', 'missing.txt', 'b.txt', 'data.json',
    ]);
    expect(records.map(errorCode)).toEqual([
      null, null, 'EMPTY', null, null, null, 'EMPTY', 'BINARY', null, null, 'BINARY', null, null, 'ENOENT', null, 'NO_TEXT',
    ]);
    expect(skipped).toEqual(['data.json']);
  });

  test('the seed directory: five documents matching gold; gold.json is not a document', async () => {
    const records = await collect([fileURLToPath(SEEDS)]);
    const docs = records.flatMap((r) => ('document' in r ? [r.document] : []));
    expect(docs.map((d) => [d.title, d.date])).toEqual(readGold().map((g) => [g.title, g.date]));
    expect(records.length).toBe(5);
  });
});
