import Table from 'cli-table3';
import type { TagRecord } from '@topictag/tagger';
import type { EvalReport } from './eval.js';

export type OutputFormat = 'jsonl' | 'json' | 'table';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'json', 'table'];

/** Writes records as they come (jsonl) or collects them (json, table) and writes at `end()`. */
export function createWriter(format: OutputFormat, write: (s: string) => void) {
  const records: TagRecord[] = [];
  return {
    add(record: TagRecord): void {
      if (format === 'jsonl') write(JSON.stringify(record) + '\n');
      else records.push(record);
    },
    end(): void {
      if (format === 'json') write(JSON.stringify(records, null, 2) + '\n');
      if (format === 'table') write(recordsTable(records) + '\n');
    },
  };
}

function width(): number {
  return Math.max(80, Math.min(process.stdout.columns ?? 140, 200));
}

/** A readable table: one row per document with its language, date, topics and top entities. */
export function recordsTable(records: readonly TagRecord[]): string {
  const w = width();
  const rest = w - 36 - 8;
  const table = new Table({
    head: ['document', 'lang', 'date', 'topics (score)', 'top entities (mentions)'],
    colWidths: [24, 6, 12, Math.floor(rest * 0.55), Math.ceil(rest * 0.45)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const r of records) {
    if (r.error) {
      table.push([r.id, '', '', { colSpan: 2, content: `error ${r.error.code}: ${r.error.message}` }]);
      continue;
    }
    const topics = r.topics.map((t) => `${t.id} ${t.score.toFixed(2)}`).join(', ') || '—';
    const entities =
      [...r.entities]
        .sort((a, b) => b.mentions.length - a.mentions.length)
        .slice(0, 6)
        .map((e) => `${e.name} (${e.mentions.length})`)
        .join(', ') || '—';
    table.push([r.id, r.lang, r.date ?? '', topics, entities]);
  }
  return table.toString();
}

const pct = (x: number) => (x * 100).toFixed(1);

/** The evaluation as a table per language, plus per-document differences when `details`. */
export function evalTable(report: EvalReport, details: boolean): string {
  const table = new Table({
    head: ['lang', 'docs', 'topic P', 'topic R', 'topic F1', 'entity P', 'entity R', 'entity F1', 'lang acc', 'date acc', 'title acc'],
    style: { head: [], border: [] },
  });
  for (const [lang, s] of Object.entries(report.byLang)) {
    table.push([
      lang, s.documents,
      pct(s.topics.precision), pct(s.topics.recall), pct(s.topics.f1),
      pct(s.entities.precision), pct(s.entities.recall), pct(s.entities.f1),
      pct(s.langAccuracy), pct(s.dateAccuracy), pct(s.titleAccuracy),
    ]);
  }
  let out = table.toString();
  if (details) {
    for (const d of report.documents) {
      const parts = [
        d.failed ? 'FAILED' : '',
        d.topics.missed.length ? `topics missed: ${d.topics.missed.join(' ')}` : '',
        d.topics.extra.length ? `topics extra: ${d.topics.extra.join(' ')}` : '',
        d.topics.forbidden.length ? `FORBIDDEN: ${d.topics.forbidden.join(' ')}` : '',
        d.entities.missed.length ? `entities missed: ${d.entities.missed.join(' ')}` : '',
        d.entities.extra.length ? `entities extra: ${d.entities.extra.join(' ')}` : '',
        d.langOk ? '' : 'lang wrong',
        d.dateOk ? '' : 'date wrong',
        d.titleOk ? '' : 'title wrong',
      ].filter(Boolean);
      if (parts.length) out += `\n${d.file}: ${parts.join('; ')}`;
    }
  }
  return out;
}
