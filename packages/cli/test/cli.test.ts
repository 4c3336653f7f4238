import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The CLI is run as a user runs it: the built bin as a separate process.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/dist/bin.js');
const seeds = join(root, 'seeds');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();

interface Rec {
  id: string;
  source: string;
  lang?: string;
  text?: string;
  topics?: Array<{ id: string; score: number; evidence: Array<{ start: number; end: number; text: string }> }>;
  entities?: Array<{ id: string; mentions: Array<{ start: number; end: number; text: string }> }>;
  error: null | { code: string; message: string };
}

describe('topictag tag --output jsonl', () => {
  const r = run('tag', seeds, '--output', 'jsonl', '--include-text');
  const lines = r.stdout.split('\n').filter(Boolean);
  const records = lines.map((l) => JSON.parse(l) as Rec);

  it('writes one JSON record per document to stdout and nothing else', () => {
    expect(r.code).toBe(0);
    expect(lines.length).toBe(seedFiles.length);
    expect(records.map((x) => x.id)).toEqual(seedFiles.map((f) => f.replace(/\.txt$/u, '')));
    expect(r.stderr).toMatch(/5 documents, 0 failed/u);
  });

  it('has the documented fields, and offsets that point into the document text', () => {
    for (const rec of records) {
      expect(Object.keys(rec)).toEqual(['id', 'source', 'lang', 'title', 'date', 'topics', 'entities', 'error', 'text']);
      expect(rec.error).toBeNull();
      expect(rec.text).toBe(readFileSync(join(seeds, `${rec.id}.txt`), 'utf8'));
      for (const t of rec.topics!) {
        expect(t.evidence.length).toBeGreaterThan(0);
        for (const e of t.evidence) expect(rec.text!.slice(e.start, e.end)).toBe(e.text);
      }
      for (const e of rec.entities!) for (const m of e.mentions) expect(rec.text!.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('finds no topic or entity in boilerplate (seed 000: the "other news" block mentions BRICS)', () => {
    const rec = records.find((x) => x.id.startsWith('000_'))!;
    expect(rec.topics!.map((t) => t.id)).not.toContain('brics');
    const cut = rec.text!.indexOf('Другие новости');
    for (const e of rec.entities!) for (const m of e.mentions) expect(m.start).toBeLessThan(cut);
  });
});

describe('bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topictag-cli-'));
  writeFileSync(join(dir, 'a-good.txt'), 'Председательство в ОДКБ перешло к Казахстану.');
  writeFileSync(join(dir, 'b-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'c-empty.txt'), '  \n');

  it('gives a failing document an error record, goes on, and exits 1', () => {
    const r = run('tag', dir, join(dir, 'missing.txt'));
    const recs = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
    expect(recs.map((x) => [x.id, x.error?.code ?? null])).toEqual([
      ['a-good', null],
      ['b-image', 'BINARY'],
      ['c-empty', 'EMPTY'],
      ['missing', 'ENOENT'],
    ]);
    expect(recs[1]!.error!.message).toContain('b-image.txt');
    expect(r.code).toBe(1);
  });

  it('explains usage errors on stderr with exit code 2', () => {
    for (const args of [['tag'], ['tag', seeds, '--output', 'xml'], ['frobnicate'], ['tag', seeds, '--threshold', '7']]) {
      const r = run(...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^topictag: /u);
    }
  });

  it('reports a bad taxonomy file by name', () => {
    const tax = join(dir, 'tax.yaml');
    writeFileSync(tax, 'topics:\n  - id: x\n    labels: { en: X }\n');
    const r = run('tag', seeds, '--taxonomy', tax);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(tax);
    expect(r.stderr).toContain('description.en');
  });
});

describe('other outputs and eval', () => {
  it('writes a JSON array', () => {
    const r = run('tag', seeds, '--output', 'json');
    expect((JSON.parse(r.stdout) as Rec[]).length).toBe(seedFiles.length);
  });

  it('writes a table with documents, languages, topics and entities', () => {
    const r = run('tag', seeds, '--output', 'table');
    expect(r.stdout).toMatch(/document.*lang.*topics/u);
    for (const f of seedFiles) expect(r.stdout).toContain(f.slice(0, 12));
    expect(r.stdout).toContain('csto');
  });

  it('evaluates against gold: the seed corpus scores topic F1 1.0 and entity F1 ≥ 0.95', () => {
    const r = run('eval', join(seeds, 'gold.json'), seeds, '--output', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { byLang: Record<string, { topics: { f1: number }; entities: { f1: number } }> };
    expect(report.byLang.all!.topics.f1).toBe(1);
    expect(report.byLang.all!.entities.f1).toBeGreaterThanOrEqual(0.95);
    for (const lang of ['ru', 'kk', 'ar']) expect(report.byLang[lang]).toBeDefined();
  });

  it('prints help and version', () => {
    expect(run('--help').stdout).toContain('topictag tag <paths…|->');
    expect(run('--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });
});
