import { capsOf, contentRanges, detectLanguage, splitSentences, splitWords } from '../src/index.js';

describe('detectLanguage', () => {
  it.each([
    ['Казахстан принял председательство в Организации Договора о коллективной безопасности.', 'ru'],
    ['Қазақстан Президенті Қасым-Жомарт Тоқаев мемлекет басшыларының назарын аударды.', 'kk'],
    ['أكد الرئيس الكازاخستاني أن سلطات البلاد تلتزم بمبدأ عدم تجزئة الأمن.', 'ar'],
    ['Kazakhstan took over the chairmanship of the Collective Security Treaty Organization.', 'en'],
    ['Кыргызстандын президенти Садыр Жапаров өлкөнүн өнүгүүсү жөнүндө сүйлөдү.', 'ky'],
    ['Президенти Ҷумҳурии Тоҷикистон дар ҷаласа иштирок кард.', 'tg'],
    ['Казахстан и Китай договорились увеличить транзит газа по газопроводу Казахстан — Китай.', 'ru'],
    ['Україна та Казахстан підписали угоду про співпрацю.', 'uk'],
    ['رئیس‌جمهور ایران گفت که کشورش آماده گفتگو با همسایگان است.', 'fa'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('says und for text without letters', () => {
    expect(detectLanguage('2024-01-05 16:25').lang).toBe('und');
  });

  it('gives the dominant language of mixed text', () => {
    const text = 'Глава государства выступил на пленарном заседании форума Astana Think Tank Forum в столице.';
    expect(detectLanguage(text).lang).toBe('ru');
  });
});

describe('segmentation', () => {
  it('splits sentences at sentence ends and line breaks, with offsets', () => {
    const text = 'Заголовок без точки\nПервое предложение. Второе — здесь! А третье?';
    const s = splitSentences(text, [{ start: 0, end: text.length }], 'ru');
    expect(s.map((x) => x.text)).toEqual(['Заголовок без точки', 'Первое предложение.', 'Второе — здесь!', 'А третье?']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('goes on past the period of an initial or an abbreviation of the language, not after a number', () => {
    const ru = 'Президент В. В. Путин заявил. Глава МИД С. Лавров приехал в г. Алматы на ул. Абая. Это было в 2024 г. В Москве тоже.';
    expect(splitSentences(ru, [{ start: 0, end: ru.length }], 'ru').map((x) => x.text)).toEqual([
      'Президент В. В. Путин заявил.', 'Глава МИД С. Лавров приехал в г. Алматы на ул. Абая.', 'Это было в 2024 г.', 'В Москве тоже.',
    ]);
    const en = 'Leaders met in St. Petersburg. Mr. Smith came at 5 p.m. Then he left.';
    const s = splitSentences(en, [{ start: 0, end: en.length }], 'en');
    expect(s.map((x) => x.text)).toEqual(['Leaders met in St. Petersburg.', 'Mr. Smith came at 5 p.m.', 'Then he left.']);
    for (const x of s) expect(en.slice(x.start, x.end)).toBe(x.text);
    // an abbreviation that stands before a number (numberAbbreviations, case as written)
    const sport = 'She beat World No. 1 Aryna Sabalenka. See Art. 5 Of the charter. It was a No. Then she left.';
    expect(splitSentences(sport, [{ start: 0, end: sport.length }], 'en').map((x) => x.text)).toEqual([
      'She beat World No. 1 Aryna Sabalenka.', 'See Art. 5 Of the charter.', 'It was a No.', 'Then she left.',
    ]);
  });

  it('splits Arabic sentences', () => {
    const text = 'قال توكاييف. وأضاف أن كازاخستان مستعدة؟ نعم';
    expect(splitSentences(text, [{ start: 0, end: text.length }], 'ar').length).toBe(3);
  });

  it('splits words in all four scripts with offsets into the original', () => {
    const text = 'Касым-Жомарт Тоқаевтың «ТМД-ның» Kazakhstan’s وبالأمم';
    const words = splitWords(text, 'ru');
    expect(words.map((w) => w.text)).toEqual(['Касым', 'Жомарт', 'Тоқаевтың', 'ТМД', 'ның', 'Kazakhstan’s', 'وبالأمم']);
    expect(words.map((w) => w.norm)).toEqual(['касым', 'жомарт', 'тоқаевтың', 'тмд', 'ның', "kazakhstan's", 'وبالامم']);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('tells capitalization apart', () => {
    expect(capsOf('ОДКБ')).toBe('upper');
    expect(capsOf('Газа')).toBe('initial');
    expect(capsOf('газа')).toBe('lower');
    expect(capsOf('غزة')).toBe('none');
    expect(capsOf('A')).toBe('initial');
  });

  it('computes the content outside boilerplate', () => {
    expect(contentRanges(100, [{ start: 50, end: 60 }, { start: 0, end: 10 }, { start: 55, end: 70 }])).toEqual([
      { start: 10, end: 50 },
      { start: 70, end: 100 },
    ]);
  });
});
