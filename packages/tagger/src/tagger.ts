import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createAnalyzer, defaultGazetteer, type Analysis, type Document, type Entity, type Gazetteer, type LanguageCode } from '@topictag/core';
import { defaultTaxonomy, loadTaxonomy, TaxonomyError, type Taxonomy } from './taxonomy.js';
import { TopicScorer, type TopicScore } from './score.js';
import type { Embedder, EmbedderOptions } from './embedder.js';
import type { SemanticOptions, SemanticScorer } from './semantic.js';
import type { TaggingMode } from './fuse.js';
import type { Dtype } from './models.js';
import { isTopicModelFile, TopicModel } from './learn/model.js';

export interface TaggerOptions {
  /** A taxonomy object or the path of a YAML/JSON taxonomy file. Default: the built-in taxonomy. */
  taxonomy?: Taxonomy | string | URL;
  /** The gazetteer for entity linking. Default: the built-in one. */
  gazetteer?: Gazetteer;
  /** Default minimum topic score in [0, 1] (a topic's own `threshold` wins). Default 0.5. */
  threshold?: number;
  /** Language of topic labels in results. Default `en`. */
  labelLang?: LanguageCode;
  /** Evidence sentences per topic. Default 3. */
  maxEvidence?: number;
  /** How many results to remember by document content (same text, same result). 0 disables. Default 1000. */
  cacheSize?: number;
  /** Find names the gazetteer does not know (reported with `id: null`). Default true. */
  ner?: boolean;
  /**
   * `lexical` (default): taxonomy terms and entities, no model. `semantic`: an embedding model's
   * similarity of sentences to the topics' descriptions and examples. `hybrid`: both, fused per topic.
   */
  mode?: TaggingMode;
  /**
   * Semantic/hybrid: an embedding model id (in `modelsDir`) or folder. Default `Xenova/multilingual-e5-small`.
   * A trained topic model (a `TopicModel`, or the path of a file from `topictag train`) is taken as `classifier`.
   */
  model?: string | TopicModel;
  /**
   * A trained topic model (`topictag train`), or its file. Its labels become topics, ranked by probability,
   * with the sentences that pushed them as evidence. Used alone unless `taxonomy` is also given.
   */
  classifier?: TopicModel | string;
  /** Where model ids are found. Default `TOPICTAG_MODELS`, else `~/.cache/topictag/models`. */
  modelsDir?: string;
  /** Semantic/hybrid: ONNX weights, `q8` (default) or `fp32`, `int8`, `uint8`, `fp16`, `q4`. */
  dtype?: Dtype;
  /** Semantic/hybrid: run the model in a worker thread, keeping this thread free. Default false. */
  worker?: boolean;
  /** Semantic/hybrid: an embedder to use instead of loading one (it is not disposed by `close()`). */
  embedder?: Embedder;
  /** Hybrid: weight of the semantic score in the fusion (a topic's `semantic.weight` wins). Default 0.6. */
  semanticWeight?: number;
  /** Semantic/hybrid: scoring settings (sentence window, best sentences per document). */
  semantic?: SemanticOptions;
  /** Semantic/hybrid: further embedder settings (batch size, threads, embedding cache, pooling, prefixes). */
  embedding?: Omit<EmbedderOptions, 'model' | 'modelsDir' | 'dtype' | 'worker'>;
}

/** The result for one document; the JSON records of the CLI are exactly this. */
export interface TagResult {
  id: string;
  source: string;
  lang: LanguageCode;
  title: string | null;
  date: string | null;
  topics: TopicScore[];
  entities: Entity[];
  error: null;
  /** The document text (offsets refer to it); present when `includeText` is asked for. */
  text?: string;
}

/** A document that could not be read or tagged. */
export interface TagError {
  id: string;
  source: string;
  error: { code: string; message: string };
}

export type TagRecord = TagResult | TagError;

/** What `tagMany` accepts: text, documents, or records of documents that already failed (passed through). */
export type TagInput = string | Document | TagError;

export interface Tagger {
  readonly taxonomy: Taxonomy;
  readonly gazetteer: Gazetteer;
  readonly mode: TaggingMode;
  /** The embedding model in semantic and hybrid modes; null in lexical mode. */
  readonly embedder: Embedder | null;
  /** Frees the model (and its worker thread) when the tagger loaded one. */
  close(): Promise<void>;
  /** Tags one text or document. Throws a `TypeError` for input that is neither. */
  tag(input: string | Document, options?: { includeText?: boolean }): Promise<TagResult>;
  /** Tags a stream: exactly one record per input, in order; a bad input yields an error record, never a throw. */
  tagMany(inputs: AsyncIterable<TagInput> | Iterable<TagInput>, options?: { includeText?: boolean }): AsyncGenerator<TagRecord>;
  /** The core analysis of a document (tokens, matches, entities) — for inspection and debugging. */
  analyze(input: string | Document): Analysis;
}

/** Creates a tagger: `const tagger = await createTagger(); await tagger.tag('…')`. */
export async function createTagger(options: TaggerOptions = {}): Promise<Tagger> {
  const classifier = classifierOf(options);
  const embeddingModel = typeof options.model === 'string' && !classifier?.fromModelOption ? options.model : undefined;
  const taxonomy =
    options.taxonomy === undefined ? (classifier ? NO_TOPICS : defaultTaxonomy())
    : typeof options.taxonomy === 'string' || options.taxonomy instanceof URL ? loadTaxonomy(options.taxonomy)
    : options.taxonomy;
  const gazetteer = options.gazetteer ?? defaultGazetteer();
  const scorer = new TopicScorer(taxonomy);
  const unknown = [...scorer.entityIds()].filter((id) => !gazetteer.get(id));
  if (unknown.length) throw new TaxonomyError(taxonomy.id, unknown.map((id) => `unknown entity id "${id}" (not in the gazetteer)`));
  const analyzer = createAnalyzer({ gazetteer, terms: scorer.terms, ner: options.ner ?? true });
  const wordless = analyzer.lexicon.empty.map((i) => analyzer.lexicon.entries[i]!).filter((e) => e.kind === 'term');
  if (wordless.length) {
    throw new TaxonomyError(taxonomy.id, wordless.map((e) => `topic ${e.ref.replace(/#(\d+).*$/u, ' evidence[$1]')}: term "${e.text}" has no words to match`));
  }
  const scoreOptions = { threshold: options.threshold ?? 0.5, labelLang: options.labelLang ?? 'en', maxEvidence: options.maxEvidence ?? 3 };
  const mode = options.mode ?? 'lexical';
  if (mode !== 'lexical' && mode !== 'semantic' && mode !== 'hybrid') throw new TypeError(`mode must be lexical, semantic or hybrid, got "${String(mode)}"`);
  // The model runtime is loaded only here, only for the semantic modes.
  let semantic: SemanticScorer | null = null;
  let ownEmbedder: Embedder | null = null;
  if (mode !== 'lexical') {
    const [{ createEmbedder }, { SemanticScorer }] = await Promise.all([import('./embedder.js'), import('./semantic.js')]);
    const embedder =
      options.embedder ??
      (ownEmbedder = await createEmbedder({
        ...options.embedding,
        ...(embeddingModel && { model: embeddingModel }),
        ...(options.modelsDir && { modelsDir: options.modelsDir }),
        ...(options.dtype && { dtype: options.dtype }),
        ...(options.worker && { worker: true }),
      }));
    semantic = await SemanticScorer.create(taxonomy, embedder, options.semantic);
  }
  const fuse = mode === 'lexical' ? null : (await import('./fuse.js')).fuseTopics;
  const fuseOptions = { ...scoreOptions, mode: mode === 'hybrid' ? ('hybrid' as const) : ('semantic' as const), semanticWeight: options.semanticWeight ?? 0.6 };
  const cacheSize = options.cacheSize ?? 1000;
  const cache = cacheSize > 0 ? new LRUCache<string, Pick<TagResult, 'lang' | 'topics' | 'entities'>>({ max: cacheSize }) : null;

  function toDocument(input: string | Document): Document {
    if (typeof input === 'string') return { id: 'text', source: 'string', text: input };
    if (!input || typeof input !== 'object' || typeof input.text !== 'string') {
      throw new TypeError(`input ${describe(input)}: expected a string or a document with a string "text"`);
    }
    return input;
  }

  async function taxonomyTopics(analysis: Analysis): Promise<TopicScore[]> {
    if (!semantic || !fuse) return scorer.score(analysis, scoreOptions);
    const lexical = mode === 'hybrid' ? scorer.scoreEach(analysis, scoreOptions.maxEvidence) : new Map();
    return fuse(taxonomy, analysis, lexical, await semantic.score(analysis), fuseOptions);
  }

  async function topicsOf(analysis: Analysis): Promise<TopicScore[]> {
    const topics = await taxonomyTopics(analysis);
    if (!classifier) return topics;
    // A topic both sources give is reported once, with the higher score.
    const byId = new Map(topics.map((t) => [t.id, t]));
    for (const t of classifierTopics(classifier.model, analysis, scoreOptions)) {
      const known = byId.get(t.id);
      if (!known || t.score > known.score) byId.set(t.id, t);
    }
    return [...byId.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  async function tagDocument(doc: Document, includeText: boolean): Promise<TagResult> {
    const key = cache ? cacheKey(doc) : '';
    let core = cache?.get(key);
    if (!core) {
      const analysis = analyzer.analyze(doc);
      core = { lang: analysis.lang, topics: await topicsOf(analysis), entities: analysis.entities };
      cache?.set(key, core);
    }
    const result: TagResult = {
      id: doc.id,
      source: doc.source,
      lang: core.lang,
      title: doc.title ?? null,
      date: doc.date ?? null,
      topics: core.topics,
      entities: core.entities,
      error: null,
    };
    if (includeText) result.text = doc.text;
    return result;
  }

  /** One record for one input, never a rejection. */
  async function recordOf(input: TagInput, n: number, includeText: boolean): Promise<TagRecord> {
    if (isTagError(input)) return input;
    try {
      return await tagDocument(toDocument(input), includeText);
    } catch (err) {
      const doc = input as Partial<Document> | null;
      return {
        id: typeof doc?.id === 'string' ? doc.id : `#${n}`,
        source: typeof doc?.source === 'string' ? doc.source : `input #${n}`,
        error: { code: err instanceof TypeError ? 'BAD_INPUT' : 'TAG_FAILED', message: (err as Error).message },
      };
    }
  }
  // With a model, a few documents are in flight at once (the next is analysed while one is embedded).
  const inFlight = mode === 'lexical' ? 1 : 4;

  return {
    taxonomy,
    gazetteer,
    mode,
    embedder: semantic?.embedder ?? null,
    async close() {
      await ownEmbedder?.dispose();
      ownEmbedder = null;
    },
    async tag(input, opts = {}) {
      return tagDocument(toDocument(input), opts.includeText ?? false);
    },
    async *tagMany(inputs, opts = {}) {
      const includeText = opts.includeText ?? false;
      const queue: Promise<TagRecord>[] = [];
      let n = 0;
      for await (const input of inputs) {
        queue.push(recordOf(input, ++n, includeText));
        if (queue.length >= inFlight) yield await queue.shift()!;
      }
      while (queue.length) yield await queue.shift()!;
    },
    analyze(input) {
      return analyzer.analyze(toDocument(input));
    },
  };
}

/** The taxonomy of a tagger that uses a trained model alone. */
const NO_TOPICS: Taxonomy = { version: 1, id: 'none', name: 'none', topics: [] };

function classifierOf(options: TaggerOptions): { model: TopicModel; fromModelOption: boolean } | null {
  const load = (m: TopicModel | string): TopicModel => (typeof m === 'string' ? TopicModel.load(m) : m);
  if (options.classifier) return { model: load(options.classifier), fromModelOption: false };
  if (options.model instanceof TopicModel) return { model: options.model, fromModelOption: true };
  if (typeof options.model === 'string' && isTopicModelFile(options.model)) return { model: TopicModel.load(options.model), fromModelOption: true };
  return null;
}

/**
 * A trained model's labels as topics: those at or above the threshold, and for a single-label model
 * always its best label, so every document gets a ranked answer.
 */
function classifierTopics(model: TopicModel, analysis: Analysis, o: { threshold: number; maxEvidence: number }): TopicScore[] {
  return model
    .predict(analysis)
    .filter((p, rank) => p.score >= o.threshold || (rank === 0 && !model.multiLabel))
    .map((p) => ({ id: p.label, label: p.label, score: Math.round(p.score * 1000) / 1000, evidence: model.explain(analysis, p.label, o.maxEvidence) }));
}

function isTagError(x: unknown): x is TagError {
  return !!x && typeof x === 'object' && 'error' in x && !!(x as TagError).error && !('text' in x);
}

function cacheKey(doc: Document): string {
  const h = createHash('sha1');
  h.update(doc.text);
  h.update(`\u0000${doc.lang ?? ''}\u0000${JSON.stringify(doc.boilerplate ?? [])}`);
  return h.digest('base64');
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (typeof x === 'object') return typeof (x as Document).id === 'string' ? `"${(x as Document).id}"` : 'object';
  return typeof x;
}
