import { existsSync, readFileSync } from 'node:fs';
import { createTagger, defaultTaxonomy, defaultTaxonomyPath, parseTaxonomy, TaxonomyError } from '../src/index.js';

const SPEC = new URL('../../../../shared/spec/taxonomy.md', import.meta.url);

describe('the default taxonomy', () => {
  const taxonomy = defaultTaxonomy();

  (existsSync(SPEC) ? it : it.skip)('has every topic id of shared/spec/taxonomy.md with its parent', () => {
    const rows = readFileSync(SPEC, 'utf8').split('\n').filter((l) => /^\| [a-z][a-z-]* \|/u.test(l) && !l.startsWith('| id |'));
    expect(rows.length).toBeGreaterThanOrEqual(26);
    for (const row of rows) {
      const [, id, parent] = row.split('|').map((c) => c.trim());
      const topic = taxonomy.topics.find((t) => t.id === id);
      expect(topic).toBeDefined();
      expect(topic!.parent).toBe(parent || null);
    }
  });

  it('has labels in ru, kk, ar, en and rules in all four languages for every topic', () => {
    for (const t of taxonomy.topics) {
      for (const lang of ['ru', 'kk', 'ar', 'en']) {
        expect([t.id, lang, typeof t.labels[lang]]).toEqual([t.id, lang, 'string']);
        const covered = t.evidence.some((r) => (r.terms?.[lang]?.length ?? 0) > 0 || (r.entities?.length ?? 0) > 0);
        expect([t.id, lang, covered]).toEqual([t.id, lang, true]);
      }
    }
  });

  it('refers only to entities the gazetteer knows', async () => {
    await expect(createTagger()).resolves.toBeDefined();
  });
});

describe('taxonomy validation', () => {
  const problems = (yaml: string): string[] => {
    try {
      parseTaxonomy(yaml, 'my.yaml');
    } catch (err) {
      expect(err).toBeInstanceOf(TaxonomyError);
      expect((err as Error).message).toContain('my.yaml');
      return (err as TaxonomyError).problems;
    }
    throw new Error('expected a TaxonomyError');
  };
  const topic = (id: string, extra = '') =>
    `  - id: ${id}\n    labels: { en: X }\n    description: { en: X }\n    evidence: [{ weight: 1, terms: { en: [x] } }]\n${extra}`;

  it('reports YAML syntax errors with their line', () => {
    expect(problems('topics:\n  - id: a\n    labels: { en: X\n')[0]).toMatch(/^line \d+:/u);
  });

  it('reports every problem with its line and path', () => {
    const p = problems(
      `topics:\n${topic('a')}${topic('a')}${topic('b', '    parent: nope\n')}` +
        `  - id: Bad Id\n    labels: {}\n    description: { en: X }\n    evidence: [{ weight: -1 }]\n`,
    );
    expect(p).toEqual(
      expect.arrayContaining([
        'line 6: topics[1] (a).id: duplicate id "a"',
        'line 14: topics (b).parent: unknown topic "nope"',
        'line 15: topics[3] (Bad Id).id: expected an id of lowercase letters, digits, - _ . :',
        'line 16: topics[3] (Bad Id).labels.en: expected a string',
        'line 18: topics[3] (Bad Id).evidence[0].weight: expected a positive number',
        'line 18: topics[3] (Bad Id).evidence[0]: needs "terms", "entities" or "any"',
      ]),
    );
  });

  it('reports parent loops and bad term lists', () => {
    const p = problems(`topics:\n${topic('a', '    parent: b\n')}${topic('b', '    parent: a\n')}  - id: c\n    labels: { en: X }\n    description: { en: X }\n    evidence: [{ weight: 1, terms: { ru: пусто } }]\n`);
    expect(p.some((x) => x.includes('loops'))).toBe(true);
    expect(p).toContain('line 15: topics[2] (c).evidence[0].terms.ru: expected a list of non-empty strings');
  });

  it('rejects entity ids the gazetteer does not know, when the tagger is created', async () => {
    const t = parseTaxonomy(`topics:\n  - id: a\n    labels: { en: A }\n    description: { en: A }\n    evidence: [{ weight: 1, entities: [org:nope] }]\n`);
    await expect(createTagger({ taxonomy: t })).rejects.toThrow(/unknown entity id "org:nope"/u);
  });

  it('rejects terms without a word to match', async () => {
    const t = parseTaxonomy(`topics:\n  - id: a\n    labels: { en: A }\n    description: { en: A }\n    evidence: [{ weight: 1, terms: { en: [ok, '—'] } }]\n`);
    await expect(createTagger({ taxonomy: t })).rejects.toThrow('topic a evidence[0]: term "—" has no words to match');
  });

  it('reads a missing file as a clear error', async () => {
    await expect(createTagger({ taxonomy: '/nonexistent/tax.yaml' })).rejects.toThrow(/\/nonexistent\/tax.yaml.*ENOENT/su);
  });
});

describe('the published JSON Schema', () => {
  const schemaPath = new URL('../schema/taxonomy.schema.json', import.meta.url);
  const examplePath = new URL('../../../examples/data/energy-taxonomy.yaml', import.meta.url);

  it('accepts the default and example taxonomies and rejects a bad one', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { parse } = await import('yaml');
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    for (const path of [defaultTaxonomyPath(), examplePath]) {
      const ok = validate(parse(readFileSync(path, 'utf8')));
      expect([String(path), ok, validate.errors ?? null]).toEqual([String(path), true, null]);
    }
    expect(validate({ topics: [{ id: 'Bad Id', labels: {}, description: { en: 'x' }, evidence: [{ weight: 0 }] }] })).toBe(false);
  });
});

describe('YAML pitfalls', () => {
  it('explains an unquoted comma in a flow mapping', () => {
    expect(() =>
      parseTaxonomy('topics:\n  - id: a\n    labels: { en: A }\n    description: { en: Oil, gas }\n    evidence: [{ weight: 1, terms: { en: [oil] } }]\n', 'x.yaml'),
    ).toThrow('line 4: topics[0] (a).description.gas: expected a string (in a YAML { … } mapping, quote text that has a comma)');
  });
});
