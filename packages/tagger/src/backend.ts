/**
 * The model runtime: a feature-extraction model loaded through transformers.js (`AutoTokenizer` +
 * `AutoModel`, ONNX Runtime on the CPU), with pooling and normalization done here. Runs in the calling
 * thread or inside the embedding worker (`embed-worker.ts`). transformers.js is imported dynamically,
 * only when a model is loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkModel, loadRuntime, locateModel, type Dtype } from './models.js';

export type Pooling = 'mean' | 'cls';

/** What a loaded model is and how it embeds. */
export interface EmbedderInfo {
  /** The model id or folder as given. */
  model: string;
  /** The model's folder. */
  path: string;
  dtype: Dtype;
  pooling: Pooling;
  normalize: boolean;
  dimensions: number;
  /** Longest input in tokens (special tokens included); longer inputs are truncated. */
  maxTokens: number;
  /** Prefixes put before texts (E5: `query: ` and `passage: `); empty strings for none. */
  prefixes: { query: string; passage: string };
  /** Milliseconds to load tokenizer and model. */
  loadMs: number;
}

/** Settings a backend is created with (plain data: they cross to the worker). */
export interface BackendOptions {
  /** A model id (looked up in `modelsDir`) or a model folder. Embedder default `Xenova/multilingual-e5-small`. */
  model: string;
  /** Where model ids are looked up. Embedder default: `TOPICTAG_MODELS`, else `~/.cache/topictag/models`. */
  modelsDir: string;
  /** ONNX weights: `q8` (embedder default, onnx/model_quantized.onnx), `fp32` (onnx/model.onnx), `int8`, `uint8`, `fp16`, `q4`. */
  dtype: Dtype;
  /** Default: as the model's `1_Pooling/config.json` says; else `cls` for LaBSE, `mean` otherwise. */
  pooling?: Pooling;
  /** L2-normalize vectors. Default true (scores are cosines). */
  normalize?: boolean;
  /** Default: `config_sentence_transformers.json` prompts; else `query: `/`passage: ` for E5 models; else none. */
  prefixes?: { query: string; passage: string };
  /** Cap on input tokens (the model's own maximum applies anyway). */
  maxTokens?: number;
  /** Texts per inference call. Default 32. */
  batchSize?: number;
  /** ONNX Runtime intra-op threads. Default: ONNX Runtime's choice. */
  threads?: number;
}

/** Embeds already-prefixed texts; no cache. */
export interface EmbeddingBackend {
  readonly info: EmbedderInfo;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  countTokens(texts: readonly string[]): Promise<number[]>;
  dispose(): Promise<void>;
}

/** How the model folder says to pool and prefix, with family defaults when it says nothing. */
export function modelSettings(path: string, spec: string): { pooling: Pooling; prefixes: { query: string; passage: string } } {
  const json = (file: string): Record<string, unknown> | null => {
    const p = join(path, file);
    if (!existsSync(p)) return null;
    try {
      return JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const name = `${spec} ${basename(path)}`;
  const pool = json('1_Pooling/config.json');
  const pooling: Pooling =
    pool?.pooling_mode_cls_token === true ? 'cls'
    : pool?.pooling_mode_mean_tokens === true ? 'mean'
    : /labse/iu.test(name) ? 'cls'
    : 'mean';
  const prompts = (json('config_sentence_transformers.json')?.prompts ?? null) as Record<string, unknown> | null;
  const prompt = (k: string): string | undefined => (typeof prompts?.[k] === 'string' ? (prompts[k] as string) : undefined);
  const e5 = /(^|[^a-z0-9])e5([^a-z0-9]|$)/iu.test(name);
  const prefixes = {
    query: prompt('query') ?? (e5 ? 'query: ' : ''),
    passage: prompt('passage') ?? prompt('document') ?? (e5 ? 'passage: ' : ''),
  };
  return { pooling, prefixes };
}

/** Loads a model from its local folder (never from the network) and returns a backend for it. */
export async function loadBackend(options: BackendOptions): Promise<EmbeddingBackend> {
  const location = locateModel(options.model, options.modelsDir);
  checkModel(location, options.dtype);
  const settings = modelSettings(location.path, options.model);
  const pooling = options.pooling ?? settings.pooling;
  const normalize = options.normalize ?? true;
  const prefixes = options.prefixes ?? settings.prefixes;
  const batchSize = Math.max(1, options.batchSize ?? 32);
  const started = performance.now();
  const { AutoTokenizer, AutoModel, env, LogLevel } = await loadRuntime();
  env.logLevel = LogLevel.ERROR;
  const local = { local_files_only: true } as const;
  const tokenizer = await AutoTokenizer.from_pretrained(location.path, local);
  const model = await AutoModel.from_pretrained(location.path, {
    ...local,
    dtype: options.dtype,
    device: 'cpu',
    session_options: options.threads ? { intraOpNumThreads: options.threads } : {},
  });
  const config = model.config as unknown as { max_position_embeddings?: number; model_type?: string; hidden_size?: number };
  // RoBERTa-style position tables keep two slots for padding offsets (XLM-R: 514 positions, 512 tokens).
  const positions = config.max_position_embeddings ? config.max_position_embeddings - (/roberta/u.test(config.model_type ?? '') ? 2 : 0) : Infinity;
  const modelMax = Math.min(Number.isFinite(tokenizer.model_max_length) ? tokenizer.model_max_length : Infinity, positions);
  const maxTokens = Math.min(options.maxTokens ?? Infinity, Number.isFinite(modelMax) ? modelMax : 512);
  const loadMs = performance.now() - started;

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: maxTokens });
    const outputs = (await model(inputs)) as Record<string, { dims: number[]; data: Float32Array } | undefined>;
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (!hidden) throw new Error(`model ${options.model} has no last_hidden_state output (outputs: ${Object.keys(outputs).join(', ')})`);
    const [n, seq, dim] = hidden.dims as [number, number, number];
    const mask = (inputs as { attention_mask: { data: BigInt64Array } }).attention_mask.data;
    const out: Float32Array[] = [];
    for (let i = 0; i < n; i++) {
      const v = new Float32Array(dim);
      if (pooling === 'cls') {
        v.set(hidden.data.subarray(i * seq * dim, i * seq * dim + dim));
      } else {
        let count = 0;
        for (let t = 0; t < seq; t++) {
          if (!mask[i * seq + t]) continue;
          count++;
          const o = (i * seq + t) * dim;
          for (let d = 0; d < dim; d++) v[d] = v[d]! + hidden.data[o + d]!;
        }
        if (count) for (let d = 0; d < dim; d++) v[d] = v[d]! / count;
      }
      if (normalize) {
        let norm = 0;
        for (let d = 0; d < dim; d++) norm += v[d]! * v[d]!;
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < dim; d++) v[d] = v[d]! / norm;
      }
      out.push(v);
    }
    return out;
  }

  const dimensions = config.hidden_size ?? (await embedBatch(['dimensions']))[0]!.length;
  return {
    info: { model: options.model, path: location.path, dtype: options.dtype, pooling, normalize, dimensions, maxTokens, prefixes, loadMs },
    async embed(texts) {
      // Batches of similar length pad less: sort by length, embed, put back in order.
      const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
      const out = new Array<Float32Array>(texts.length);
      for (let b = 0; b < order.length; b += batchSize) {
        const idx = order.slice(b, b + batchSize);
        const vectors = await embedBatch(idx.map((i) => texts[i]!));
        idx.forEach((i, k) => (out[i] = vectors[k]!));
      }
      return out;
    },
    async countTokens(texts) {
      return texts.map((t) => tokenizer.encode(t).length);
    },
    async dispose() {
      await model.dispose();
    },
  };
}
