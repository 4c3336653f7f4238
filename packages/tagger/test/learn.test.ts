import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '@topictag/core';
import { ExamplesError, readExamples, TopicModel } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'topictag-learn-'));
const analyzer = createAnalyzer();
const analyse = (text: string) => analyzer.analyze({ id: 't', source: 't', text });

// Two topics in two languages, with the words that tell them apart.
const TRAIN: Array<[string, string[]]> = [
  ['The football team won the match in the final minute.', ['sports']],
  ['Футбольная команда выиграла матч на последней минуте.', ['sports']],
  ['The striker scored twice and the team won the cup.', ['sports']],
  ['Нападающий забил дважды, команда выиграла кубок.', ['sports']],
  ['The central bank raised interest rates to curb inflation.', ['economy']],
  ['Центральный банк повысил процентную ставку из-за инфляции.', ['economy']],
  ['Inflation slowed and the bank kept rates unchanged.', ['economy']],
  ['Инфляция замедлилась, банк сохранил ставку.', ['economy']],
];

describe('TopicModel', () => {
  const model = TopicModel.train(TRAIN.map(([t, labels]) => ({ analysis: analyse(t), labels })), { minCount: 1 });

  it('learns to tell topics apart in both languages', () => {
    expect(model.labels).toEqual(['economy', 'sports']);
    expect(model.multiLabel).toBe(false);
    expect(model.predict(analyse('The team won the final match.'))[0]!.label).toBe('sports');
    expect(model.predict(analyse('Банк повысил ставку, инфляция растёт.'))[0]!.label).toBe('economy');
    const p = model.predict(analyse('Inflation and rates.'));
    expect(p[0]!.score + p[1]!.score).toBeCloseTo(1, 5);
  });

  it('is deterministic and survives a save/load round trip', () => {
    const again = TopicModel.train(TRAIN.map(([t, labels]) => ({ analysis: analyse(t), labels })), { minCount: 1 });
    expect(again.file.weights).toEqual(model.file.weights);
    const path = join(dir, 'model.json');
    model.save(path);
    const loaded = TopicModel.load(path);
    const a = analyse('Футбольный матч и кубок.');
    expect(loaded.predict(a)).toEqual(model.predict(a));
  });

  it('explains a label with sentences and the words that pushed it, with offsets', () => {
    const text = 'Погода хорошая. Банк повысил ставку из-за инфляции.';
    const [e] = model.explain(analyse(text), 'economy');
    expect(e!.text).toBe('Банк повысил ставку из-за инфляции.');
    for (const m of e!.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('trains multi-label models when examples have several labels', () => {
    const multi = TopicModel.train(
      [
        { analysis: analyse('Banks and football clubs.'), labels: ['economy', 'sports'] },
        { analysis: analyse('Football match.'), labels: ['sports'] },
        { analysis: analyse('Bank rates.'), labels: ['economy'] },
      ],
      { minCount: 1 },
    );
    expect(multi.multiLabel).toBe(true);
  });

  it('refuses data with fewer than two labels, and files that are not models', () => {
    expect(() => TopicModel.train([{ analysis: analyse('x'), labels: ['a'] }])).toThrow(/at least two labels, found only "a"/u);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"other"}');
    expect(() => TopicModel.load(bad)).toThrow(/is not a topictag model file/u);
    expect(() => TopicModel.load(join(dir, 'none.json'))).toThrow(/cannot read model .*ENOENT/u);
  });
});

describe('readExamples', () => {
  it('reads JSONL, CSV and TSV with default and named columns', async () => {
    const jsonl = join(dir, 'ex.jsonl');
    writeFileSync(jsonl, '{"text":"a b","labels":["x","y"]}\n\n{"text":"c","label":"z"}\n');
    expect(await readExamples(jsonl)).toEqual([{ text: 'a b', labels: ['x', 'y'] }, { text: 'c', labels: ['z'] }]);
    const csv = join(dir, 'ex.csv');
    writeFileSync(csv, 'id,body,topic\n1,"hello, world",a|b\n2,second,c\n');
    expect(await readExamples(csv)).toEqual([{ text: 'hello, world', labels: ['a', 'b'] }, { text: 'second', labels: ['c'] }]);
    const tsv = join(dir, 'ex.tsv');
    writeFileSync(tsv, 'index_id\tcategory\ttext\n1\tsports\tHe said "go" and won.\n');
    expect(await readExamples(tsv, { textColumn: 'text', labelColumn: 'category' })).toEqual([{ text: 'He said "go" and won.', labels: ['sports'] }]);
  });

  it('names the file, line and problem', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text":"a","labels":["x"]}\n{"text":"b","labels":["x"]}\n{oops\n');
    await expect(readExamples(bad)).rejects.toThrow(new RegExp(`${bad}:3: invalid JSON`, 'u'));
    const nolabel = join(dir, 'nolabel.csv');
    writeFileSync(nolabel, 'text,other\nhello,1\n');
    await expect(readExamples(nolabel)).rejects.toThrow(/no label column \(looked for labels, label, category, topic, topics; columns: text, other\)/u);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'text,label\nhello,\n');
    await expect(readExamples(empty)).rejects.toThrow(`${empty}:2: no label in column "label"`);
    await expect(readExamples(join(dir, 'x.xlsx'))).rejects.toBeInstanceOf(ExamplesError);
    await expect(readExamples(join(dir, 'missing.jsonl'))).rejects.toThrow(/cannot read \(ENOENT\)/u);
  });
});

describe('the optional model runtime', () => {
  it('explains how to install it when it is missing', async () => {
    const { loadRuntime, RuntimeMissingError } = await import('../src/index.js');
    await expect(loadRuntime('@huggingface/not-installed-here')).rejects.toBeInstanceOf(RuntimeMissingError);
    await expect(loadRuntime('@huggingface/not-installed-here')).rejects.toThrow(/npm install @huggingface\/transformers \(lexical mode works without it\)/u);
  });
});
