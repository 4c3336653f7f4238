import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDocument } from '@topictag/adapters';
import { evaluate, parseGold, predictionOf, type Prediction } from '../eval.js';
import type { Io } from '../io.js';
import { makeTagger, readOptionsSpec, taggerOptionsSpec, toReadOptions, UsageError } from '../options.js';
import { evalTable } from '../output.js';

/** `topictag eval <gold.json> <docs-dir>`: precision, recall and F1 per language. */
export async function evalCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { ...readOptionsSpec, ...taggerOptionsSpec, output: { type: 'string', short: 'o' }, details: { type: 'boolean' } },
  });
  const [goldPath, docsDir, ...extra] = positionals;
  if (!goldPath || !docsDir || extra.length) throw new UsageError('eval needs <gold.json> and <docs-dir>');
  const output = values.output ?? 'table';
  if (output !== 'table' && output !== 'json') throw new UsageError(`--output must be table or json for eval, got "${output}"`);
  let goldRaw: unknown;
  try {
    goldRaw = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read gold file ${goldPath}: ${(err as Error).message}`);
  }
  const gold = parseGold(goldRaw, goldPath);
  const read = toReadOptions(values);
  const tagger = await makeTagger(values);
  const predictions = new Map<string, Prediction | null>();
  let failed = 0;
  for (const d of gold.documents) {
    const record = await readDocument(join(docsDir, d.file), read);
    let tagged;
    for await (const r of tagger.tagMany(['document' in record ? record.document : record])) tagged = r;
    if (!tagged || tagged.error) {
      failed++;
      io.stderr(`topictag: ${d.file}: ${tagged?.error ? tagged.error.message : 'no result'}\n`);
      predictions.set(d.file, null);
      continue;
    }
    predictions.set(d.file, predictionOf(tagged));
  }
  await tagger.close();
  const report = evaluate(gold, predictions);
  io.stdout(output === 'json' ? JSON.stringify(report, null, 2) + '\n' : evalTable(report, values.details ?? false) + '\n');
  if (failed) io.stderr(`topictag: ${failed} of ${gold.documents.length} documents failed (counted as all missed)\n`);
  return failed ? 1 : 0;
}
