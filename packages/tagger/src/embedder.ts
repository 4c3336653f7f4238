/**
 * `Embedder`: texts → unit vectors, with model-specific prefixes and an LRU cache of embeddings keyed by
 * model and text hash. `createEmbedder()` loads a transformers.js feature-extraction model from a
 * local folder (the model runtime is imported only then), in this thread or in a worker thread.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { BackendOptions, EmbedderInfo, EmbeddingBackend } from './backend.js';
import { checkModel, DEFAULT_MODEL, defaultModelsDir, locateModel } from './models.js';

export type { EmbedderInfo, Pooling } from './backend.js';

/** `query` for what is looked for (topic descriptions), `passage` for what is searched (document sentences). */
export type EmbedKind = 'query' | 'passage';

export interface Embedder {
  readonly info: EmbedderInfo;
  /** Unit vectors (when `info.normalize`), one per text, in order. Prefixes are added here. */
  embed(texts: readonly string[], kind?: EmbedKind): Promise<Float32Array[]>;
  /** Tokens per text, special tokens included (what `info.maxTokens` limits). */
  countTokens(texts: readonly string[]): Promise<number[]>;
  /** Texts embedded by the model and texts served from the cache so far. */
  readonly stats: { computed: number; cached: number };
  /** Frees the model (and stops the worker). */
  dispose(): Promise<void>;
}

/**
 * How an embedder is made: the backend settings (`BackendOptions`: pooling, prefixes, batch size …),
 * all optional here, with their defaults filled in by `createEmbedder`.
 */
export interface EmbedderOptions extends Partial<BackendOptions> {
  /** Run the model in a worker thread (keeps the main thread free). Default false. */
  worker?: boolean;
  /** Embeddings remembered (LRU). 0 disables. Default 20 000. */
  cacheSize?: number;
}

/** Loads a model (never from the network: a missing model throws `ModelNotFoundError`) and returns an embedder. */
export async function createEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  const backendOptions: BackendOptions = {
    model: options.model ?? DEFAULT_MODEL,
    modelsDir: options.modelsDir ?? defaultModelsDir(),
    dtype: options.dtype ?? 'q8',
    ...(options.pooling && { pooling: options.pooling }),
    ...(options.normalize !== undefined && { normalize: options.normalize }),
    ...(options.prefixes && { prefixes: options.prefixes }),
    ...(options.maxTokens && { maxTokens: options.maxTokens }),
    ...(options.batchSize && { batchSize: options.batchSize }),
    ...(options.threads && { threads: options.threads }),
  };
  checkModel(locateModel(backendOptions.model, backendOptions.modelsDir), backendOptions.dtype);
  const backend: EmbeddingBackend = options.worker
    ? await (await import('./worker-backend.js')).workerBackend(backendOptions)
    : await (await import('./backend.js')).loadBackend(backendOptions);
  return withCache(backend, options.cacheSize ?? 20_000);
}

/** Adds prefixes and the embedding cache to a backend. */
export function withCache(backend: EmbeddingBackend, cacheSize: number): Embedder {
  const { info } = backend;
  const cache = cacheSize > 0 ? new LRUCache<string, Float32Array>({ max: cacheSize }) : null;
  const modelKey = `${info.path}\u0000${info.dtype}\u0000${info.pooling}\u0000${info.normalize}\u0000${info.maxTokens}`;
  const keyOf = (text: string): string => createHash('sha1').update(modelKey).update('\u0000').update(text).digest('base64');
  const stats = { computed: 0, cached: 0 };
  return {
    info,
    stats,
    async embed(texts, kind = 'passage') {
      const prefix = info.prefixes[kind];
      const prefixed = texts.map((t) => prefix + t);
      const out = new Array<Float32Array>(texts.length);
      const todo = new Map<string, number[]>(); // distinct texts to compute → their positions
      const keys = prefixed.map((t) => (cache ? keyOf(t) : ''));
      prefixed.forEach((t, i) => {
        const hit = cache?.get(keys[i]!);
        if (hit) {
          out[i] = hit;
          stats.cached++;
        } else {
          const at = todo.get(t);
          if (at) at.push(i);
          else todo.set(t, [i]);
        }
      });
      if (todo.size) {
        const distinct = [...todo.keys()];
        const vectors = await backend.embed(distinct);
        stats.computed += distinct.length;
        distinct.forEach((t, k) => {
          const positions = todo.get(t)!;
          for (const i of positions) out[i] = vectors[k]!;
          cache?.set(keys[positions[0]!]!, vectors[k]!);
        });
      }
      return out;
    },
    countTokens: (texts) => backend.countTokens(texts),
    dispose: () => backend.dispose(),
  };
}
