import { createTagger, parseTaxonomy, type Taxonomy } from '../src/index.js';

const taxonomy: Taxonomy = parseTaxonomy(`
version: 1
id: test
name: Test
topics:
  - id: org
    labels: { en: The organization }
    description: { en: test }
    evidence:
      - weight: 1.0
        entities: [org:csto]
  - id: org-chair
    parent: org
    labels: { en: Chairmanship }
    description: { en: test }
    evidence:
      - weight: 1.0
        terms: { ru: [председательство], en: [chairmanship] }
        near: { entities: [org:csto] }
  - id: drugs
    labels: { en: Drugs, ru: Наркотики }
    description: { en: test }
    evidence:
      - weight: 1.0
        terms: { ru: [незаконный оборот наркотиков] }
      - weight: 0.4
        terms: { ru: [наркот*, героин] }
`);

describe('scoring', () => {
  it('reports a topic from one strong phrase, with evidence offsets into the text', async () => {
    const tagger = await createTagger({ taxonomy });
    const text = 'Вступление. Обсуждалась борьба с незаконным оборотом наркотиков в регионе.';
    const r = await tagger.tag(text);
    expect(r.topics.map((t) => t.id)).toEqual(['drugs']);
    const [e] = r.topics[0]!.evidence;
    expect(text.slice(e!.start, e!.end)).toBe('Обсуждалась борьба с незаконным оборотом наркотиков в регионе.');
    expect(e!.matches.map((m) => text.slice(m.start, m.end))).toEqual(['незаконным оборотом наркотиков']);
    expect(r.topics[0]!.score).toBeCloseTo(1 - Math.exp(-1), 3);
  });

  it('needs more than one weak mention, and repeats of one word count less each time', async () => {
    const tagger = await createTagger({ taxonomy });
    expect((await tagger.tag('Наркотики.')).topics).toEqual([]);
    // наркотики (0.4) + наркотиков (0.4 / 2) = 0.6 < ln 2: still a passing mention.
    expect((await tagger.tag('Наркотики. Наркотики.')).topics).toEqual([]);
    // One prefix term is one term: наркотики + наркотрафик still decay.
    expect((await tagger.tag('Наркотики и наркотрафик.')).topics).toEqual([]);
    // Two different weak terms: 0.4 + 0.4 = 0.8 ≥ ln 2.
    const r = await tagger.tag('Наркотики и героин.');
    expect(r.topics.map((t) => t.id)).toEqual(['drugs']);
  });

  it('counts a "near" term only in a sentence with the required entity, and a child implies its parent', async () => {
    const tagger = await createTagger({ taxonomy });
    expect((await tagger.tag('Председательство перешло к Казахстану.')).topics).toEqual([]);
    const r = await tagger.tag('Председательство в ОДКБ перешло к Казахстану.');
    expect(r.topics.map((t) => t.id).sort()).toEqual(['org', 'org-chair']);
    const parent = r.topics.find((t) => t.id === 'org')!;
    const child = r.topics.find((t) => t.id === 'org-chair')!;
    expect(parent.score).toBeGreaterThanOrEqual(child.score);
  });

  it('takes the threshold from options and labels from the chosen language', async () => {
    const strict = await createTagger({ taxonomy, threshold: 0.9, labelLang: 'ru' });
    expect((await strict.tag('Незаконный оборот наркотиков.')).topics).toEqual([]);
    const ru = await createTagger({ taxonomy, labelLang: 'ru' });
    expect((await ru.tag('Незаконный оборот наркотиков.')).topics[0]!.label).toBe('Наркотики');
  });

  it('finds nothing in boilerplate', async () => {
    const tagger = await createTagger({ taxonomy });
    const text = 'Погода хорошая.\nДругие новости\nНезаконный оборот наркотиков в ОДКБ';
    const start = text.indexOf('Другие');
    const r = await tagger.tag({ id: 'b', source: 'b', text, boilerplate: [{ start, end: text.length }] });
    expect(r.topics).toEqual([]);
    expect(r.entities).toEqual([]);
  });
});

describe('tagMany', () => {
  it('yields exactly one record per input, in order, errors included', async () => {
    const tagger = await createTagger({ taxonomy });
    const inputs = [
      'Незаконный оборот наркотиков.',
      { id: 'bad', source: 'x.txt', text: 42 } as unknown as string,
      { id: 'failed', source: 'y.txt', error: { code: 'BINARY', message: 'y.txt: binary file' } },
      { id: 'ok', source: 'z.txt', text: 'ОДКБ' },
      null as unknown as string,
    ];
    const out = [];
    for await (const r of tagger.tagMany(inputs)) out.push(r);
    expect(out.map((r) => r.id)).toEqual(['text', 'bad', 'failed', 'ok', '#5']);
    expect(out.map((r) => (r.error ? r.error.code : 'ok'))).toEqual(['ok', 'BAD_INPUT', 'BINARY', 'ok', 'BAD_INPUT']);
    expect(out[1]!.error?.message).toMatch(/input "bad".*string "text"/u);
  });

  it('throws a clear TypeError from tag() for bad input', async () => {
    const tagger = await createTagger({ taxonomy });
    await expect(tagger.tag(undefined as unknown as string)).rejects.toThrow(/expected a string or a document/u);
  });

  it('adds the text on request and gives the same result from its cache', async () => {
    const tagger = await createTagger({ taxonomy });
    const a = await tagger.tag({ id: 'a', source: 'a', text: 'ОДКБ' }, { includeText: true });
    const b = await tagger.tag({ id: 'b', source: 'b', text: 'ОДКБ' });
    expect(a.text).toBe('ОДКБ');
    expect(b.text).toBeUndefined();
    expect(b.id).toBe('b');
    expect(b.topics).toEqual(a.topics);
  });
});
