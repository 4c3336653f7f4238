import { parseArgs } from 'node:util';
import { DEFAULT_MODEL, defaultModelsDir, DTYPES, listModels, pullModel, type Dtype } from '@topictag/tagger';
import type { Io } from '../io.js';
import { UsageError } from '../options.js';

/**
 * `topictag models list|pull|dir`: the embedding models of semantic and hybrid modes.
 * They live in TOPICTAG_MODELS (default ~/.cache/topictag/models); only `pull` uses the network.
 */
export async function modelsCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { dtype: { type: 'string' }, 'models-dir': { type: 'string' }, output: { type: 'string', short: 'o' } },
  });
  const [sub, ...rest] = positionals;
  const modelsDir = values['models-dir'] ?? defaultModelsDir();
  if (sub === 'dir' && !rest.length) {
    io.stdout(`${modelsDir}\n`);
    return 0;
  }
  if (sub === 'list' && !rest.length) {
    const models = listModels(modelsDir);
    if (values.output === 'json') io.stdout(`${JSON.stringify(models, null, 2)}\n`);
    else if (values.output !== undefined && values.output !== 'table') throw new UsageError(`--output must be table or json, got "${values.output}"`);
    else {
      for (const m of models) io.stdout(`${m.id}\t${m.dtypes.join(',') || '(no onnx file)'}\t${(m.bytes / 1e6).toFixed(1)} MB\n`);
      io.stderr(`topictag: ${models.length} model${models.length === 1 ? '' : 's'} in ${modelsDir}\n`);
    }
    return 0;
  }
  if (sub === 'pull' && rest.length <= 1) {
    const id = rest[0] ?? DEFAULT_MODEL;
    const dtype = (values.dtype ?? 'q8') as Dtype;
    if (!DTYPES.includes(dtype)) throw new UsageError(`--dtype must be one of ${DTYPES.join(', ')}, got "${values.dtype}"`);
    io.stderr(`topictag: pulling ${id} (${dtype}) into ${modelsDir}\n`);
    try {
      const info = await pullModel(id, { modelsDir, dtype, onFile: (f) => io.stderr(`  ${f}\n`) });
      io.stdout(`${info.id}\t${info.dtypes.join(',')}\t${(info.bytes / 1e6).toFixed(1)} MB\t${info.path}\n`);
      return 0;
    } catch (err) {
      io.stderr(`topictag: cannot pull ${id}: ${(err as Error).message}\n  (pull needs the network; on an offline machine copy a model folder into ${modelsDir} or pass --model PATH)\n`);
      return 1;
    }
  }
  throw new UsageError('models needs "list", "dir" or "pull [ID]" (default model: ' + DEFAULT_MODEL + ')');
}
