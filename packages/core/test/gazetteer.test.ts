import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, defaultGazetteer, Gazetteer } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SPEC = new URL('../../../../shared/spec/entities.json', import.meta.url);
const gazetteer = defaultGazetteer();
const analyzer = createAnalyzer();
const linked = (text: string) => analyzer.analyze(text).entities.map((e) => e.id).sort();

describe('the default gazetteer', () => {
  (existsSync(SPEC) ? it : it.skip)('has every entity of shared/spec/entities.json with its type and name', () => {
    const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as { entities: Array<{ id: string; type: string; name: string }> };
    for (const e of spec.entities) {
      expect(gazetteer.get(e.id)).toMatchObject({ id: e.id, type: e.type, name: e.name });
    }
  });

  it('has every ISO 3166-1 country with names in en, ru, kk and ar', () => {
    const countries = [...gazetteer.entities()].filter((e) => e.id.startsWith('country:'));
    expect(countries.length).toBe(249);
    for (const c of countries) for (const lang of ['en', 'ru', 'kk', 'ar']) expect([c.id, lang, (c.aliases[lang]?.length ?? 0) > 0]).toEqual([c.id, lang, true]);
  });

  it('never gives one alias to two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of gazetteer.entities()) {
      for (const list of Object.values(e.aliases)) {
        for (const a of list ?? []) {
          const prev = owner.get(a);
          if (prev && prev !== e.id) clashes.push(`${a}: ${prev} / ${e.id}`);
          owner.set(a, e.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has countries.json in step with its script and sources', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-countries.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('loads user additions through add() without touching the default', () => {
    const mine = gazetteer.clone().add({ entities: [{ id: 'person:jane-roe', type: 'person', name: 'Jane Roe', aliases: { en: ['Jane Roe'] } }] });
    expect(mine.get('person:jane-roe')?.name).toBe('Jane Roe');
    expect(gazetteer.get('person:jane-roe')).toBeUndefined();
    expect(() => new Gazetteer({ entities: [{ id: 'x:y', name: 'Y' }] })).toThrow(/entity x:y needs "type"/u);
  });
});

describe('linking in running text', () => {
  it.each([
    ['Касым-Жомарт Токаев встретился с Путиным.', ['person:kassym-jomart-tokayev', 'person:vladimir-putin']],
    ['Визит Касым-Жомарта Токаева в Москву.', ['city:moscow', 'person:kassym-jomart-tokayev']],
    ['Мемлекет басшысы Қасым-Жомарт Тоқаевтың сөзі.', ['person:kassym-jomart-tokayev']],
    ['قال الرئيس قاسم جومارت توكاييف', ['person:kassym-jomart-tokayev']],
    ['President Tokayev and Kassym-Jomart Tokayev’s team', ['person:kassym-jomart-tokayev']],
    ['Саммит ОДКБ. ҰҚШҰ саммиті. CSTO summit.', ['org:csto']],
    ['CIS leaders met in St. Petersburg for an informal summit.', ['city:saint-petersburg', 'org:cis']],
    ['США, АҚШ-пен, الولايات المتحدة', ['country:US']],
    ['Республика Беларусь и Белоруссия', ['country:BY']],
    ['в секторе Газа и на Западном берегу', ['place:gaza-strip', 'place:west-bank']],
    ['Ауғанстандағы жағдай және Таулы Қарабақ', ['country:AF', 'place:nagorno-karabakh']],
  ])('%s', (text, ids) => {
    expect(linked(text)).toEqual(ids);
  });

  it('does not link a country inside a blocked name (a TV channel, a news agency)', () => {
    expect(linked('Пашинян сказал в интервью France 24 и агентству Франс Пресс, что Франция поможет.')).toEqual(['country:FR', 'person:nikol-pashinyan']);
    expect(analyzer.analyze('интервью France 24').entities).toEqual([]);
  });

  it('does not link adjectives and common words', () => {
    expect(linked('украинский кризис, российская сторона, афганский народ')).toEqual([]);
    expect(linked('البحر والغابات')).toEqual([]);
    expect(linked('Еуразиялық экономикалық интеграция')).toEqual([]);
  });
});
