import { fold, normalize, toOriginal } from '../src/index.js';

describe('normalize', () => {
  it('folds case, ё, Arabic letter variants and keeps Kazakh letters', () => {
    expect(fold('Ёлка')).toBe('елка');
    expect(fold('ҚАЗАҚСТАН')).toBe('қазақстан');
    expect(fold('Әлиев Ұйым Іс')).toBe('әлиев ұйым іс');
    expect(fold('أإآٱ')).toBe('اااا');
    expect(fold('مدرسة مستشفى')).toBe('مدرسه مستشفي');
    expect(fold('ﬁ Ⅸ')).toBe('fi ix');
  });

  it('drops Arabic diacritics and tatweel and maps offsets back to the original', () => {
    const text = 'قال: أَحْمَـــد في الرياض';
    const n = normalize(text);
    expect(n.text).toBe('قال: احمد في الرياض');
    const at = n.text.indexOf('احمد');
    const span = toOriginal(n, at, at + 'احمد'.length);
    expect(text.slice(span.start, span.end)).toBe('أَحْمَـــد');
    const r = n.text.indexOf('الرياض');
    const rs = toOriginal(n, r, r + 6);
    expect(text.slice(rs.start, rs.end)).toBe('الرياض');
  });

  it('maps expansions (ligatures) and removals (soft hyphen, zero-width) back', () => {
    const text = 'of\uFB01ce Ка\u00ADзах\u200Bстан';
    const n = normalize(text);
    expect(n.text).toBe('office казахстан');
    const k = n.text.indexOf('казахстан');
    const span = toOriginal(n, k, k + 9);
    expect(text.slice(span.start, span.end)).toBe('Ка\u00ADзах\u200Bстан');
    const f = toOriginal(n, 0, 6);
    expect(text.slice(f.start, f.end)).toBe('of\uFB01ce');
  });

  it('composes decomposed letters and maps the cluster as a whole', () => {
    const text = 'Йошкар-Ола и\u0306'; // the last й is и + combining breve
    const n = normalize(text);
    expect(n.text).toBe('йошкар-ола й');
    const span = toOriginal(n, n.text.length - 1, n.text.length);
    expect(text.slice(span.start, span.end)).toBe('и\u0306');
  });

  it('keeps astral characters whole', () => {
    const text = 'a😀b';
    const n = normalize(text);
    expect(n.text).toBe('a😀b');
    const span = toOriginal(n, 1, 3);
    expect(text.slice(span.start, span.end)).toBe('😀');
  });
});
