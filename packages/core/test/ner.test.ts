import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileTemplates, createAnalyzer, createRecognizer, goldPaths, languageModel, readFactRuEval, readKazNerd, scoreSpans, sentenceFeatures,
  trainPerceptron, readPerceptronFile, tokenAttributes, defaultCues, sentenceRanges, scriptOf, type Analysis, type Entity, type NameListData, type EntityType, type NerMention, type NerModel,
} from '../src/index.js';
import { B, I, L, O, U, runs, viterbi } from '../src/ner/perceptron.js';
import { joinNameParts, withoutTitles } from '../src/ner/recognizer.js';

const analyzer = createAnalyzer();

function entity(a: Analysis, name: string): Entity {
  const e = a.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity "${name}" in ${JSON.stringify(a.entities.map((x) => x.name))}`);
  return e;
}

/** Every mention's offsets point at its text in the original. */
function offsetsHold(a: Analysis): void {
  for (const e of a.entities) for (const m of e.mentions) expect(a.document.text.slice(m.start, m.end)).toBe(m.text);
}

describe('named-entity recognition', () => {
  test('Russian: an unknown person in inflected forms, grouped by surname, offsets exact; known names keep their ids', () => {
    const text =
      'Вчера губернатор Тверской области Игорь Руденя встретился с Касым-Жомартом Токаевым. ' +
      'Руденя заявил, что компания «Северсталь» откроет завод. По словам Рудени, работы начнутся весной.';
    const a = analyzer.analyze(text);
    offsetsHold(a);
    const p = entity(a, 'Игорь Руденя');
    expect(p).toMatchObject({ id: null, type: 'person' });
    expect(p.mentions.map((m) => m.text)).toEqual(['Игорь Руденя', 'Руденя', 'Рудени']);
    expect(p.mentions[0]).toEqual({ start: 34, end: 46, text: 'Игорь Руденя' });
    expect(a.entities.find((e) => e.id === 'person:kassym-jomart-tokayev')?.mentions.map((m) => m.text)).toEqual(['Касым-Жомартом Токаевым']);
    expect(a.entities.some((e) => e.id === null && e.type === 'location' && e.mentions[0]!.text === 'Тверской области')).toBe(true);
  });

  test('Kazakh: an unknown akim with a case-suffixed surname repeat', () => {
    const text = 'Ақтөбе облысының әкімі Асхат Шахаров Қасым-Жомарт Тоқаевпен кездесті. Шахаровтың айтуынша, «Самұрық-Қазына» қоры жаңа зауыт салады.';
    const a = analyzer.analyze(text);
    expect(a.lang).toBe('kk');
    offsetsHold(a);
    const p = entity(a, 'Асхат Шахаров');
    expect(p.id).toBeNull();
    expect(p.mentions.map((m) => m.text)).toEqual(['Асхат Шахаров', 'Шахаровтың']);
    expect(a.entities.find((e) => e.id === 'person:kassym-jomart-tokayev')).toBeDefined();
    expect(a.entities.some((e) => e.id === null && e.type === 'organization' && e.name === 'Самұрық-Қазына')).toBe(true);
  });

  test('a known surname inside a longer name: the same given name links the whole name, another given name is another person', () => {
    const text = 'Елбасы Нұрсұлтан Әбішұлы Назарбаев сөз сөйледі. Сенат төрағасы Дариға Назарбаева жылды қорытындылады.';
    const a = analyzer.analyze(text);
    offsetsHold(a);
    const known = a.entities.find((e) => e.id === 'person:nursultan-nazarbayev');
    expect(known?.mentions.map((m) => m.text)).toEqual(['Нұрсұлтан Әбішұлы Назарбаев']);
    expect(entity(a, 'Дариға Назарбаева')).toMatchObject({ id: null, type: 'person' });
  });

  test('a name the model ended before a known surname joins it when its first word is that person\'s given name', () => {
    // a recognizer that stops before the surname, as the kk model does after an unlisted patronymic
    const names: NerModel = {
      name: 'names',
      languages: ['kk'],
      recognize: ({ tokens }) => [['Никол', 'Воваевич'], ['Асхат', 'Шахаров']].flatMap(([first, last]): NerMention[] => {
        const s = tokens.findIndex((t) => t.text === first);
        const e = tokens.findIndex((t) => t.text === last) + 1;
        return s < 0 || e < 1 ? [] : [{ type: 'person', start: tokens[s]!.start, end: tokens[e - 1]!.end, tokenStart: s, tokenEnd: e, source: 'model' }];
      }),
    };
    const text = 'Армения Премьер-министрі Никол Воваевич Пашинянның сөзінше, келіссөз жалғасады. Асхат Шахаров Қасым-Жомарт Тоқаевпен кездесті.';
    const a = createAnalyzer({ ner: names }).analyze({ id: 'x', source: 'x', lang: 'kk', text });
    offsetsHold(a);
    expect(a.entities.find((e) => e.id === 'person:nikol-pashinyan')?.mentions.map((m) => m.text)).toEqual(['Никол Воваевич Пашинянның']);
    expect(a.entities.some((e) => e.name === 'Никол Воваевич')).toBe(false);
    // another given name is another person: subject and object stay apart
    expect(entity(a, 'Асхат Шахаров')).toMatchObject({ id: null, type: 'person' });
    expect(a.entities.find((e) => e.id === 'person:kassym-jomart-tokayev')?.mentions.map((m) => m.text)).toEqual(['Қасым-Жомарт Тоқаевпен']);
  });

  test('an unknown entity is named by its fullest mention in base form; mentions keep their offsets', () => {
    // a recognizer that marks the given phrases
    const marks = (lang: string, phrases: Array<[EntityType, string]>): NerModel => ({
      name: 'marks',
      languages: [lang],
      recognize: ({ tokens, text }) => phrases.flatMap(([type, phrase]): NerMention[] => {
        const out: NerMention[] = [];
        for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
          const s = tokens.findIndex((t) => t.start === at);
          const e = tokens.findIndex((t) => t.end === at + phrase.length) + 1;
          if (s >= 0 && e > s) out.push({ type, start: at, end: at + phrase.length, tokenStart: s, tokenEnd: e, source: 'model' });
        }
        return out;
      }),
    });
    const name = (lang: string, text: string, phrases: Array<[EntityType, string]>) =>
      createAnalyzer({ ner: marks(lang, phrases) }).analyze({ id: 'x', source: 'x', lang, text }).entities.filter((e) => e.id === null).map((e) => `${e.name} ← ${e.mentions.map((m) => m.text).join(' | ')}`);
    expect(name('ru', 'На заседании Евразийского межправительственного совета выступил Юлиус Гудачек. Гудачека поддержали.', [['organization', 'Евразийского межправительственного совета'], ['person', 'Юлиус Гудачек'], ['person', 'Гудачека']])).toEqual([
      'Евразийский межправительственный совет ← Евразийского межправительственного совета',
      'Юлиус Гудачек ← Юлиус Гудачек | Гудачека',
    ]);
    // one entity per base name; of the fullest mentions the least inflected one
    expect(name('kk', 'Роман Старченконың айтуынша, Роман Старченко келді.', [['person', 'Роман Старченконың'], ['person', 'Роман Старченко']])).toEqual(['Роман Старченко ← Роман Старченконың | Роман Старченко']);
    // Arabic: a clitic before an organization head word (a cue word) is not part of the name
    expect(name('ar', 'وصرح مسؤول بوزارة الخارجية للصحفيين.', [['organization', 'بوزارة الخارجية']])).toEqual(['وزارة الخارجية ← بوزارة الخارجية']);
  });

  test('a place name inside a recognized person name is part of the name, not a mention of the place', () => {
    for (const text of ['Сайлауға Дания Еспаева қатысады деген шешім қабылданды. Еспаева бұрын да үміткер болған.', 'В выборах участвует Дания Еспаева, сообщил ЦИК.']) {
      const a = analyzer.analyze(text);
      offsetsHold(a);
      expect(a.entities.find((e) => e.id === 'country:DK')).toBeUndefined();
      expect(entity(a, 'Дания Еспаева')).toMatchObject({ id: null, type: 'person' });
    }
    const a = analyzer.analyze('Премьер-министр Дании Метте Фредериксен прибыла в Астану.');
    expect(a.entities.find((e) => e.id === 'country:DK')?.mentions.map((m) => m.text)).toEqual(['Дании']);
    // the cue rules may read a country with the known name after it: both stay
    const ar = analyzer.analyze({ id: 'ar', source: 'ar', lang: 'ar', text: 'واستقبل رئيس أوزبكستان شوكت ميرضيايف الوفد في طشقند.' });
    expect(ar.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['country:UZ', 'person:shavkat-mirziyoyev']));
  });

  test('a place name that is a whole quoted name names something else (a club, a shuttle), except in caseless scripts', () => {
    const ru = analyzer.analyze({ id: 'q', source: 'q', lang: 'ru', text: 'После гибели «Колумбии» полеты шаттлов остановили. Футбольный клуб «Астана» обыграл соперника. Колумбия направила ноту.' });
    offsetsHold(ru);
    expect(ru.entities.find((e) => e.id === 'country:CO')?.mentions.map((m) => m.text)).toEqual(['Колумбия']);
    expect(ru.entities.find((e) => e.id === 'city:astana')).toBeUndefined();
    expect(ru.entities.some((e) => e.type === 'location' && e.mentions.some((m) => m.text === 'Астана' || m.text === 'Колумбии'))).toBe(false);
    expect(ru.matches.some((m) => m.text === 'Колумбии')).toBe(false);
    // part of a longer quoted name, the place is still mentioned
    expect(analyzer.analyze({ id: 'q', source: 'q', lang: 'ru', text: 'Компания «Казахстан темир жолы» купила вагоны.' }).entities.some((e) => e.id === 'country:KZ')).toBe(true);
    // Arabic quotes a name to keep its distance, not to name something else
    expect(analyzer.analyze({ id: 'q', source: 'q', lang: 'ar', text: 'قصفت «إسرائيل» مواقع في غزة.' }).entities.some((e) => e.id === 'country:IL')).toBe(true);
  });

  test('Arabic: a name after a title and its descriptors; a clitic repeat stays outside the offsets', () => {
    const text = 'قال وزير الخارجية الأوزبكي بختيار سعيدوف إن الاجتماع كان مثمرا. وقال رئيس الوزراء إن وسعيدوف سيزور قرية الخيام.';
    const a = analyzer.analyze(text);
    expect(a.lang).toBe('ar');
    offsetsHold(a);
    const p = entity(a, 'بختيار سعيدوف');
    expect(p).toMatchObject({ id: null, type: 'person' });
    expect(p.mentions.map((m) => m.text)).toEqual(['بختيار سعيدوف', 'سعيدوف']);
    expect(text.slice(p.mentions[1]!.start - 1, p.mentions[1]!.start)).toBe('و');
    expect(entity(a, 'الخيام').type).toBe('location');
  });

  test('one sense per document: an unknown name read as two types takes the type of most of its mentions', () => {
    // a recognizer that reads every «Организации» as an organization and the one after «в» also as a place
    const twoTypes: NerModel = {
      name: 'two-types',
      languages: ['ru'],
      recognize: ({ tokens }) => tokens.flatMap((t, i): NerMention[] => {
        if (t.norm !== 'организации' && t.norm !== 'вектор') return [];
        const m = { start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, source: 'model' as const };
        const types: EntityType[] = t.norm === 'вектор' ? ['organization', 'location'] : tokens[i - 1]?.norm === 'в' ? ['organization', 'location'] : ['organization'];
        return types.map((type) => ({ ...m, type }));
      }),
    };
    const a = createAnalyzer({ ner: twoTypes }).analyze({ id: 'x', source: 'x', lang: 'ru', text: 'Члены Организации встретились. Решения Организации важны. Председательство в Организации. Компания Вектор открылась.' });
    const org = a.entities.filter((e) => e.name === 'Организации');
    expect(org).toHaveLength(1);
    expect(org[0]).toMatchObject({ id: null, type: 'organization' });
    expect(org[0]!.mentions.map((m) => m.start)).toEqual([6, 39, 77]);
    // a tie: both readings stay
    expect(a.entities.filter((e) => e.name === 'Вектор').map((e) => e.type).sort()).toEqual(['location', 'organization']);
  });

  test('a capitalized head word alone refers back to the organization the document names with it', () => {
    // a recognizer that reads every «Организации» as an unknown organization
    const heads: NerModel = {
      name: 'heads',
      languages: ['ru'],
      recognize: ({ tokens }) => tokens.flatMap((t, i): NerMention[] =>
        t.norm === 'организации' && tokens[i + 1]?.norm !== 'договора' ? [{ type: 'organization', start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, source: 'model' }] : []),
    };
    const text = 'Саммит Организации Договора о коллективной безопасности прошёл в Астане. Государства – члены Организации приняли заявление.';
    const a = createAnalyzer({ ner: heads }).analyze({ id: 'x', source: 'x', lang: 'ru', text });
    offsetsHold(a);
    expect(a.entities.find((e) => e.id === 'org:csto')?.mentions.map((m) => m.text)).toEqual(['Организации Договора о коллективной безопасности', 'Организации']);
    expect(a.entities.some((e) => e.id === null)).toBe(false);
    // without the full name in the document, the head word stays an unknown organization
    const b = createAnalyzer({ ner: heads }).analyze({ id: 'x', source: 'x', lang: 'ru', text: 'Саммит ОДКБ прошёл. Государства – члены Организации приняли заявление.' });
    expect(b.entities.find((e) => e.id === null)).toMatchObject({ type: 'organization', name: 'Организации' });
  });

  test('Arabic: a head with the article names an organization only with definite words after it; a generic one refers back', () => {
    const text = 'وافق المجلس الاقتصادي الأوراسي الأعلى على الخطة. وقالت المنظمة إنها مستعدة. وأكدت وزارة الخارجية الكازاخستانية أن مجلس الأمن التابع للمنظمة سيجتمع. وناقش المجلس تنفيذ القرارات.';
    const a = analyzer.analyze({ id: 'x', source: 'x', lang: 'ar', text });
    offsetsHold(a);
    expect(a.entities.filter((e) => e.type === 'organization').map((e) => e.name)).toEqual(['المجلس الاقتصادي الأوراسي الأعلى', 'وزارة الخارجية الكازاخستانية', 'مجلس الأمن']);
  });

  test('Arabic: clitic forms of head words, name joiners, a title of a place or a given name, verbs after a title, a listed place with a head word', () => {
    const text =
      'وقال وزير الخارجية الأوزبكي عبد العزيز كاملوف للبرلمان إن الاتفاق وقع بين وزارة النقل الكازاخستانية ووزارة الأشغال العامة الأفغانستانية. ' +
      'واستقبل وزير الخارجية الأفغاني - أمير خان متقي الوفد. وكانت البلاد جزءا من الاتحاد السوفيتي. ' +
      'نائب وزير الخارجية يحضر اجتماعا في باكو. والتقى أمير قطر تميم بن حمد آل ثاني الرئيس.';
    const a = analyzer.analyze({ id: 'x', source: 'x', lang: 'ar', text });
    offsetsHold(a);
    const named = (type: EntityType) => a.entities.filter((e) => e.type === type && e.id === null).map((e) => e.name);
    // عبد takes العزيز with it, a word with clitic and article is no family name (للبرلمان); a title that is also a given name (أمير) begins the name unless a place follows it (أمير قطر)
    expect(named('person')).toEqual(['عبد العزيز كاملوف', 'أمير خان متقي', 'تميم بن حمد آل ثاني']);
    // و + وزارة begins a second ministry (the stemmer reads وزارة alone as و + زارة); its name is without و
    expect(named('organization')).toEqual(['وزارة النقل الكازاخستانية', 'وزارة الأشغال العامة الأفغانستانية']);
    expect(named('location')).toEqual(['الاتحاد السوفيتي']);
    expect(a.entities.some((e) => e.id === 'country:QA')).toBe(true);
  });

  test('English: organizations by head word, places after "the village of", people; gazetteer links unchanged', () => {
    const text = 'President Emomali Rahmon met officials of the Ministry of Energy and Water Resources in Dushanbe. Later, Rahmon visited the village of Khorog. John Smith reported.';
    const a = analyzer.analyze(text);
    offsetsHold(a);
    expect(a.entities.find((e) => e.id === 'person:emomali-rahmon')?.mentions.length).toBe(2);
    expect(entity(a, 'Ministry of Energy and Water Resources')).toMatchObject({ id: null, type: 'organization' });
    expect(entity(a, 'Khorog')).toMatchObject({ id: null, type: 'location' });
    expect(entity(a, 'John Smith')).toMatchObject({ id: null, type: 'person' });
    expect(a.entities.find((e) => e.id === 'city:dushanbe')).toBeDefined();
  });

  test('English: a lone listed place or organization is typed without a head word; unlisted lone words stay out', () => {
    const text = 'Officials of Vestas met in Kyzylorda on Monday. Pavel Sorokin spoke. Nobody saw Zorblax there.';
    const a = analyzer.analyze({ id: 'x', source: 'x', text, lang: 'en' });
    offsetsHold(a);
    expect(entity(a, 'Vestas')).toMatchObject({ id: null, type: 'organization' });
    expect(entity(a, 'Kyzylorda')).toMatchObject({ id: null, type: 'location' });
    expect(entity(a, 'Pavel Sorokin')).toMatchObject({ id: null, type: 'person' });
    expect(a.entities.some((e) => e.name === 'Zorblax')).toBe(false);
  });

  test('English: a capitalized run of common words or with an acronym is no person without a title or a given name', () => {
    const text = 'The forum discussed Sustainable Growth and visited the Blue Mosque before the WTA Finals. Olaf Scholz and John Smith arrived, and Taalatbek Masadykov spoke. ' +
      'The haul grew, according to Samad Zafar.';
    const a = analyzer.analyze({ id: 'x', source: 'x', text, lang: 'en' });
    offsetsHold(a);
    // "to" is no cue for a place ("according to", "to Provide …")
    expect(a.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Olaf Scholz', 'John Smith', 'Taalatbek Masadykov', 'Samad Zafar']);
    // a common word opening a sentence is not part of a name; a lone acronym is an organization, after "in"
    // too; AI is a word
    const b = analyzer.analyze({ id: 'x', source: 'x', lang: 'en', text: 'Facing Sabalenka in the final, she won. She met Mark Rutte in WTA events. AI is changing news.' });
    expect(b.entities.filter((e) => e.id === null).map((e) => `${e.type}:${e.name}`)).toEqual(['person:Mark Rutte', 'organization:WTA']);
  });

  test('English: a title inside a capitalized run ends the words before it, and its complement after "of" is part of it; the name is what follows', () => {
    const text = 'Uzbekistan President Aziz Abdullaev met Kazakhstan Foreign Minister Ruslan Ivanov. The UN Secretary-General spoke. The Ministry of Energy Spokesman Aidos Karimov agreed. ' +
      'Secretary of State Blinken and the Minister of Foreign Affairs Aibek Smadyarov attended the UNGA General Debate. Aisultan Seitov won Best Director Award.';
    const a = analyzer.analyze({ id: 'x', source: 'x', text, lang: 'en' });
    offsetsHold(a);
    const people = a.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(['Aziz Abdullaev', 'Ruslan Ivanov', 'Aidos Karimov', 'Blinken', 'Aibek Smadyarov', 'Aisultan Seitov']);
    expect(a.entities.some((e) => e.type === 'location' && e.name.includes('State'))).toBe(false);
    expect(a.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['country:UZ', 'country:KZ', 'org:un']));
    expect(entity(a, 'Ministry of Energy')).toMatchObject({ id: null, type: 'organization' });
  });

  test('English: where capitalized runs end and split (a place\'s possessive, two organizations, a given name after one, infixes, plural titles)', () => {
    const text = 'The forum in Russia\'s Kazan opened before the New Year. The Women\'s Tennis Association and China\'s Xi Jinping sent greetings. ' +
      'The Council of Ministers of Foreign Affairs met. Spokesperson of the Kazakh Ministry of Foreign Affairs Aibek Smadyarov spoke to Kazinform News Agency and Fox News. ' +
      'Aid reached Mazar-i-Sharif.';
    const a = analyzer.analyze({ id: 'x', source: 'x', text, lang: 'en' });
    offsetsHold(a);
    const named = (type: EntityType) => a.entities.filter((e) => e.type === type && e.id === null).map((e) => e.name);
    // "New" is not "news" (an organization head word) though they share a stem
    expect(named('organization')).toEqual([
      'Women\'s Tennis Association', 'Council of Ministers of Foreign Affairs', 'Kazakh Ministry of Foreign Affairs', 'Kazinform News Agency', 'Fox News',
    ]);
    expect(named('person')).toEqual(['Aibek Smadyarov']);
    expect(named('location')).toEqual(['Mazar-i-Sharif']);
    expect(a.entities.filter((e) => e.id !== null).map((e) => e.id)).toEqual(['country:RU', 'city:kazan', 'country:CN', 'person:xi-jinping']);
  });

  test('ner: false reports gazetteer entities only, and recognition never changes lexicon matches', () => {
    const text = 'Вчера губернатор Игорь Руденя встретился с Касым-Жомартом Токаевым.';
    const off = createAnalyzer({ ner: false }).analyze(text);
    const on = analyzer.analyze(text);
    expect(off.entities.map((e) => e.id)).toEqual(['person:kassym-jomart-tokayev']);
    expect(on.matches).toEqual(off.matches);
    expect(on.entities.filter((e) => e.id !== null)).toEqual(off.entities);
  });

  test('a perceptron learns from a toy corpus and a custom recognizer plugs in', () => {
    const templates = ['bias', 'w[0]', 'w[-1]', 'shape[0]'];
    const compiled = compileTemplates(templates);
    const base = createAnalyzer({ ner: false, gazetteer: null });
    const corpus = ['мэр Иванов приехал', 'мэр Петров уехал', 'мэр Сидоров вернулся'].map((text) => {
      const a = base.analyze({ id: 't', source: 't', text, lang: 'ru' });
      const input = { text, lang: 'ru', tokens: a.tokens, entityMatches: [], gazetteer: null };
      return { input, attrs: a.tokens.map((t) => [t.norm, t.key, '', '', '', '', t.caps === 'initial' ? 'Xx' : 'x', t.caps, '', 'O', '-', '', '', '']) };
    });
    const sentences = corpus.map(({ attrs }) => ({
      features: sentenceFeatures(attrs, 0, attrs.length, compiled),
      gold: goldPaths(attrs.length, ['person'], [{ type: 'person', tokenStart: 1, tokenEnd: 2 }]),
    }));
    const data = trainPerceptron(sentences, { lang: 'ru', version: 'test', types: ['person'], templates, epochs: 3, prune: 0 });
    const ner = createRecognizer({ models: new Map([['ru', languageModel(data)]]), ruleLanguages: [] });
    const text = 'мэр Кузнецов приехал';
    const a = createAnalyzer({ ner, gazetteer: null }).analyze({ id: 'x', source: 'x', text, lang: 'ru' });
    expect(a.entities).toEqual([{ id: null, type: 'person', name: 'Кузнецов', mentions: [{ start: 4, end: 12, text: 'Кузнецов' }] }]);
    expect(() => compileTemplates(['nope[0]'])).toThrow(/bad part/);
  });

  test('an organization the model found once is found at its other places in the document', () => {
    const templates = ['bias', 'w[0]', 'w[-1]', 'shape[0]'];
    const compiled = compileTemplates(templates);
    const base = createAnalyzer({ ner: false, gazetteer: null });
    const attrsOf = (text: string) => base.analyze({ id: 't', source: 't', text, lang: 'ru' }).tokens.map((t) => [t.norm, t.key, '', '', '', '', t.caps === 'initial' ? 'Xx' : 'x', t.caps, '', 'O', '-', '', '', '', '-', '-']);
    const corpus: Array<[string, number]> = [['компания Ромтех выросла', 1], ['компания Вектор уехала', 1], ['вчера Иван пришёл', -1], ['вчера Пётр ушёл', -1]];
    const sentences = corpus.map(([text, at]) => {
      const attrs = attrsOf(text);
      return { features: sentenceFeatures(attrs, 0, attrs.length, compiled), gold: goldPaths(attrs.length, ['organization'], at < 0 ? [] : [{ type: 'organization', tokenStart: at, tokenEnd: at + 1 }]) };
    });
    const data = trainPerceptron(sentences, { lang: 'ru', version: 'test', types: ['organization'], templates, epochs: 5, prune: 0 });
    const ner = createRecognizer({ models: new Map([['ru', languageModel(data)]]), ruleLanguages: [] });
    const text = 'компания Мираж выросла. Вчера Мираж закрылась.';
    const a = createAnalyzer({ ner, gazetteer: null }).analyze({ id: 'x', source: 'x', text, lang: 'ru' });
    expect(a.entities).toEqual([{ id: null, type: 'organization', name: 'Мираж', mentions: [{ start: 9, end: 14, text: 'Мираж' }, { start: 30, end: 35, text: 'Мираж' }] }]);
  });

  test('corpus reader and exact-span scores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ner-'));
    const file = join(dir, 'x.txt');
    writeFileSync(file, 'Асхат B-PERSON\nШахаров I-PERSON\nАқтөбеде B-GPE\nболды O\n\nҰҚШҰ B-ORGANISATION\n');
    const [doc] = readKazNerd(file);
    expect(doc!.text).toBe('Асхат Шахаров Ақтөбеде болды\nҰҚШҰ\n');
    expect(doc!.gold.map((g) => [g.type, doc!.text.slice(g.start, g.end)])).toEqual([
      ['person', 'Асхат Шахаров'], ['location', 'Ақтөбеде'], ['organization', 'ҰҚШҰ'],
    ]);
    const s = scoreSpans([{ gold: doc!.gold, predicted: [doc!.gold[0]!, { type: 'person', start: 0, end: 5 }] }]);
    expect(s.person).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(s.location.recall).toBe(0);
    // factRuEval: objects over spans, LocOrg as location, normalized names from the coreference layer
    const fre = mkdtempSync(join(tmpdir(), 'fre-'));
    writeFileSync(join(fre, 'book_1.txt'), 'Юрия Лужкова видели у мэрии Москвы.');
    writeFileSync(join(fre, 'book_1.spans'), '1 name 0 4 1 1\n2 surname 5 7 2 1\n3 org_descr 22 5 5 1\n4 loc_name 28 6 6 1\n');
    writeFileSync(join(fre, 'book_1.objects'), '10 Person 1 2 # Юрия Лужкова\n11 Org 3 4 # мэрии Москвы\n12 LocOrg 4 # Москвы\n');
    writeFileSync(join(fre, 'book_1.coref'), '1 10\nfirstname Юрий\nlastname Лужков\n\n2 11\ndescriptor мэрия\nname мэрия Москвы\n\n3 12\nname Москва\n');
    const [book] = readFactRuEval(fre);
    expect(book!.gold.map((g) => [g.type, book!.text.slice(g.start, g.end), g.name?.join(' ')])).toEqual([
      ['person', 'Юрия Лужкова', 'юрий лужков'], ['organization', 'мэрии Москвы', 'мэрия москвы'], ['location', 'Москвы', 'москва'],
    ]);
  });
});

describe('fast decoding', () => {
  const texts = {
    ru:
      'Мэр Москвы Сергей Собянин встретился с главой «Газпрома» Алексеем Миллером. ' +
      'Министр иностранных дел Казахстана Мурат Нуртлеу прибыл в Женеву, сообщает ТАСС. ' +
      '«Единая Россия» и КПРФ обсудили бюджет; в Усть-Каменогорске прошёл митинг.',
    kk:
      'Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада Ресей Президенті Владимир Путинмен кездесті. ' +
      '«ҚазМұнайГаз» ұлттық компаниясы Атырау облысында жаңа кен орнын ашты, деп хабарлайды Kazinform.',
  };
  it.each(Object.entries(texts))('decodes exactly as the feature strings used in training do (%s model; again from its caches)', (lang, text) => {
    const model = languageModel(readPerceptronFile(new URL(`../data/ner/${lang}.model.json.gz`, import.meta.url)));
    const a = createAnalyzer({ ner: false }).analyze({ id: 'x', source: 'x', text, lang });
    const input = { tokens: a.tokens, text, lang, entityMatches: a.matches.filter((m) => m.kind === 'entity'), gazetteer: null };
    const attrs = tokenAttributes(input, defaultCues());
    let mentions = 0;
    for (let round = 0; round < 2; round++) {
      for (const [from, to] of sentenceRanges(a.tokens)) {
        const slow = model.perceptron.decode(sentenceFeatures(attrs, from, to, model.templates));
        const fast = model.perceptron.decodeSentence(attrs, from, to);
        expect(fast.map((p) => Array.from(p))).toEqual(slow.map((p) => Array.from(p)));
        mentions += slow.reduce((n, p) => n + runs(p).length, 0);
      }
    }
    expect(mentions).toBeGreaterThan(6);
  });
});

describe('BILOU chains', () => {
  it('gold paths use U for one-word names and B…L for longer ones; runs reads them back', () => {
    const [person, place] = goldPaths(6, ['person', 'location'], [
      { type: 'person', tokenStart: 0, tokenEnd: 3 }, { type: 'person', tokenStart: 4, tokenEnd: 5 }, { type: 'location', tokenStart: 5, tokenEnd: 6 },
    ]);
    expect(Array.from(person!)).toEqual([B, I, L, O, U, O]);
    expect(Array.from(place!)).toEqual([O, O, O, O, O, U]);
    expect(runs(person!)).toEqual([[0, 3], [4, 5]]);
  });

  it('Viterbi paths are always well-formed: I and L only after B or I, no name left open at the end', () => {
    let seed = 3;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 4 - 2;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + (trial % 7);
      const emissions = Array.from({ length: n * 5 }, rnd);
      const trans = Array.from({ length: 6 * 5 }, rnd);
      const path = Array.from(viterbi(n, emissions, 5, 0, trans));
      path.forEach((t, i) => {
        const open = i > 0 && (path[i - 1] === B || path[i - 1] === I);
        expect(open).toBe(t === I || t === L);
      });
      expect([O, L, U]).toContain(path[n - 1]);
    }
  });

  it('a model file in the old BIO encoding is refused with a clear message', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tt-ner-')), 'old.model.json.gz');
    writeFileSync(file, gzipSync(JSON.stringify({ format: 'topictag-ner-perceptron', version: '1.2.0', lang: 'ru', types: ['person'], templates: ['bias'], scale: 10, transitions: [[]], features: {} })));
    expect(() => languageModel(readPerceptronFile(file))).toThrow(/encoding BIO is not supported.*retrain/u);
  });
});

describe('name lists', () => {
  const dir = new URL('../data/ner/names/', import.meta.url);
  const lists = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as NameListData] as const);

  it('each list has a kind, a source, names for ru, kk, ar and en in their scripts, no repeats', () => {
    expect(lists.map(([, l]) => l.kind).sort()).toEqual(['given', 'organization', 'place']);
    for (const [file, list] of lists) {
      expect(list.source).toBeTruthy();
      for (const lang of ['ru', 'kk', 'ar', 'en'] as const) {
        const names = list.names[lang] ?? [];
        expect(names.length).toBeGreaterThan(200);
        expect({ file, lang, repeats: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ file, lang, repeats: [] });
        // organization lists may write foreign brands in Latin letters, as the press does
        const scripts = lang === 'ar' ? ['Arab'] : lang === 'en' ? ['Latn'] : list.kind === 'organization' ? ['Cyrl', 'Latn'] : ['Cyrl'];
        const wrong = names.filter((n) => n.split(/[\s\-'’.]+/u).some((w) => /\p{L}/u.test(w) && !scripts.includes(scriptOf(w))));
        expect({ file, lang, wrong }).toEqual({ file, lang, wrong: [] });
      }
    }
  });

  it('mark given names, places (multi-word too) and organizations in inflected forms, per document language', () => {
    const kinds = (text: string, lang: 'ru' | 'kk') => {
      const a = createAnalyzer({ ner: false }).analyze({ id: 'x', source: 'x', text, lang });
      const marks = defaultCues().nameKinds(a.tokens, text, lang);
      return a.tokens.map((t, i) => [t.text, marks[i]]).filter(([, k]) => k !== '-');
    };
    expect(kinds('Наину Иосифовну встретили в Нижнем Новгороде представители Microsoft.', 'ru')).toEqual([
      ['Наину', 'given'], ['Нижнем', 'place'], ['Новгороде', 'place+'], ['Microsoft', 'organization'],
    ]);
    expect(kinds('Ерлан Қарағандыға барды.', 'kk')).toEqual([['Ерлан', 'given'], ['Қарағандыға', 'place']]);
  });
});

describe('names across a tight hyphen and a patronymic joiner', () => {
  const text = 'Основатель фронта Жан-Мари Ле Пен-старший встретился с Ливиу-Дитер Нисипяну в Усть-Каменогорске; Россия - Китай. ' +
    'Приехал Ильхам Гейдар оглы Алиев, Азиз оглы и Керим улы.';
  const a = createAnalyzer({ ner: false }).analyze({ id: 'x', source: 'x', text, lang: 'ru' });
  const input = { tokens: a.tokens, text, lang: 'ru', entityMatches: [], gazetteer: null };
  const at = (word: string): number => a.tokens.findIndex((t) => t.text === word);
  const mention = (type: EntityType, first: string, last: string): NerMention => {
    const s = at(first);
    const e = at(last) + 1;
    return { type, start: a.tokens[s]!.start, end: a.tokens[e - 1]!.end, tokenStart: s, tokenEnd: e, source: 'model' };
  };
  it('people and places begin after their titles, a title alone is no name; organizations keep them', () => {
    const t = 'Далее Глава государства отметил, что Президент Республики Беларусь Александр Лукашенко и Президент оркестрі выступили.';
    const b = createAnalyzer({ ner: false }).analyze({ id: 'x', source: 'x', text: t, lang: 'ru' });
    const find = (word: string): number => b.tokens.findIndex((x) => x.text === word);
    const m = (type: EntityType, first: string, last: string, from = 0): NerMention => {
      const s = b.tokens.findIndex((x, i) => i >= from && x.text === first);
      const e = find(last) + 1;
      return { type, start: b.tokens[s]!.start, end: b.tokens[e - 1]!.end, tokenStart: s, tokenEnd: e, source: 'model' };
    };
    const out = withoutTitles({ ...input, tokens: b.tokens, text: t }, [
      m('person', 'Глава', 'Глава'), m('location', 'Президент', 'Беларусь'), m('person', 'Александр', 'Лукашенко'), m('organization', 'Президент', 'оркестрі', find('Лукашенко')),
    ], defaultCues());
    expect(out.map((x) => `${x.type}:${t.slice(x.start, x.end)}`)).toEqual(['location:Республики Беларусь', 'person:Александр Лукашенко', 'organization:Президент оркестрі']);
    expect(out[0]!.tokenStart).toBe(find('Республики'));
  });
  it('merges a name split at its hyphen or patronymic and extends one begun after it; not over a spaced dash or to a lowercase word', () => {
    const out = joinNameParts(input, [
      mention('person', 'Жан', 'Жан'), mention('person', 'Мари', 'Пен'),
      mention('person', 'Дитер', 'Нисипяну'),
      mention('location', 'Каменогорске', 'Каменогорске'),
      mention('location', 'Россия', 'Россия'), mention('location', 'Китай', 'Китай'),
      mention('person', 'Ильхам', 'Гейдар'), mention('person', 'Алиев', 'Алиев'), mention('person', 'Азиз', 'Азиз'), mention('location', 'Керим', 'Керим'),
    ], defaultCues());
    // a person goes on over a patronymic joiner and the capitalized word after it, not over a lowercase one; other types do not
    expect(out.map((m) => `${m.type}:${text.slice(m.start, m.end)}`).sort()).toEqual([
      'location:Керим', 'location:Китай', 'location:Россия', 'location:Усть-Каменогорске',
      'person:Азиз', 'person:Жан-Мари Ле Пен', 'person:Ильхам Гейдар оглы Алиев', 'person:Ливиу-Дитер Нисипяну',
    ]);
  });
});
