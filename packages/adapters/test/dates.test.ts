import { parseDate } from '../src/index.js';

const date = (text: string): string | null => parseDate(text)?.date ?? null;

describe('parseDate', () => {
  test.each([
    // Russian, every case form, capitalised, ё/е
    ['Воскресенье, 24 Ноября 2024', '2024-11-24'],
    ['1 января 2024 года', '2024-01-01'],
    ['январь 5, 2024', '2024-01-05'],
    ['в 3 мае 2023', '2023-05-03'],
    ['12 марта 2024, 14:05', '2024-03-12'],
    ['7 авг. 2022', '2022-08-07'],
    ['20 сентябрём 2021', '2021-09-20'],
    // numeric
    ['Герман Напольский 05-01-2024 16:25:27', '2024-01-05'],
    [' date 2025-12-12 Президент высказался', '2025-12-12'],
    ['20.12.2020', '2020-12-20'],
    ['20/12/2020', '2020-12-20'],
    ['2024/03/07', '2024-03-07'],
    ['2024-11-24T10:00:00+05:00', '2024-11-24'],
    // Arabic: Egyptian/Gulf and Levantine names, paired names, Arabic-Indic digits, glued و
    ['الأربعاء 3 ابريل/نيسان 2024', '2024-04-03'],
    ['3 أبريل 2024', '2024-04-03'],
    ['15 كانون الثاني 2023', '2023-01-15'],
    ['1 تشرين الأول 2022', '2022-10-01'],
    ['9 آب 2021', '2021-08-09'],
    ['٣ أبريل ٢٠٢٤', '2024-04-03'],
    ['يوميّ 2 و3 ابريل 2024', '2024-04-03'],
    ['25 ديسمبر 2019', '2019-12-25'],
    ['12 أيار/مايو 2024', '2024-05-12'],
    // Kazakh: year-first and day-first, inflected month
    ['2024 жылғы 5 қаңтар', '2024-01-05'],
    ['2023 ж. 17 желтоқсанда', '2023-12-17'],
    ['5 наурыз 2024 ж.', '2024-03-05'],
    ['Қыркүйек 1, 2020', '2020-09-01'],
    // English
    ['January 5, 2024', '2024-01-05'],
    ['5 Jan 2024', '2024-01-05'],
    ['Sept. 5th, 2024', '2024-09-05'],
    ['on 31 December 2023 at noon', '2023-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  test.each([
    ['31.02.2024'], // no 31 February
    ['29.02.2023'], // not a leap year
    ['32 января 2024'],
    ['2024-13-01'],
    ['12/25/2024'], // month-first is not read (numeric dates are day-first)
    ['вчера'],
    ['сегодня, 14:30'],
    ['2 hours ago'],
    ['кеше'],
    ['أمس'],
    ['май 2024'], // no day
    ['2020-2022 жылдары'],
    ['3 ابريل/مايو 2024'], // the paired names disagree
    ['16:25:27'],
    ['Показы: 719'],
  ])('%s → null', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  test('leap day is valid', () => {
    expect(date('29.02.2024')).toBe('2024-02-29');
  });

  test('returns the first date and its span', () => {
    const text = 'Опубликовано 24 ноября 2024, обновлено 25.11.2024';
    const found = parseDate(text);
    expect(found).toEqual({ date: '2024-11-24', span: { start: 13, end: 27 } });
    expect(text.slice(found?.span.start, found?.span.end)).toBe('24 ноября 2024');
  });

  test('skips an invalid date and finds the next valid one', () => {
    expect(date('31.02.2024 и 01.03.2024')).toBe('2024-03-01');
  });

  test('span of an Arabic paired-month date', () => {
    const text = 'وذلك اليوم الأربعاء 3 ابريل/نيسان 2024.';
    const found = parseDate(text);
    expect(found && text.slice(found.span.start, found.span.end)).toBe('3 ابريل/نيسان 2024');
  });
});
