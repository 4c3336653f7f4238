/**
 * Option groups shared by commands. Each group has a parseArgs spec and a function that turns parsed
 * values into the options of one package, so commands stay thin and a package's flags live in one place.
 */
import { FORMATS, isFormat, isKnownEncoding, type FieldMap, type ReadOptions } from '@topictag/adapters';
import { createTagger, DTYPES, isTopicModelFile, ModelNotFoundError, RuntimeMissingError, type Dtype, type Tagger, type TaggingMode } from '@topictag/tagger';

/** A usage error: reported on stderr with exit code 2. */
export class UsageError extends Error {}

/** How inputs are read (@topictag/adapters). */
export const readOptionsSpec = {
  format: { type: 'string' },
  encoding: { type: 'string' },
  'text-field': { type: 'string' },
  'title-field': { type: 'string' },
  'date-field': { type: 'string' },
  'id-field': { type: 'string' },
  // The names classification users know from `topictag train` (SIB-200: --id-column index_id --text-column text).
  'text-column': { type: 'string' },
  'id-column': { type: 'string' },
} as const;

export interface ReadOptionValues {
  format?: string | undefined;
  encoding?: string | undefined;
  'text-field'?: string | undefined;
  'title-field'?: string | undefined;
  'date-field'?: string | undefined;
  'id-field'?: string | undefined;
  'text-column'?: string | undefined;
  'id-column'?: string | undefined;
}

export function toReadOptions(values: ReadOptionValues, onSkip?: ReadOptions['onSkip']): ReadOptions {
  const format = values.format ?? 'auto';
  if (format !== 'auto' && !isFormat(format)) throw new UsageError(`--format must be auto or one of ${FORMATS.join(', ')}, got "${format}"`);
  const encoding = values.encoding ?? 'auto';
  if (encoding !== 'auto' && !isKnownEncoding(encoding)) throw new UsageError(`--encoding: unknown encoding "${encoding}" (e.g. utf-8, windows-1251, koi8-r, windows-1256, iso-8859-1)`);
  const fields: FieldMap = {};
  for (const field of ['text', 'title', 'date', 'id'] as const) {
    const path = values[`${field}-field`] ?? (field === 'text' || field === 'id' ? values[`${field}-column`] : undefined);
    if (path === undefined) continue;
    if (path.trim() === '') throw new UsageError(`--${field}-field needs a field name or dotted path`);
    fields[field] = path;
  }
  return { format, encoding, fields, ...(onSkip ? { onSkip } : {}) };
}

/** How documents are tagged (@topictag/tagger). */
export const taggerOptionsSpec = {
  taxonomy: { type: 'string', short: 't' },
  threshold: { type: 'string' },
  mode: { type: 'string' },
  model: { type: 'string' },
  dtype: { type: 'string' },
} as const;

export interface TaggerValues {
  taxonomy?: string | undefined;
  threshold?: string | undefined;
  mode?: string | undefined;
  model?: string | undefined;
  dtype?: string | undefined;
}

const MODES: readonly TaggingMode[] = ['lexical', 'semantic', 'hybrid'];

/** The tagger the options ask for; in semantic and hybrid modes the model runs in a worker thread. */
export async function makeTagger(values: TaggerValues): Promise<Tagger> {
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold > 0 && threshold < 1)) throw new UsageError(`--threshold must be a number between 0 and 1, got "${values.threshold}"`);
  }
  const mode = (values.mode ?? 'lexical') as TaggingMode;
  if (!MODES.includes(mode)) throw new UsageError(`--mode must be lexical, semantic or hybrid, got "${values.mode}"`);
  // --model is a trained topic model (topictag train) or, in the semantic modes, an embedding model.
  const classifier = values.model !== undefined && isTopicModelFile(values.model) ? values.model : undefined;
  const embedding = classifier === undefined ? values.model : undefined;
  if (mode === 'lexical' && embedding !== undefined) {
    throw new UsageError(`--model ${embedding}: not a topic model file from "topictag train"; an embedding model needs --mode semantic or --mode hybrid`);
  }
  if (mode === 'lexical' && values.dtype !== undefined) throw new UsageError('--dtype needs --mode semantic or --mode hybrid');
  const dtype = values.dtype as Dtype | undefined;
  if (dtype !== undefined && !DTYPES.includes(dtype)) throw new UsageError(`--dtype must be one of ${DTYPES.join(', ')}, got "${values.dtype}"`);
  if (mode === 'lexical') return createTagger({ taxonomy: values.taxonomy, threshold, classifier });
  try {
    return await createTagger({ taxonomy: values.taxonomy, threshold, mode, model: embedding, classifier, dtype, worker: true });
  } catch (err) {
    if (err instanceof ModelNotFoundError || err instanceof RuntimeMissingError) throw new UsageError(err.message);
    throw err;
  }
}
