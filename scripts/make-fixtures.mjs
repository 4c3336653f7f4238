// Writes the adapter fixtures (every format and encoding, and broken files) from the articles in
// packages/adapters/test/fixtures/articles.json into packages/adapters/test/fixtures/files/.
//   node scripts/make-fixtures.mjs           write them
//   node scripts/make-fixtures.mjs --check   exit 1 if a committed fixture differs from what would be written
// Hand-written fixtures in that folder (news-page.html) are left alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as w from '../packages/adapters/test/fixtures/writers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'packages/adapters/test/fixtures');
const out = join(fixtures, 'files');
const { articles } = JSON.parse(readFileSync(join(fixtures, 'articles.json'), 'utf8'));
const byId = Object.fromEntries(articles.map((a) => [a.id, a]));
const [ru, kk, ar, en] = ['ru-csto', 'kk-sco', 'ar-afghanistan', 'en-brics'].map((id) => byId[id]);
const utf8 = (s) => new Uint8Array(Buffer.from(s, 'utf8'));

/** name → bytes */
const files = new Map();
for (const a of articles) {
  files.set(`${a.id}.txt`, utf8(w.toText(a)));
  files.set(`${a.id}.html`, utf8(w.toHtml(a, { chrome: true })));
  files.set(`${a.id}.md`, utf8(w.toMarkdown(a)));
  files.set(`${a.id}.docx`, await w.toDocx(a));
}
files.set('feed.rss', utf8(w.toRss(articles)));
files.set('feed.atom', utf8(w.toAtom(articles)));
files.set('export.json', utf8(JSON.stringify(articles.map(w.toRecord), null, 2) + '\n'));
files.set('export.jsonl', utf8(w.toJsonl(articles)));
files.set('export.csv', utf8(w.toCsv(articles)));
files.set('export.tsv', utf8(w.toCsv(articles, { delimiter: '\t' })));
// Nested fields and other names: read with --text-field article.body --title-field article.headline --id-field meta.key
files.set('nested.jsonl', utf8(articles.map((a) => JSON.stringify({ meta: { key: `n-${a.id}` }, article: { headline: a.title, body: a.paragraphs }, published: a.date })).join('\n') + '\n'));

// Encodings: each article in the legacy encodings of its language, and the Unicode forms.
files.set('ru-csto.windows-1251.txt', w.encode(w.toText(ru), 'windows-1251'));
files.set('ru-csto.koi8-r.txt', w.encode(w.toText(ru), 'koi8-r'));
files.set('ru-csto.iso-8859-5.txt', w.encode(w.toText(ru), 'iso-8859-5'));
files.set('ru-csto.cp866.txt', w.encode(w.toText(ru), 'cp866'));
files.set('kk-sco.rk1048.txt', w.encode(w.toText(kk), 'rk1048'));
files.set('ar-afghanistan.windows-1256.txt', w.encode(w.toText(ar), 'windows-1256'));
files.set('ar-afghanistan.iso-8859-6.txt', w.encode(w.toText(ar).replace(/[٠-٩]/g, ''), 'iso-8859-6'));
files.set('ru-csto.utf-8-bom.txt', w.encode(w.toText(ru), 'utf-8', { bom: true }));
files.set('ru-csto.utf-16le.txt', w.encode(w.toText(ru), 'utf-16le', { bom: true }));
files.set('ru-csto.utf-16be.txt', w.encode(w.toText(ru), 'utf-16be', { bom: true }));
files.set('ar-afghanistan.utf-16le-nobom.txt', w.encode(w.toText(ar), 'utf-16le'));
files.set('ru-csto.windows-1251.html', w.encode(w.toHtml({ ...ru }).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), 'windows-1251'));
files.set('ru-csto.windows-1251.csv', w.encode(w.toCsv([ru]).replace(/,/g, ';'), 'windows-1251'));
files.set('en-brics.pdf', w.toPdf({ title: en.title, lines: [en.title, '23 October 2024', ...en.paragraphs] }));

// Bad input: each gives an error record naming the problem.
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
files.set('bad/image.txt', png);
files.set('bad/truncated.pdf', files.get('en-brics.pdf').subarray(0, 300));
files.set('bad/truncated.docx', files.get('en-brics.docx').subarray(0, 200));
files.set('bad/text.pdf', utf8('This is plain text with a .pdf name.\n'));
files.set('bad/empty.md', new Uint8Array());
const lines = w.toJsonl([...articles, ...articles]).split('\n');
lines.splice(6, 0, '{"id": "broken", "text": "unterminated');
lines.splice(8, 0, '{"id": "no-text", "title": "A record without text"}');
files.set('bad/line7.jsonl', utf8(lines.join('\n')));
files.set('bad/rows.csv', utf8('id,title,text\r\nok-1,First,Kazakhstan chairs the CSTO.\r\nshort,Only two fields\r\nok-2,Second,Tokayev met the SCO leaders.\r\nopen,"Unclosed quote,text\r\n'));
files.set('bad/malformed.rss', utf8(w.toRss([en]).replace('</channel>', '')));
files.set('bad/not-a-feed.xml', utf8('<?xml version="1.0"?>\n<catalog><book id="1"/></catalog>\n'));

mkdirSync(join(out, 'bad'), { recursive: true });
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, bytes] of files) {
  const path = join(out, name);
  if (check) {
    if (!existsSync(path) || !Buffer.from(readFileSync(path)).equals(Buffer.from(bytes))) {
      console.error(`stale fixture: ${name}`);
      stale++;
    }
  } else {
    writeFileSync(path, bytes);
  }
}
if (check && stale > 0) process.exit(1);
console.error(`${check ? 'checked' : 'wrote'} ${files.size} fixtures in ${out}`);
