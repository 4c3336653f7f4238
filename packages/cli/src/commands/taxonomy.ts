import { parseArgs } from 'node:util';
import { createTagger, defaultTaxonomyPath, loadTaxonomy, TaxonomyError, type Taxonomy } from '@topictag/tagger';
import type { Io } from '../io.js';
import { UsageError } from '../options.js';

/** `topictag taxonomy check FILE` and `topictag taxonomy show [FILE]`. */
export async function taxonomyCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: {} });
  const [action, file, ...extra] = positionals;
  if (extra.length) throw new UsageError(`taxonomy ${action} takes one file`);
  if (action === 'check') {
    if (!file) throw new UsageError('taxonomy check needs a FILE');
    try {
      // Creating a tagger checks what the file alone cannot: entity ids, terms that have no words.
      const tagger = await createTagger({ taxonomy: file });
      io.stdout(`${file}: ok, ${summary(tagger.taxonomy)}\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof TaxonomyError)) throw err;
      io.stdout(`${file}: ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}\n${err.problems.map((p) => `  - ${p}\n`).join('')}`);
      return 1;
    }
  }
  if (action === 'show') {
    io.stdout(show(loadTaxonomy(file ?? defaultTaxonomyPath())));
    return 0;
  }
  throw new UsageError(`taxonomy needs "check FILE" or "show [FILE]"${action ? `, got "${action}"` : ''}`);
}

function summary(t: Taxonomy): string {
  const terms = t.topics.reduce((n, topic) => n + topic.evidence.reduce((m, r) => m + Object.values(r.terms ?? {}).flat().length, 0), 0);
  return `${t.topics.length} topics, ${terms} terms`;
}

/** The topics as a tree: id, English label, threshold, and terms per language. */
function show(t: Taxonomy): string {
  const lines = [`${t.name} (${t.id}, version ${t.version}): ${summary(t)}`];
  const children = (parent: string | null) => t.topics.filter((x) => x.parent === parent);
  const walk = (parent: string | null, depth: number): void => {
    for (const topic of children(parent)) {
      const perLang = new Map<string, number>();
      for (const r of topic.evidence) for (const [lang, list] of Object.entries(r.terms ?? {})) perLang.set(lang, (perLang.get(lang) ?? 0) + (list?.length ?? 0));
      const entities = topic.evidence.reduce((n, r) => n + (r.entities?.length ?? 0), 0);
      const langs = [...perLang].map(([lang, n]) => `${lang} ${n}`).join(', ');
      const threshold = topic.threshold !== undefined ? `, threshold ${topic.threshold}` : '';
      lines.push(`${'  '.repeat(depth)}- ${topic.id}: ${topic.labels.en}${threshold} (terms: ${langs || 'none'}; entities: ${entities})`);
      walk(topic.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines.join('\n') + '\n';
}
