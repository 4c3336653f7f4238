import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDocument, readDocuments, type ReadOptions } from '@topictag/adapters';
import { createTagger, TaxonomyError, type TagInput, type TagRecord, type Tagger } from '@topictag/tagger';
import { evaluate, parseGold, type Prediction } from './eval.js';
import { createWriter, evalTable, OUTPUT_FORMATS, recordsTable, type OutputFormat } from './output.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

export const HELP = `topictag — tag multilingual news with topics and linked entities

Usage:
  topictag tag <paths…> [options]      tag files and directories (each file is one document)
  topictag eval <gold.json> <docs-dir>  precision, recall and F1 against gold annotations
  topictag --help | --version

tag options:
  -o, --output jsonl|json|table   output format (default: jsonl)
  -t, --taxonomy FILE             a YAML or JSON taxonomy instead of the built-in one
      --threshold N               minimum topic score, 0–1 (default 0.5)
      --include-text              add each document's text to its record
      --format auto|txt|html      input format (default: auto, from extension and content)

eval options:
  -o, --output table|json         (default: table)
      --details                   list each document's missed and extra topics and entities
  -t, --taxonomy FILE, --threshold N   as for tag

Records go to stdout, one per input document; logs go to stderr. The exit code is 1 when any
document failed, 2 on a usage error.
`;

class UsageError extends Error {}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    if (command === 'tag') return await tagCommand(rest, io);
    if (command === 'eval') return await evalCommand(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`topictag: ${(err as Error).message}\nRun "topictag --help" for usage.\n`);
      return 2;
    }
    if (err instanceof TaxonomyError) {
      io.stderr(`topictag: ${err.message}\n`);
      return 2;
    }
    io.stderr(`topictag: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

const common = {
  output: { type: 'string', short: 'o' },
  taxonomy: { type: 'string', short: 't' },
  threshold: { type: 'string' },
  format: { type: 'string' },
} as const;

async function makeTagger(values: { taxonomy?: string; threshold?: string }): Promise<Tagger> {
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold > 0 && threshold < 1)) throw new UsageError(`--threshold must be a number between 0 and 1, got "${values.threshold}"`);
  }
  return createTagger({ taxonomy: values.taxonomy, threshold });
}

function inputFormat(value: string | undefined): 'auto' | 'txt' | 'html' {
  const f = value ?? 'auto';
  if (f !== 'auto' && f !== 'txt' && f !== 'html') throw new UsageError(`--format must be auto, txt or html, got "${f}"`);
  return f;
}

async function tagCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { ...common, 'include-text': { type: 'boolean' } },
  });
  const output = (values.output ?? 'jsonl') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${output}"`);
  if (!positionals.length) throw new UsageError('tag needs at least one file or directory');
  const format = inputFormat(values.format);
  const tagger = await makeTagger(values);
  const writer = createWriter(output, io.stdout);
  const started = performance.now();
  let total = 0;
  let failed = 0;
  const skip = (path: string, reason: string) => io.stderr(`topictag: skipped ${path} (${reason})\n`);
  for await (const record of tagger.tagMany(documents(positionals, { format, onSkip: skip }), { includeText: values['include-text'] ?? false })) {
    total++;
    if (record.error) failed++;
    writer.add(record);
  }
  writer.end();
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  io.stderr(`topictag: ${total} document${total === 1 ? '' : 's'}, ${failed} failed, ${secs} s\n`);
  return failed ? 1 : 0;
}

async function evalCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { ...common, details: { type: 'boolean' } },
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
  const tagger = await makeTagger(values);
  const format = inputFormat(values.format);
  const predictions = new Map<string, Prediction | null>();
  let failed = 0;
  for (const d of gold.documents) {
    const record = await readDocument(join(docsDir, d.file), { format });
    const [tagged] = await collect(tagger.tagMany([('document' in record ? record.document : record)]));
    if (!tagged || tagged.error) {
      failed++;
      io.stderr(`topictag: ${d.file}: ${tagged?.error ? tagged.error.message : 'no result'}\n`);
      predictions.set(d.file, null);
      continue;
    }
    predictions.set(d.file, {
      lang: tagged.lang,
      date: tagged.date,
      title: tagged.title,
      topics: tagged.topics.map((t) => t.id),
      entities: tagged.entities.map((e) => e.id),
    });
  }
  const report = evaluate(gold, predictions);
  io.stdout(output === 'json' ? JSON.stringify(report, null, 2) + '\n' : evalTable(report, values.details ?? false) + '\n');
  if (failed) io.stderr(`topictag: ${failed} of ${gold.documents.length} documents failed (counted as all missed)\n`);
  return failed ? 1 : 0;
}

/** Documents, and the records of files that could not be read, for `tagMany`. */
async function* documents(paths: readonly string[], options: ReadOptions): AsyncGenerator<TagInput> {
  for await (const record of readDocuments([...paths], options)) yield 'document' in record ? record.document : record;
}

async function collect(it: AsyncIterable<TagRecord>): Promise<TagRecord[]> {
  const out: TagRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export { recordsTable };
