/** Precision, recall and F1 of tagged records against gold annotations in the format of `seeds/gold.json`. */

export interface GoldSet {
  required: string[];
  optional?: string[];
  forbidden?: string[];
}
export interface GoldDocument {
  file: string;
  lang: string;
  date?: string | null;
  title?: string | null;
  topics: GoldSet;
  entities: GoldSet;
}
export interface Gold {
  documents: GoldDocument[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** What was predicted for one gold document (null when the document failed). */
export interface Prediction {
  lang: string;
  date: string | null;
  title: string | null;
  topics: string[];
  entities: string[];
}

/** What a tagged record predicts, for comparison with gold: topic ids and entity ids (unknown names, id null, are not scored). */
export function predictionOf(r: { lang: string; date: string | null; title: string | null; topics: ReadonlyArray<{ id: string }>; entities: ReadonlyArray<{ id: string | null }> }): Prediction {
  return { lang: r.lang, date: r.date, title: r.title, topics: r.topics.map((t) => t.id), entities: r.entities.flatMap((e) => (e.id ? [e.id] : [])) };
}

export interface DocumentReport {
  file: string;
  lang: string;
  failed: boolean;
  topics: Counts & { missed: string[]; extra: string[]; forbidden: string[] };
  entities: Counts & { missed: string[]; extra: string[] };
  langOk: boolean;
  dateOk: boolean;
  titleOk: boolean;
}

export interface EvalReport {
  /** Per language, and `all`. */
  byLang: Record<string, { documents: number; topics: Scores; entities: Scores; langAccuracy: number; dateAccuracy: number; titleAccuracy: number }>;
  documents: DocumentReport[];
}

export function parseGold(value: unknown, source: string): Gold {
  const g = value as Gold | null;
  if (!g || !Array.isArray(g.documents)) throw new Error(`${source}: expected an object with a "documents" array`);
  g.documents.forEach((d, i) => {
    if (!d || typeof d.file !== 'string' || !d.topics || !Array.isArray(d.topics.required) || !d.entities || !Array.isArray(d.entities.required)) {
      throw new Error(`${source}: documents[${i}] needs "file", "topics.required" and "entities.required"`);
    }
  });
  return g;
}

function compare(gold: GoldSet, predicted: readonly string[]) {
  const required = new Set(gold.required);
  const allowed = new Set([...gold.required, ...(gold.optional ?? [])]);
  const got = new Set(predicted);
  const missed = [...required].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !allowed.has(x));
  const forbidden = (gold.forbidden ?? []).filter((x) => got.has(x));
  return { tp: required.size - missed.length, fp: extra.length, fn: missed.length, missed, extra, forbidden };
}

function scores(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Compares predictions (keyed by gold file name) with the gold; a missing prediction counts as all missed. */
export function evaluate(gold: Gold, predictions: ReadonlyMap<string, Prediction | null>): EvalReport {
  const documents: DocumentReport[] = gold.documents.map((d) => {
    const p = predictions.get(d.file) ?? null;
    const topics = compare(d.topics, p?.topics ?? []);
    const { forbidden: _f, ...entities } = compare(d.entities, p?.entities ?? []);
    return {
      file: d.file,
      lang: d.lang,
      failed: !p,
      topics,
      entities,
      langOk: p?.lang === d.lang,
      dateOk: d.date === undefined || (p?.date ?? null) === d.date,
      titleOk: d.title === undefined || normTitle(p?.title) === normTitle(d.title),
    };
  });
  const byLang: EvalReport['byLang'] = {};
  const langs = [...new Set(documents.map((d) => d.lang))].sort();
  for (const lang of [...langs, 'all']) {
    const docs = documents.filter((d) => lang === 'all' || d.lang === lang);
    const sum = (pick: (d: DocumentReport) => Counts): Counts =>
      docs.reduce((a, d) => ({ tp: a.tp + pick(d).tp, fp: a.fp + pick(d).fp, fn: a.fn + pick(d).fn }), { tp: 0, fp: 0, fn: 0 });
    const share = (ok: (d: DocumentReport) => boolean) => (docs.length ? docs.filter(ok).length / docs.length : 0);
    byLang[lang] = {
      documents: docs.length,
      topics: scores(sum((d) => d.topics)),
      entities: scores(sum((d) => d.entities)),
      langAccuracy: share((d) => d.langOk),
      dateAccuracy: share((d) => d.dateOk),
      titleAccuracy: share((d) => d.titleOk),
    };
  }
  return { byLang, documents };
}

function normTitle(t: string | null | undefined): string | null {
  return t ? t.replace(/\s+/gu, ' ').trim() : null;
}
