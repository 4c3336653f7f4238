import { createTagger, parseTaxonomy } from '../src/index.js';

/** A one-topic taxonomy whose single evidence group is `rule` (YAML flow mapping). */
const tagger = (rule: string) =>
  createTagger({
    taxonomy: parseTaxonomy(`topics:\n  - id: t\n    labels: { en: T }\n    description: { en: T }\n    evidence:\n      - ${rule}\n`),
  });
const topics = async (rule: string, text: string) => (await (await tagger(rule)).tag(text)).topics.map((t) => t.id);

describe('evidence rules', () => {
  it('any: the same as terms and entities at the top level', async () => {
    expect(await topics('{ weight: 1, any: { terms: { en: [pipeline] }, entities: [org:csto] } }', 'A new pipeline.')).toEqual(['t']);
    expect(await topics('{ weight: 1, any: { terms: { en: [pipeline] }, entities: [org:csto] } }', 'The CSTO met.')).toEqual(['t']);
    expect(await topics('{ weight: 1, any: { terms: { en: [pipeline] } } }', 'A new road.')).toEqual([]);
  });

  it('all: every condition must also match in the same sentence', async () => {
    const rule = '{ weight: 1, terms: { en: [exercise] }, all: [{ entities: [org:csto] }, { terms: { en: [troops] } }] }';
    expect(await topics(rule, 'CSTO troops will hold an exercise.')).toEqual(['t']);
    expect(await topics(rule, 'CSTO will hold an exercise.')).toEqual([]);
    expect(await topics(rule, 'CSTO troops arrived. They will hold an exercise.')).toEqual([]);
  });

  it('near within N words', async () => {
    const rule = '{ weight: 1, terms: { en: [chairmanship] }, near: { entities: [org:sco], within: 3 } }';
    expect(await topics(rule, 'Kazakhstan took over the SCO chairmanship.')).toEqual(['t']);
    expect(await topics(rule, 'The chairmanship, as the leaders of many nations agreed, passes within the SCO.')).toEqual([]);
  });

  it('none: a veto in the sentence, or in the whole document', async () => {
    const sentence = '{ weight: 1, terms: { en: [Shanghai] }, none: { terms: { en: [film festival] } } }';
    expect(await topics(sentence, 'Leaders met in Shanghai.')).toEqual(['t']);
    expect(await topics(sentence, 'The Shanghai film festival opened.')).toEqual([]);
    expect(await topics(sentence, 'The film festival opened. Leaders met in Shanghai.')).toEqual(['t']);
    const doc = '{ weight: 1, terms: { en: [Shanghai] }, none: { terms: { en: [film festival] }, scope: document } }';
    expect(await topics(doc, 'The film festival opened. Leaders met in Shanghai.')).toEqual([]);
  });

  it('mentions: the document must mention an entity somewhere', async () => {
    const rule = '{ weight: 1, terms: { en: [summit] }, mentions: [org:sco] }';
    expect(await topics(rule, 'The summit opened. The SCO leaders arrived.')).toEqual(['t']);
    expect(await topics(rule, 'The summit opened.')).toEqual([]);
  });

  it('validates the structure with paths', async () => {
    expect(() => parseTaxonomy('topics:\n  - id: t\n    labels: { en: T }\n    description: { en: T }\n    evidence:\n      - { weight: 1, terms: { en: [x] }, all: [], near: { within: 0 }, none: { terms: { en: [y] }, scope: page } }\n')).toThrow(
      /evidence\[0\]\.all: expected a non-empty list[\s\S]*evidence\[0\]\.near: needs "terms" or "entities"[\s\S]*near\.within: expected a whole number[\s\S]*none\.scope: expected "sentence" or "document"/u,
    );
    await expect(tagger('{ weight: 1, terms: { en: [x] }, mentions: [org:nope] }')).rejects.toThrow(/unknown entity id "org:nope"/u);
  });
});
