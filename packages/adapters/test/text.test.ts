import { findBoilerplate, fromText } from '../src/index.js';
import { isCovered, isWellFormed, overlaps, rangeOf, readGold, readSeed } from './helpers.js';

const gold = readGold();
const seed = (prefix: string): string => {
  const doc = gold.find((g) => g.file.startsWith(prefix));
  if (doc === undefined) throw new Error(`no seed ${prefix}`);
  return readSeed(doc.file);
};

/** Lines of running text (≥ 150 characters, ending like a sentence): body paragraphs must never be boilerplate. */
function paragraphs(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length >= 150 && /[.!?»"”]$/u.test(l));
}

describe('fromText on the seed pages', () => {
  test.each(gold.map((g) => [g.file, g] as const))('%s: title and date match gold', (file, g) => {
    const text = readSeed(file);
    const doc = fromText(text, { id: file, source: `seeds/${file}` });
    expect(doc.title).toBe(g.title);
    expect(doc.date).toBe(g.date);
    expect(doc.text).toBe(text);
    expect(doc.id).toBe(file);
    expect(isWellFormed(doc.boilerplate ?? [], text.length)).toBe(true);
  });

  test.each(gold.map((g) => [g.file] as const))('%s: body paragraphs and the headline are not boilerplate', (file) => {
    const text = readSeed(file);
    const spans = findBoilerplate(text);
    const { title } = fromText(text, { id: 'x', source: 'x' });
    const related = text.search(/\n(?:Другие новости|Басқа жаңалықтар)\n/u);
    for (const p of paragraphs(related > 0 ? text.slice(0, related) : text)) expect(overlaps(spans, rangeOf(text, p))).toBe(false);
    if (title) expect(overlaps(spans, rangeOf(text, title))).toBe(false);
  });
});

describe('boilerplate on the seed pages', () => {
  test('000: date line, "Другие новости" block with its lists, domain and footer', () => {
    const text = seed('000');
    const spans = findBoilerplate(text);
    expect(isCovered(spans, rangeOf(text, 'Воскресенье, 24 Ноября 2024'))).toBe(true);
    expect(isCovered(spans, rangeOf(text, 'Akorda.kz'))).toBe(true);
    const block = { start: text.indexOf('Другие новости'), end: text.length };
    expect(isCovered(spans, block)).toBe(true); // headlines, snippets, dates, counters, footer
    expect(isCovered(spans, rangeOf(text, 'Глава государства принял участие в саммите «БРИКС плюс»'))).toBe(true);
    expect(isCovered(spans, rangeOf(text, 'Создано на платформе Alison CMS'))).toBe(true);
    expect(isCovered(spans, rangeOf(text, 'Дизайн и разработка сайта от компании Licon.'))).toBe(true);
    // the last body paragraph stays content
    expect(overlaps(spans, rangeOf(text, 'Касым-Жомарт Токаев заявил, что наша страна нацелена'))).toBe(false);
  });

  test('001: font-size widget, author/date line, domain and view counter', () => {
    const text = seed('001');
    const spans = findBoilerplate(text);
    for (const s of ['Размер текста: - o +', 'Герман Напольский 05-01-2024 16:25:27', 'evrazesnews.ru', 'Показы: 719']) {
      expect(isCovered(spans, rangeOf(text, s))).toBe(true);
    }
  });

  test('002: the date prefix of the headline line and the photo credit', () => {
    const text = seed('002');
    const spans = findBoilerplate(text);
    expect(isCovered(spans, rangeOf(text, 'date 2025-12-12'))).toBe(true);
    expect(overlaps(spans, rangeOf(text, 'Президент высказался за создание независимой Палестины'))).toBe(false);
    expect(isCovered(spans, rangeOf(text, 'Фото: пресс-служба Президента РК'))).toBe(true);
    // a body line without a final period is still content
    expect(overlaps(spans, rangeOf(text, 'Также Президент Казахстана считает необходимым продолжить оказание помощи Афганистану'))).toBe(false);
  });

  test('003: date line, counters, menu, calendar grid and subscription widget', () => {
    const text = seed('003');
    const spans = findBoilerplate(text);
    expect(isCovered(spans, rangeOf(text, '20.12.2020'))).toBe(true);
    const tail = { start: text.indexOf('Қарау саны: 1361'), end: text.length };
    expect(isCovered(spans, tail)).toBe(true);
    for (const s of ['Қарау саны: 1361', 'Сақталған: 23.11.2024', 'Төрағаның блогы', 'Қаң Ақп Нау Сәу', 'Қыр Қаз Қар Жел', 'Таратылымға жазылу', 'ҚАТЕ!', 'Хорошая погода, не так ли?']) {
      expect(isCovered(spans, rangeOf(text, s))).toBe(true);
    }
  });

  test('004: the Arabic credits are boilerplate, the subheading is content', () => {
    const text = seed('004');
    const spans = findBoilerplate(text);
    for (const s of ['مجموعة الرؤية الإستراتيجية "روسيا - العالم الإسلامي"', 'الصورة: الموقع الرسمي لرئيس روسيا', 'المصدر: تاس']) {
      expect(isCovered(spans, rangeOf(text, s))).toBe(true);
    }
    expect(overlaps(spans, rangeOf(text, 'الوضع في أفغانستان والشرق الأوسط'))).toBe(false);
    expect(overlaps(spans, rangeOf(text, 'أكد الرئيس الكازاخستاني'))).toBe(false);
  });
});

describe('fromText on other layouts (general rules)', () => {
  const en = [
    'Home | News | Politics | Sport | Contact',
    'Kazakhstan and Uzbekistan sign water agreement',
    'By John Smith',
    'March 3, 2024 10:15',
    'ASTANA — Kazakhstan and Uzbekistan signed an agreement on the shared use of water resources on Monday, officials said.',
    'The deal covers the Syr Darya basin and will be reviewed annually by both governments.',
    'Photo: Reuters',
    'Related news',
    'Uzbekistan hosts Central Asian summit',
    'Leaders met in Samarkand to discuss trade...',
    'March 1, 2024',
    '© 2024 Example News. All rights reserved.',
  ].join('\n');

  test('English page: menu, byline, date, credit, related block, footer', () => {
    const doc = fromText(en, { id: 'en', source: 'en.txt' });
    const spans = doc.boilerplate ?? [];
    expect(doc.title).toBe('Kazakhstan and Uzbekistan sign water agreement');
    expect(doc.date).toBe('2024-03-03');
    for (const s of ['Home | News', 'By John Smith', 'March 3, 2024 10:15', 'Photo: Reuters', 'Uzbekistan hosts Central Asian summit', 'All rights reserved.']) {
      expect(isCovered(spans, rangeOf(en, s))).toBe(true);
    }
    expect(overlaps(spans, rangeOf(en, 'ASTANA — Kazakhstan'))).toBe(false);
    expect(overlaps(spans, rangeOf(en, 'The deal covers'))).toBe(false);
  });

  test('Russian page: one-item-per-line menu above the headline; a short list inside the body stays', () => {
    const text = [
      'Главная', 'Новости', 'Политика', 'Спорт',
      'Токаев провёл переговоры с Мирзиёевым',
      '12 марта 2024, 14:05',
      'Президент Казахстана Касым-Жомарт Токаев провёл переговоры с президентом Узбекистана Шавкатом Мирзиёевым в Ташкенте.',
      'Участники встречи:', 'Казахстан', 'Узбекистан', 'Кыргызстан',
      'По итогам переговоров подписан ряд документов в сфере энергетики, транспорта и цифровизации экономики.',
      'Читайте также: Токаев посетил Самарканд',
      'Источник: Kazinform',
    ].join('\n');
    const doc = fromText(text, { id: 'ru', source: 'ru.txt' });
    const spans = doc.boilerplate ?? [];
    expect(doc.title).toBe('Токаев провёл переговоры с Мирзиёевым');
    expect(doc.date).toBe('2024-03-12');
    expect(isCovered(spans, rangeOf(text, 'Главная\nНовости\nПолитика\nСпорт'))).toBe(true);
    expect(overlaps(spans, rangeOf(text, 'Казахстан\nУзбекистан\nКыргызстан'))).toBe(false);
    expect(isCovered(spans, rangeOf(text, 'Читайте также: Токаев посетил Самарканд\nИсточник: Kazinform'))).toBe(true);
  });

  test('a related block ends where real body text resumes', () => {
    const body =
      'Это длинный абзац основного текста статьи, который продолжается после блока ссылок и содержит достаточно слов, чтобы считаться настоящим текстом новости, а не анонсом другой новости на сайте. Анонсы обычно короче двухсот знаков.';
    const text = ['Заголовок новости о переговорах', 'Первый абзац новости: президент встретился с делегацией и обсудил с ней вопросы сотрудничества.', 'Читайте также', 'Другая новость про экономику', body].join('\n');
    const spans = findBoilerplate(text);
    expect(isCovered(spans, rangeOf(text, 'Читайте также\nДругая новость про экономику'))).toBe(true);
    expect(overlaps(spans, rangeOf(text, body))).toBe(false);
  });

  test('no headline when the page starts with running text; no date when there is none', () => {
    const text = 'Президент Казахстана провёл совещание по вопросам развития энергетики и поручил правительству подготовить предложения.\nВчера он также встретился с министрами.';
    const doc = fromText(text, { id: 'x', source: 'x' });
    expect(doc.title).toBeNull();
    expect(doc.date).toBeNull();
    expect(doc.boilerplate).toEqual([]);
  });

  test('a "saved on" date and dates in related lists are not the publication date', () => {
    const text = ['Заголовок без даты в шапке', 'Основной текст статьи о встрече глав государств, который описывает ход переговоров и их итоги.', 'Сохранено: 23.11.2024', 'Другие новости', 'Новость о чём-то ещё', '25.10.2024 1975'].join('\n');
    expect(fromText(text, { id: 'x', source: 'x' }).date).toBeNull();
  });

  test('a date labelled "published" counts even below the header', () => {
    const lines = ['Заголовок статьи о переговорах', ...Array.from({ length: 6 }, (_, i) => `Абзац номер ${i + 1} основного текста статьи о переговорах и их итогах.`), 'Опубликовано: 05.02.2024'];
    expect(fromText(lines.join('\n'), { id: 'x', source: 'x' }).date).toBe('2024-02-05');
  });

  test('Windows line breaks and a headline followed by its date', () => {
    const text = 'Kazakhstan hosts the SCO summit in Astana\r\n5 July 2024\r\n\r\nLeaders of the member states gathered in Astana for the annual summit of the organisation.\r\n';
    const doc = fromText(text, { id: 'x', source: 'x' });
    expect(doc.title).toBe('Kazakhstan hosts the SCO summit in Astana');
    expect(doc.date).toBe('2024-07-05');
    expect(isCovered(doc.boilerplate ?? [], rangeOf(text, '5 July 2024'))).toBe(true);
  });
});
