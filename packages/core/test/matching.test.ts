import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer, createLanguagePack, Gazetteer, getLanguage, loadPosLexicon, type Analysis, type EntityType, type KnownWord } from '../src/index.js';

const gazetteer = new Gazetteer({
  entities: [
    { id: 'person:tokayev', type: 'person', name: 'Kassym-Jomart Tokayev', aliases: {
      ru: ['Касым-Жомарт Токаев', 'Токаев'], kk: ['Қасым-Жомарт Тоқаев', 'Тоқаев'], ar: ['قاسم جومارت توكاييف', 'توكاييف'], en: ['Tokayev'] } },
    { id: 'country:KZ', type: 'location', name: 'Kazakhstan', aliases: { ru: ['Казахстан'], kk: ['Қазақстан'], ar: ['كازاخستان'], en: ['Kazakhstan'] } },
    { id: 'country:RU', type: 'location', name: 'Russia', aliases: { ru: ['Россия'], kk: ['Ресей'], ar: ['روسيا'] } },
    { id: 'country:US', type: 'location', name: 'United States', aliases: { ru: ['США'], kk: ['АҚШ'], ar: ['الولايات المتحدة'], en: ['US', 'United States'] } },
    { id: 'country:AF', type: 'location', name: 'Afghanistan', aliases: { kk: ['Ауғанстан'] } },
    { id: 'org:csto', type: 'organization', name: 'CSTO', aliases: { ru: ['ОДКБ'], kk: ['ҰҚШҰ'] } },
    { id: 'org:un', type: 'organization', name: 'United Nations', aliases: { ru: ['ООН'] } },
    { id: 'org:unsc', type: 'organization', name: 'UN Security Council', aliases: { ru: ['Совет Безопасности ООН'] } },
    { id: 'region:south-caucasus', type: 'location', name: 'South Caucasus', aliases: { ru: ['Южный Кавказ'] } },
    { id: 'place:gaza', type: 'location', name: 'Gaza Strip', aliases: { ru: ['сектор Газа', 'Газа'] } },
    { id: 'country:SS', type: 'location', name: 'South Sudan', aliases: { ru: ['Южный Судан'] } },
    { id: 'country:SD', type: 'location', name: 'Sudan', aliases: { ru: ['Судан'] } },
    { id: 'country:DE', type: 'location', name: 'Germany', aliases: { ru: ['Германия'] } },
  ],
});
const analyzer = createAnalyzer({
  gazetteer,
  terms: [
    { text: 'гуманитарная помощь', lang: 'ru', kind: 'term', ref: 'aid' },
    { text: 'наркот*', lang: 'ru', kind: 'term', ref: 'drugs' },
    { text: 'есірткі', lang: 'kk', kind: 'term', ref: 'drugs' },
    { text: 'مساعدات إنسانية', lang: 'ar', kind: 'term', ref: 'aid' },
  ],
});

const ids = (a: Analysis) => a.entities.map((e) => e.id).sort();
const mentions = (a: Analysis, id: string) => a.entities.find((e) => e.id === id)?.mentions.map((m) => m.text) ?? [];
const terms = (a: Analysis) => a.matches.filter((m) => m.kind === 'term').map((m) => `${m.ref}:${m.text}`);

describe('Russian case forms', () => {
  it('links every case of names, countries and multi-word names', () => {
    const a = analyzer.analyze(
      'Касым-Жомарта Токаева поддержали в Казахстане. Токаеву, Токаевым и Касым-Жомартом Токаевым. ' +
        'России и Россией, из Казахстана. На Южном Кавказе и у Южного Кавказа.',
    );
    expect(mentions(a, 'person:tokayev')).toEqual(['Касым-Жомарта Токаева', 'Токаеву', 'Токаевым', 'Касым-Жомартом Токаевым']);
    expect(mentions(a, 'country:KZ')).toEqual(['Казахстане', 'Казахстана']);
    expect(mentions(a, 'country:RU')).toEqual(['России', 'Россией']);
    expect(mentions(a, 'region:south-caucasus')).toEqual(['Южном Кавказе', 'Южного Кавказа']);
  });

  it('matches inflected topic phrases and prefixes', () => {
    const a = analyzer.analyze('Оказание гуманитарной помощи и борьба с незаконным оборотом наркотических средств.');
    expect(terms(a)).toEqual(['aid:гуманитарной помощи', 'drugs:наркотических']);
  });

  it('respects capitalization: Газа the place, not газа the gas; acronyms only in capitals', () => {
    const a = analyzer.analyze('Поставки газа выросли. Жители Газы и сектора Газа. Слово сша не аббревиатура, а США — да.');
    expect(mentions(a, 'place:gaza')).toEqual(['Газы', 'сектора Газа']);
    expect(mentions(a, 'country:US')).toEqual(['США']);
  });

  it('keeps names nested in an organization name, drops those nested in a place name', () => {
    const a = analyzer.analyze('Резолюции Совета Безопасности ООН и доклад ООН. Граница Южного Судана и Судана.');
    expect(mentions(a, 'org:unsc')).toEqual(['Совета Безопасности ООН']);
    expect(mentions(a, 'org:un')).toEqual(['ООН', 'ООН']);
    expect(mentions(a, 'country:SS')).toEqual(['Южного Судана']);
    expect(mentions(a, 'country:SD')).toEqual(['Судана']);
  });

  it('matches names by their declension only: Герман is not Германия', () => {
    const a = analyzer.analyze('Автор Герман Напольский. Визит в Германию и из Германии.');
    expect(mentions(a, 'country:DE')).toEqual(['Германию', 'Германии']);
  });

  it('keeps names in -оа and -уа undeclined: Самое интересное is not Samoa', () => {
    const own = createAnalyzer({ gazetteer: new Gazetteer({ entities: [
      { id: 'country:WS', type: 'location', name: 'Samoa', aliases: { ru: ['Самоа'] } },
      { id: 'country:NI', type: 'location', name: 'Nicaragua', aliases: { ru: ['Никарагуа'] } },
    ] }), ner: false });
    const a = own.analyze('Самое интересное: визит в Самоа и Никарагуа. Никарагуе не до того.');
    expect(mentions(a, 'country:WS')).toEqual(['Самоа']);
    expect(mentions(a, 'country:NI')).toEqual(['Никарагуа']);
  });
});

describe('Kazakh suffix chains', () => {
  it('takes only a suffix after a hyphen, not another word', () => {
    const a = createAnalyzer().analyze({ id: 'x', source: 'x', lang: 'kk', text: 'АҚШ-қа барды. «Астана-бір» жүйесі іске қосылды.' });
    expect(a.entities.find((e) => e.id === 'country:US')?.mentions.map((m) => m.text)).toEqual(['АҚШ-қа']);
    expect(a.entities.find((e) => e.id === 'city:astana')?.mentions.map((m) => m.text)).toEqual(['Астана']);
  });

  it('links names through case, possessive and plural suffixes', () => {
    const a = analyzer.analyze(
      'Қазақстанның Президенті Қасым-Жомарт Тоқаевтың сөзі. Тоқаевқа хат келді. Қазақстанға, Қазақстандағы, Ауғанстандағы жағдай. ' +
        'АҚШ-тың өкілі мен ҰҚШҰ-ның хатшысы. Ресеймен келісім. Есірткінің таралуы.',
    );
    expect(a.lang).toBe('kk');
    expect(mentions(a, 'country:KZ')).toEqual(['Қазақстанның', 'Қазақстанға', 'Қазақстандағы']);
    expect(mentions(a, 'person:tokayev')).toEqual(['Қасым-Жомарт Тоқаевтың', 'Тоқаевқа']);
    expect(mentions(a, 'country:AF')).toEqual(['Ауғанстандағы']);
    // a suffix after a hyphen is part of the inflected word (АҚШ-тың); the lexicon match stays the acronym
    expect(mentions(a, 'country:US')).toEqual(['АҚШ-тың']);
    expect(mentions(a, 'org:csto')).toEqual(['ҰҚШҰ-ның']);
    expect(a.matches.filter((m) => m.kind === 'entity' && m.ref === 'country:US').map((m) => m.text)).toEqual(['АҚШ']);
    expect(mentions(a, 'country:RU')).toEqual(['Ресеймен']);
    expect(terms(a)).toEqual(['drugs:Есірткінің']);
  });

  it('undoes voicing before vowel suffixes and does not over-strip short stems', () => {
    const kk = getLanguage('kk')!;
    expect(kk.stem('көмегін')).toBe(kk.stem('көмек'));
    expect(kk.stem('көмегімен')).toBe(kk.stem('көмек'));
    expect(kk.stem('сауда')).not.toBe(kk.stem('сау'));
  });

  it('stems suffix chains to one key', () => {
    const kk = getLanguage('kk')!;
    const key = kk.stem('қазақстан');
    for (const w of ['қазақстанның', 'қазақстанға', 'қазақстандағы', 'қазақстаннан', 'қазақстанмен']) expect(kk.stem(w)).toBe(key);
  });
});

describe('morphological dictionary (Russian)', () => {
  const ru = getLanguage('ru')!;

  it('knows places, surnames, given names and organizations in every case', () => {
    expect(ru.wordClass?.('бирмингемом')).toBe('Geox:');
    expect(ru.wordClass?.('пхеньяне')).toBe('Geox:');
    expect(ru.wordClass?.('топалову')).toBe('Surn:');
    expect(ru.wordClass?.('владимировичем')).toBe('Patr:');
    expect(ru.wordClass?.('мосгордумы')).toBe('Orgn:');
  });

  it('keeps the common readings of a form beside its proper ones', () => {
    expect(ru.wordClass?.('слова')).toBe(':N');
    expect(ru.wordClass?.('королев')).toBe('Surn:N');
    expect(ru.wordClass?.('заявил')).toBe(':V');
  });

  it('reads е as ё and says ? for forms it does not know', () => {
    expect(ru.wordClass?.('королевым')).toBe(ru.wordClass?.('королёвым'));
    expect(ru.wordClass?.('нисипяну')).toBe('?');
  });

  it('is absent for packs without a dictionary', () => {
    expect(getLanguage('kk')!.wordClass).toBeUndefined();
  });

  it('names a dictionary package that is not installed', () => {
    const pack = createLanguagePack({ code: 'xx', name: 'Test', script: 'Cyrl', stemmer: { kind: 'none' }, dictionary: { package: 'no-such-dictionary', dir: 'dicts' } });
    expect(() => pack.wordClass?.('слово')).toThrow('dictionary package "no-such-dictionary" is not installed');
  });
});

describe('base forms of names', () => {
  const base = (lang: string, type: EntityType, name: string, known?: KnownWord) => getLanguage(lang)!.baseName(name.split(' '), type, known).join(' ');

  it('Russian: the nominative from the dictionary, adjectives agreeing with the head noun, complements after it kept', () => {
    expect(base('ru', 'organization', 'Совета коллективной безопасности')).toBe('Совет коллективной безопасности');
    expect(base('ru', 'organization', 'Главного разведывательного управления Генштаба ВС')).toBe('Главное разведывательное управление Генштаба ВС');
    expect(base('ru', 'organization', 'Коллективных сил')).toBe('Коллективные силы');
    expect(base('ru', 'location', 'Северной Африке')).toBe('Северная Африка');
    expect(base('ru', 'location', 'Тверской области')).toBe('Тверская область');
    expect(base('ru', 'location', 'Нижнем Новгороде')).toBe('Нижний Новгород');
    expect(base('ru', 'location', 'Соединённых Штатах')).toBe('Соединённые Штаты');
    // a person's words in one case and gender; an unknown surname follows the known given name
    expect(base('ru', 'person', 'Дарьи Назарбаевой')).toBe('Дарья Назарбаева');
    expect(base('ru', 'person', 'Юлиуса Гудачека')).toBe('Юлиус Гудачек');
    expect(base('ru', 'person', 'Владимира Владимировича Путина')).toBe('Владимир Владимирович Путин');
    // adjectival surnames; the singular before the plural (мэрии is the genitive of мэрия); a common noun
    // before a proper name is the head (сборной Бразилии); adjectives the dictionary does not know, by their ending
    expect(base('ru', 'person', 'Юрию Долгорукому')).toBe('Юрий Долгорукий');
    // the likelier reading where the dictionary's corpus tells: Дмитрий's genitive, not a woman Дмитрия; банк's, not банка (a jar)
    expect(base('ru', 'person', 'Дмитрия Медведева')).toBe('Дмитрий Медведев');
    expect(base('ru', 'organization', 'Банка НОУ')).toBe('Банк НОУ');
    expect(base('ru', 'organization', 'мэрии Москвы')).toBe('мэрия Москвы');
    expect(base('ru', 'organization', 'сборной Бразилии')).toBe('сборная Бразилии');
    expect(base('ru', 'location', 'Северо-Кавказском федеральном округе')).toBe('Северо-Кавказский федеральный округ');
  });

  it('Russian: names it cannot read stay as written', () => {
    // in the nominative already, unknown words only, acronyms, one word of a person
    for (const [type, name] of [['person', 'Рустем Умеров'], ['person', 'Касым-Жомарт Токаев'], ['person', 'Алла Бут'], ['organization', 'МИД Казахстана'], ['organization', 'СПбГУ'], ['person', 'Сауле']] as const) {
      expect(base('ru', type, name)).toBe(name);
    }
    // a one-word name is read as a name of its kind only (Семей the city, not the genitive plural of семья);
    // words after the head must be genitive complements (Часов Яр is no genitive of часы)
    expect(base('ru', 'location', 'Семей')).toBe('Семей');
    expect(base('ru', 'location', 'Часов Яр')).toBe('Часов Яр');
  });

  it('Kazakh: the last word drops a case suffix no base form ends in', () => {
    expect(base('kk', 'person', 'Роман Старченконың')).toBe('Роман Старченко');
    expect(base('kk', 'organization', 'Еуразиялық экономикалық кеңесінің')).toBe('Еуразиялық экономикалық кеңесі');
    expect(base('kk', 'location', 'Азиядағы')).toBe('Азия');
    for (const name of ['Нұрсұлтан', 'Дағыстан', 'Айзада', 'Алматы', 'Ақтоты']) expect(base('kk', 'location', name)).toBe(name);
    // a person's surname drops more after -ов/-ев/-ин; the feminine -а and the patronymic -на stay
    expect(base('kk', 'person', 'Асхат Шахаровпен')).toBe('Асхат Шахаров');
    expect(base('kk', 'person', 'Дариға Назарбаеваның')).toBe('Дариға Назарбаева');
    expect(base('kk', 'person', 'Владимир Путинді')).toBe('Владимир Путин');
    for (const name of ['Дариға Назарбаева', 'Гүлнар Ибрагимовна', 'Сүлеймен']) expect(base('kk', 'person', name)).toBe(name);
  });

  it('Arabic: the first word drops a clitic before the article or a known word, and ل + ال contracts back', () => {
    const heads: KnownWord = (w) => ({ cue: w === 'وزارة', listed: false });
    expect(base('ar', 'organization', 'للمجلس الاقتصادي الأوراسي الأعلى')).toBe('المجلس الاقتصادي الأوراسي الأعلى');
    expect(base('ar', 'organization', 'بالمجلس الأعلى')).toBe('المجلس الأعلى');
    expect(base('ar', 'organization', 'بوزارة الخارجية', heads)).toBe('وزارة الخارجية');
    // without the article or a known word the first letters are the word's own (وكالة, لجنة, بنك)
    for (const name of ['وكالة الأنباء', 'لجنة الانتخابات', 'بنك التنمية', 'بوزارة الخارجية']) expect(base('ar', 'organization', name)).toBe(name);
    // foreign names that begin like clitic + article: the article is not repeated on the next word
    for (const name of ['بالتيمور', 'فالنتينا تيريشكوفا']) expect(base('ar', 'location', name)).toBe(name);
    // a word the caller knows as it is (a listed name) keeps its first letters before a definite word too
    expect(base('ar', 'location', 'كاليفورنيا الجنوبية', (w) => ({ cue: false, listed: w === 'كاليفورنيا' }))).toBe('كاليفورنيا الجنوبية');
    expect(base('ar', 'location', 'كاليفورنيا الجنوبية')).toBe('اليفورنيا الجنوبية');
  });
});

describe('part-of-speech lexicon (English)', () => {
  const en = getLanguage('en')!;

  it('tells common words from names: proper-noun readings, then the other parts of speech of either spelling', () => {
    expect(en.wordClass?.('debate')).toBe(':NV');
    expect(en.wordClass?.('asian')).toBe('Prop:A');
    expect(en.wordClass?.('kazakh')).toBe('Prop:');
    expect(en.wordClass?.('peskov')).toBe('?');
  });

  it('loads a lexicon file given as a path, and reads keys as they are (no inherited properties)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pos-')), 'lexicon.json');
    writeFileSync(file, JSON.stringify({ film: ['NN', 'VB'], Film: ['NNP'], quickly: ['RB'] }));
    const classes = loadPosLexicon(file);
    expect(classes('film')).toBe('Prop:NV');
    expect(classes('quickly')).toBe(':F');
    expect(classes('constructor')).toBe('?');
  });
});

describe('Arabic clitics', () => {
  it('links names with و ف ب ل ك and the article', () => {
    const a = analyzer.analyze(
      'قال توكاييف إن كازاخستان مستعدة. ووفقاً لقاسم جومارت توكاييف فإن لكازاخستان وبكازاخستان دوراً. ' +
        'وأكدت روسيا والولايات المتحدة تقديم المساعدات الإنسانية.',
    );
    expect(a.lang).toBe('ar');
    expect(mentions(a, 'person:tokayev')).toEqual(['توكاييف', 'لقاسم جومارت توكاييف']);
    expect(mentions(a, 'country:KZ')).toEqual(['كازاخستان', 'لكازاخستان', 'وبكازاخستان']);
    expect(mentions(a, 'country:US')).toEqual(['والولايات المتحدة']);
    expect(terms(a)).toEqual(['aid:المساعدات الإنسانية']);
  });
});

describe('Arabic terms', () => {
  const terms2 = createAnalyzer({
    gazetteer: null,
    terms: [
      { text: 'إرهاب*', lang: 'ar', kind: 'term', ref: 'terror' },
      { text: 'الرقمية', lang: 'ar', kind: 'term', ref: 'digital' },
    ],
  });
  it('matches prefix terms through clitics', () => {
    expect(terms(terms2.analyze('مكافحة الإرهاب والإرهابية وإرهابيين'))).toEqual(['terror:الإرهاب', 'terror:والإرهابية', 'terror:وإرهابيين']);
  });
  it('keeps nisba adjectives apart from their nouns', () => {
    expect(terms(terms2.analyze('التقنيات الرقمية والرقمي والرقم'))).toEqual(['digital:الرقمية', 'digital:والرقمي']);
  });
});

describe('English', () => {
  it('links possessives and keeps "us" apart from "US"', () => {
    const a = analyzer.analyze("Kazakhstan's president Tokayev told us that the US and Kazakhstan agree.");
    expect(mentions(a, 'country:KZ')).toEqual(["Kazakhstan's", 'Kazakhstan']);
    expect(mentions(a, 'country:US')).toEqual(['US']);
  });
});

describe('offsets and boilerplate', () => {
  it('gives offsets into the original text, diacritics and all', () => {
    const text = 'الرئيس تُوكَايِيف في أستانا';
    const a = analyzer.analyze(text);
    const m = a.entities[0]!.mentions[0]!;
    expect(text.slice(m.start, m.end)).toBe('تُوكَايِيف');
    expect(m.text).toBe('تُوكَايِيف');
  });

  it('never matches inside boilerplate spans', () => {
    const text = 'Токаев выступил в Казахстане.\n\nДругие новости\nРоссия и США договорились';
    const start = text.indexOf('Другие');
    const a = analyzer.analyze({ id: 'x', source: 'x', text, boilerplate: [{ start, end: text.length }] });
    expect(ids(a)).toEqual(['country:KZ', 'person:tokayev']);
    expect(a.sentences.every((s) => s.end <= start)).toBe(true);
  });

  it('uses a declared language instead of identifying one', () => {
    const a = analyzer.analyze({ id: 'x', source: 'x', text: 'Токаев', lang: 'kk' });
    expect(a.lang).toBe('kk');
    expect(a.language.method).toBe('declared');
  });
});
