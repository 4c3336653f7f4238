// The input side of `topictag tag`: stdin, --format, --encoding and the field flags, run as a user runs them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/dist/bin.js');
const fixtures = join(root, 'packages/adapters/test/fixtures/files');
const run = (args: string[], input?: Buffer | string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, records: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec) };
};

interface Rec {
  id: string;
  source: string;
  title?: string | null;
  date?: string | null;
  topics?: Array<{ id: string }>;
  error: null | { code: string; message: string };
}

describe('topictag tag: inputs', () => {
  it('reads JSONL from stdin ("-"), one record per line, ids from the id field', () => {
    const r = run(['tag', '-'], readFileSync(join(fixtures, 'export.jsonl')));
    expect(r.code).toBe(0);
    expect(r.records.map((x) => [x.id, x.source])).toEqual([['ru-csto', '-#1'], ['kk-sco', '-#2'], ['ar-afghanistan', '-#3'], ['en-brics', '-#4']]);
    expect(r.records[0]!.topics!.map((t) => t.id)).toContain('csto-chairmanship');
  });

  it('maps nested fields with --text-field, --title-field, --date-field, --id-field', () => {
    const r = run(['tag', join(fixtures, 'nested.jsonl'), '--text-field', 'article.body', '--title-field', 'article.headline', '--date-field', 'published', '--id-field', 'meta.key']);
    expect(r.code).toBe(0);
    expect(r.records.map((x) => [x.id, x.date])).toEqual([['n-ru-csto', '2024-01-05'], ['n-kk-sco', '2024-07-04'], ['n-ar-afghanistan', '2024-04-03'], ['n-en-brics', '2024-10-23']]);
    expect(r.records[0]!.title).toBe('Казахстан принял председательство в ОДКБ');
  });

  it('reads feeds, CSV and legacy encodings by detection; --format and --encoding override', () => {
    const r = run(['tag', join(fixtures, 'feed.rss'), join(fixtures, 'export.csv'), join(fixtures, 'ru-csto.koi8-r.txt')]);
    expect(r.code).toBe(0);
    expect(r.records.length).toBe(9);
    expect(r.records[8]!.title).toBe('Казахстан принял председательство в ОДКБ');
    const forced = run(['tag', '-', '--format', 'txt', '--encoding', 'windows-1251'], readFileSync(join(fixtures, 'ru-csto.windows-1251.txt')));
    expect(forced.records.map((x) => [x.id, x.title])).toEqual([['stdin', 'Казахстан принял председательство в ОДКБ']]);
  });

  it('a bad line is an error record naming it; the run goes on and exits 1', () => {
    const r = run(['tag', join(fixtures, 'bad/line7.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.records.length).toBe(10);
    expect(r.records[6]!.error).toMatchObject({ code: 'PARSE_ERROR', message: expect.stringMatching(/line7\.jsonl#7: line 7: invalid JSON/) });
    expect(r.stderr).toMatch(/10 documents, 2 failed/);
  });

  it('rejects an unknown --format or --encoding with exit code 2', () => {
    for (const args of [['tag', '-', '--format', 'xls'], ['tag', '-', '--encoding', 'cp9999'], ['tag', '-', '--text-field', '']]) {
      const r = run(args, '');
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stdout).toBe('');
    }
  });
});
