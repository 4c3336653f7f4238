import { fromHtml } from '../src/index.js';
import { isCovered, overlaps, rangeOf } from './helpers.js';

const page = `<!DOCTYPE html>
<html lang="ru-RU">
<head>
  <meta charset="utf-8">
  <title>Токаев принял участие в саммите ОДКБ | Example News</title>
  <meta property="og:title" content="Токаев принял участие в саммите ОДКБ">
  <meta property="og:url" content="https://example.kz/og-url">
  <meta property="article:published_time" content="2024-11-23T09:00:00+05:00">
  <link rel="canonical" href="https://example.kz/news/csto-summit">
  <style>body { color: red }</style>
  <script>var counter = "Показы: 100";</script>
</head>
<body>
  <header class="site"><a href="/">Example&nbsp;News</a> <span>Воскресенье, 1 Декабря 2024</span></header>
  <nav><ul><li>Главная</li><li>Политика</li><li>Экономика</li></ul></nav>
  <main>
    <article>
      <header><h1>Токаев  принял участие
        в саммите ОДКБ</h1><time datetime="2024-11-24T10:30:00+05:00">24 ноября 2024</time></header>
      <p>Глава государства принял участие в сессии Совета коллективной безопасности ОДКБ в узком составе в Астане.</p>
      <p>Президент отметил, что <b>ситуация</b> на Ближнем Востоке &laquo;вызывает тревогу&raquo;,
         и призвал к&nbsp;диалогу.<br>Вторая строка абзаца после переноса.</p>
      <figure><img src="a.jpg"><figcaption>Фото: Akorda.kz</figcaption></figure>
      <footer>Теги: ОДКБ, Казахстан</footer>
    </article>
    <aside><h2>Читайте также</h2><a>Другая новость</a></aside>
    <form><input name="q"><button>Найти</button></form>
  </main>
  <footer>© 2024 Example News. Все права защищены.</footer>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-11-22"}</script>
</body>
</html>`;

describe('fromHtml', () => {
  const doc = fromHtml(page, { id: 'csto', source: 'csto.html' });

  test('metadata: title, date, lang, url', () => {
    expect(doc.id).toBe('csto');
    expect(doc.source).toBe('csto.html');
    expect(doc.title).toBe('Токаев принял участие в саммите ОДКБ');
    expect(doc.date).toBe('2024-11-24'); // <time datetime> comes first
    expect(doc.lang).toBe('ru');
    expect(doc.url).toBe('https://example.kz/news/csto-summit');
  });

  test('text: block elements become lines, whitespace collapsed, entities decoded', () => {
    const lines = doc.text.split('\n');
    expect(lines).toContain('Токаев принял участие в саммите ОДКБ'); // article header is kept
    expect(lines).toContain('Президент отметил, что ситуация на Ближнем Востоке «вызывает тревогу», и призвал к диалогу.');
    expect(lines).toContain('Вторая строка абзаца после переноса.');
    expect(lines.every((l) => l === l.trim() && l.length > 0 && !/\s{2}/u.test(l))).toBe(true);
  });

  test('dropped: head, script, style, nav, page header and footer, aside, form', () => {
    for (const gone of ['Example News', 'Главная', 'Политика', 'Показы', 'color: red', 'Все права защищены', 'Читайте также', 'Найти', 'Теги', '1 Декабря', 'datePublished']) {
      expect(doc.text).not.toContain(gone);
    }
  });

  test('boilerplate spans of the extracted text', () => {
    const spans = doc.boilerplate ?? [];
    expect(isCovered(spans, rangeOf(doc.text, 'Фото: Akorda.kz'))).toBe(true);
    expect(isCovered(spans, rangeOf(doc.text, '24 ноября 2024'))).toBe(true);
    expect(overlaps(spans, rangeOf(doc.text, 'Глава государства принял участие'))).toBe(false);
    expect(overlaps(spans, rangeOf(doc.text, 'Токаев принял участие в саммите ОДКБ'))).toBe(false);
  });

  test('date and title fallbacks: meta tags, JSON-LD, then the text', () => {
    const head = (extra: string): string => `<html><head>${extra}</head><body><h1>Заголовок из h1</h1><p>Текст 20.12.2020</p></body></html>`;
    expect(fromHtml(head('<meta property="article:published_time" content="2024-11-23T09:00:00Z">'), { id: 'a', source: 'a' }).date).toBe('2024-11-23');
    expect(fromHtml(head('<meta name="pubdate" content="2023-05-01">'), { id: 'a', source: 'a' }).date).toBe('2023-05-01');
    expect(fromHtml(head('<meta name="DC.date" content="2022-02-02">'), { id: 'a', source: 'a' }).date).toBe('2022-02-02');
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-07-15T08:00:00Z"}]}</script>';
    expect(fromHtml(head(ld), { id: 'a', source: 'a' }).date).toBe('2021-07-15');
    const bare = fromHtml(head('<title>Из title</title>'), { id: 'a', source: 'a' });
    expect(bare.date).toBe('2020-12-20');
    expect(bare.title).toBe('Заголовок из h1');
    expect(bare.lang).toBeNull();
    expect(bare.url).toBeNull();
    expect(fromHtml('<html><head><title> Из  title </title><meta property="og:url" content="https://x.kz/a"></head><body><p>Текст</p></body></html>', { id: 'a', source: 'a' })).toMatchObject({
      title: 'Из title',
      url: 'https://x.kz/a',
      date: null,
    });
  });

  test('broken JSON-LD and unclosed tags do not throw', () => {
    const doc2 = fromHtml('<html lang="kk"><body><script type="application/ld+json">{oops</script><div><p>Бірінші абзац<div>Екінші', { id: 'b', source: 'b' });
    expect(doc2.text).toBe('Бірінші абзац\nЕкінші');
    expect(doc2.lang).toBe('kk');
    expect(doc2.date).toBeNull();
  });
});
