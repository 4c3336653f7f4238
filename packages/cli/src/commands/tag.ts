import { parseArgs } from 'node:util';
import { readDocuments, type ReadOptions } from '@topictag/adapters';
import type { TagInput } from '@topictag/tagger';
import type { Io } from '../io.js';
import { makeTagger, readOptionsSpec, taggerOptionsSpec, toReadOptions, UsageError } from '../options.js';
import { createWriter, OUTPUT_FORMATS, type OutputFormat } from '../output.js';

/** `topictag tag <paths…>`: one record per input document on stdout. */
export async function tagCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { ...readOptionsSpec, ...taggerOptionsSpec, output: { type: 'string', short: 'o' }, 'include-text': { type: 'boolean' } },
  });
  const output = (values.output ?? 'jsonl') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${output}"`);
  if (!positionals.length) throw new UsageError('tag needs at least one file or directory');
  const read = toReadOptions(values, (path, reason) => io.stderr(`topictag: skipped ${path} (${reason})\n`));
  const tagger = await makeTagger(values);
  const writer = createWriter(output, io.stdout);
  const started = performance.now();
  let total = 0;
  let failed = 0;
  for await (const record of tagger.tagMany(documents(positionals, read), { includeText: values['include-text'] ?? false })) {
    total++;
    if (record.error) failed++;
    writer.add(record);
  }
  writer.end();
  await tagger.close();
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  io.stderr(`topictag: ${total} document${total === 1 ? '' : 's'}, ${failed} failed, ${secs} s\n`);
  return failed ? 1 : 0;
}

/** Documents, and the records of files that could not be read, for `tagMany`. */
export async function* documents(paths: readonly string[], options: ReadOptions): AsyncGenerator<TagInput> {
  for await (const record of readDocuments([...paths], options)) yield 'document' in record ? record.document : record;
}
