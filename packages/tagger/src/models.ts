/**
 * Model management: where embedding models live, which ones are there, and fetching one. Loading a
 * model never touches the network; only `pullModel` (`topictag models pull`) downloads.
 * This module imports the model runtime only inside `pullModel`.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The default embedding model (multilingual, 384 dimensions, 118 M parameters, ~120 MB as q8). */
export const DEFAULT_MODEL = 'Xenova/multilingual-e5-small';

/** ONNX weight variants, as transformers.js names them (`q8` = onnx/model_quantized.onnx, int8 weights). */
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
export const DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4'];
const SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', int8: '_int8', uint8: '_uint8', q4: '_q4' };

/** The ONNX file of a dtype, relative to the model folder. */
export function onnxFile(dtype: Dtype): string {
  return `onnx/model${SUFFIX[dtype]}.onnx`;
}

/** The model folder: `TOPICTAG_MODELS`, else `$XDG_CACHE_HOME/topictag/models`, else `~/.cache/topictag/models`. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TOPICTAG_MODELS) return resolve(env.TOPICTAG_MODELS);
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || join(homedir(), '.cache');
  return join(base, 'topictag', 'models');
}

/** Where a model is: a folder path as given, or `<modelsDir>/<owner>/<name>` for a model id. */
export interface ModelLocation {
  /** What the user asked for (`Xenova/LaBSE`, `./my-model`). */
  spec: string;
  /** The model's folder (absolute). */
  path: string;
  /** True when `spec` named a folder rather than a model id. */
  isPath: boolean;
}

/** Resolves a model id or folder path. A spec that names an existing folder, or looks like a path, is a path. */
export function locateModel(spec: string, modelsDir: string = defaultModelsDir()): ModelLocation {
  const looksLikePath = isAbsolute(spec) || spec.startsWith('.') || spec.startsWith('~') || spec.includes('\\');
  if (looksLikePath || (existsSync(spec) && statSync(spec).isDirectory() && existsSync(join(spec, 'config.json')))) {
    const path = resolve(spec.startsWith('~') ? join(homedir(), spec.slice(1)) : spec);
    return { spec, path, isPath: true };
  }
  return { spec, path: join(modelsDir, ...spec.split('/')), isPath: false };
}

/** A model that is not on this machine; the message says how to get it. */
/** The model runtime is an optional peer dependency: only semantic mode needs it. */
export class RuntimeMissingError extends Error {
  readonly code = 'RUNTIME_MISSING';
  constructor(cause: unknown) {
    super(
      'semantic and hybrid modes need the model runtime @huggingface/transformers (v4), which is not installed: ' +
        'npm install @huggingface/transformers (lexical mode works without it)',
      { cause },
    );
  }
}

/** transformers.js, loaded on first use; a clear error when it is not installed. */
export async function loadRuntime(specifier = '@huggingface/transformers'): Promise<typeof import('@huggingface/transformers')> {
  try {
    return (await import(specifier)) as typeof import('@huggingface/transformers');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new RuntimeMissingError(err);
    throw err;
  }
}

export class ModelNotFoundError extends Error {
  readonly code = 'MODEL_NOT_FOUND';
  constructor(
    readonly location: ModelLocation,
    readonly missing: string[],
    dtype: Dtype,
  ) {
    const what = location.isPath ? `model folder ${location.path}` : `model "${location.spec}" (${location.path})`;
    const how = location.isPath
      ? `point --model at a folder with config.json, tokenizer.json, tokenizer_config.json and ${onnxFile(dtype)}`
      : `run "topictag models pull ${location.spec}${dtype === 'q8' ? '' : ` --dtype ${dtype}`}" where the network reaches the ` +
        `Hugging Face hub (copy the folder into TOPICTAG_MODELS on an offline machine), or pass --model PATH to a local model folder`;
    super(`${what} is missing ${missing.join(', ')} (dtype ${dtype}); ${how}. Models are never downloaded while tagging.`);
    this.name = 'ModelNotFoundError';
  }
}

/** The files a feature-extraction model needs for a dtype. */
export function requiredFiles(dtype: Dtype): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', onnxFile(dtype)];
}

/** Throws a `ModelNotFoundError` unless every required file is there. */
export function checkModel(location: ModelLocation, dtype: Dtype): void {
  const missing = requiredFiles(dtype).filter((f) => !existsSync(join(location.path, f)));
  if (missing.length) throw new ModelNotFoundError(location, missing, dtype);
}

export interface ModelInfo {
  /** `owner/name` relative to the models folder. */
  id: string;
  path: string;
  /** The dtypes whose ONNX file is present. */
  dtypes: Dtype[];
  /** Bytes on disk, all files. */
  bytes: number;
}

/** Models in a models folder: every folder (up to two levels deep) with a config.json. */
export function listModels(modelsDir: string = defaultModelsDir()): ModelInfo[] {
  const out: ModelInfo[] = [];
  const visit = (dir: string, depth: number): void => {
    if (!existsSync(dir)) return;
    if (existsSync(join(dir, 'config.json')) && dir !== modelsDir) {
      out.push({
        id: relative(modelsDir, dir).split(sep).join('/'),
        path: dir,
        dtypes: DTYPES.filter((d) => existsSync(join(dir, onnxFile(d)))),
        bytes: folderBytes(dir),
      });
      return;
    }
    if (depth >= 2) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) visit(join(dir, e.name), depth + 1);
    }
  };
  visit(modelsDir, 0);
  return out;
}

function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return n;
}

export interface PullOptions {
  modelsDir?: string;
  dtype?: Dtype;
  /** Hub address (default: `HF_ENDPOINT`, else transformers.js's default, the Hugging Face hub). */
  endpoint?: string;
  /** Give up when a server sends no response headers for this long. Default 30 000 ms. */
  timeoutMs?: number;
  /** Called with each file as it is fetched. */
  onFile?: (file: string) => void;
}

/** Optional sentence-transformers files that say how to pool and which prompts to use. */
export const SENTENCE_TRANSFORMERS_FILES = ['modules.json', '1_Pooling/config.json', 'config_sentence_transformers.json'];

/**
 * Downloads a model id into the models folder through transformers.js (tokenizer, config, the ONNX
 * file of `dtype`) plus the optional sentence-transformers pooling files. Needs the network.
 */
export async function pullModel(id: string, options: PullOptions = {}): Promise<ModelInfo> {
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const dtype = options.dtype ?? 'q8';
  const location = locateModel(id, modelsDir);
  if (location.isPath) throw new Error(`"${id}" is a folder path; pull takes a model id such as ${DEFAULT_MODEL}`);
  mkdirSync(modelsDir, { recursive: true });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const endpoint = options.endpoint ?? process.env.HF_ENDPOINT;
  const { env, AutoTokenizer, AutoModel } = await loadRuntime();
  const saved = { allowRemoteModels: env.allowRemoteModels, cacheDir: env.cacheDir, useFSCache: env.useFSCache, remoteHost: env.remoteHost, fetch: env.fetch };
  const fetchWithTimeout = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no response from ${String(input)} in ${timeoutMs} ms`)), timeoutMs);
    return fetch(input, { ...init, signal: controller.signal }).finally(() => clearTimeout(timer));
  };
  try {
    env.allowRemoteModels = true;
    env.cacheDir = modelsDir;
    env.useFSCache = true;
    env.fetch = fetchWithTimeout as typeof env.fetch;
    if (endpoint) env.remoteHost = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
    const progress = (p: { status?: string; file?: string }): void => {
      if (p.status === 'initiate' && p.file) options.onFile?.(p.file);
    };
    await AutoTokenizer.from_pretrained(id, { cache_dir: modelsDir, progress_callback: progress });
    const model = await AutoModel.from_pretrained(id, { cache_dir: modelsDir, dtype, device: 'cpu', progress_callback: progress });
    await model.dispose();
    for (const file of SENTENCE_TRANSFORMERS_FILES) {
      const url = `${env.remoteHost}${env.remotePathTemplate.replaceAll('{model}', id).replaceAll('{revision}', 'main')}${file}`;
      const res = await fetchWithTimeout(url);
      if (!res.ok) continue; // optional
      options.onFile?.(file);
      const path = join(location.path, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    }
  } finally {
    Object.assign(env, saved);
  }
  checkModel(location, dtype);
  return listModels(modelsDir).find((m) => m.path === location.path)!;
}
