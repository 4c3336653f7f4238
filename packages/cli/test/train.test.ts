import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/dist/bin.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'topictag-train-'));

const SPORT = ['The team won the football match.', 'Команда выиграла футбольный матч.', 'The striker scored in the final.', 'Нападающий забил гол в финале.'];
const MONEY = ['The bank raised interest rates.', 'Банк повысил процентную ставку.', 'Inflation slowed this year.', 'Инфляция замедлилась в этом году.'];

describe('topictag train and tag --model', () => {
  const examples = join(dir, 'examples.tsv');
  writeFileSync(examples, ['index_id\tcategory\ttext', ...SPORT.map((t, i) => `${i}\tsports\t${t}`), ...MONEY.map((t, i) => `${i + 10}\teconomy\t${t}`)].join('\n') + '\n');
  const model = join(dir, 'model.json');

  it('trains a model from a TSV file as SIB-200 ships it', () => {
    const r = run('train', '--examples', examples, '--out', model, '--text-column', 'text', '--label-column', 'category');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/trained single-label model on 2 labels \(economy, sports\)/u);
    expect(JSON.parse(readFileSync(model, 'utf8')).format).toBe('topictag-model');
  });

  it('tags CSV rows with the model: ids from the id column, topics ranked, evidence offsets', () => {
    const input = join(dir, 'input.csv');
    writeFileSync(input, 'index_id,text\n701,"Футбольная команда выиграла матч."\n702,"The bank kept interest rates unchanged."\n');
    const r = run('tag', input, '--model', model, '--id-column', 'index_id', '--text-column', 'text', '--include-text');
    expect(r.code).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: string; text: string; topics: Array<{ id: string; score: number; evidence: Array<{ start: number; end: number; text: string }> }> });
    expect(recs.map((x) => [x.id, x.topics[0]!.id])).toEqual([['701', 'sports'], ['702', 'economy']]);
    expect(recs[0]!.source).toBe(`${input}#1`);
    for (const rec of recs) for (const e of rec.topics[0]!.evidence) expect(rec.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('uses the model together with a taxonomy when both are given', () => {
    const input = join(dir, 'one.txt');
    writeFileSync(input, 'Председательство в ОДКБ перешло к Казахстану. Команда выиграла футбольный матч.');
    const r = run('tag', input, '--model', model, '--taxonomy', join(root, 'packages/tagger/data/taxonomies/default.yaml'));
    const ids = (JSON.parse(r.stdout) as { topics: Array<{ id: string }> }).topics.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['csto', 'sports']));
  });

  it('explains bad examples files and bad model paths', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text":"a","labels":["x"]}\nnot json\n');
    const r = run('train', '--examples', bad, '--out', join(dir, 'm2.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2: invalid JSON`);
    const t = run('tag', examples, '--model', join(dir, 'nope.json'));
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--model .*nope\.json: not a topic model file/u);
  });
});

describe('topictag taxonomy', () => {
  it('checks a good and a bad file', () => {
    const ok = run('taxonomy', 'check', join(root, 'examples/data/energy-taxonomy.yaml'));
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringMatching(/: ok, 3 topics, \d+ terms\n$/u)]);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'topics:\n  - id: a\n    labels: { en: A }\n    description: { en: A }\n    evidence: [{ weight: 1, entities: [org:nope] }]\n');
    const r = run('taxonomy', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown entity id "org:nope"');
  });

  it('shows the default taxonomy as a tree', () => {
    const r = run('taxonomy', 'show');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Eurasian foreign-policy news \(default, version 1\): 26 topics/u);
    expect(r.stdout).toMatch(/\n- csto: CSTO .*\n {2}- csto-chairmanship: /u);
  });
});
