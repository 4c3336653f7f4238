import { readFileSync } from 'node:fs';
import { ExamplesError, TaxonomyError } from '@topictag/tagger';
import { evalCommand } from './commands/eval.js';
import { modelsCommand } from './commands/models.js';
import { tagCommand } from './commands/tag.js';
import { taxonomyCommand } from './commands/taxonomy.js';
import { trainCommand } from './commands/train.js';
import { processIo, type Io } from './io.js';
import { UsageError } from './options.js';

export const HELP = `topictag — tag multilingual news with topics and linked entities

Usage:
  topictag tag <paths…|-> [options]    tag files, directories or stdin (a file, feed item or record is one document)
  topictag eval <gold.json> <docs-dir>  precision, recall and F1 against gold annotations
  topictag train --examples FILE --out MODEL   learn topics from labelled examples (JSONL, CSV, TSV)
  topictag taxonomy check FILE | show [FILE]  validate a taxonomy, or print its topics
  topictag models list|dir|pull [ID]   embedding models for --mode semantic|hybrid
  topictag --help | --version

tag options:
  -o, --output jsonl|json|table   output format (default: jsonl)
  -t, --taxonomy FILE             a YAML or JSON taxonomy instead of the built-in one
      --threshold N               minimum topic score, 0–1 (default 0.5)
      --mode lexical|semantic|hybrid  topic scoring (default: lexical, no model)
      --model ID|PATH             a topic model from "topictag train" (used alone, or with --taxonomy), or in
                                  the semantic modes an embedding model (default: Xenova/multilingual-e5-small)
      --dtype q8|fp32|int8|…      model weights (default: q8)
      --include-text              add each document's text to its record
      --format F                  input format: auto (default: from content and extension), txt, html,
                                  markdown, json, jsonl, csv, tsv, rss, atom, docx or pdf
      --encoding E                input encoding (default: auto-detected; e.g. windows-1251, koi8-r)
      --text-field P, --title-field P, --date-field P, --id-field P
                                  fields of JSON/JSONL/CSV records (nested: a.b.0); a path "-" is stdin
      --text-column C, --id-column C   the same as --text-field, --id-field (CSV/TSV wording)

eval options:
  -o, --output table|json         (default: table)
      --details                   list each document's missed and extra topics and entities
  -t, --taxonomy FILE, --threshold N, --format F, --encoding E   as for tag
      --mode M, --model ID|PATH, --dtype D           as for tag

train options:
  -e, --examples FILE             JSONL {text, labels} or CSV/TSV with a header (SIB-200's TSV as it is)
  -o, --out MODEL                 the model file to write
      --text-column C, --label-column C   columns or fields (default: text/content/body; labels/label/category/topic)
      --label-separator S         splits a CSV label cell into several labels (default |)
      --lang L                    the examples' language, when known (else identified per example)
      --l2 X, --epochs N          regularization (default 1e-4) and passes (default 200)
      --multi-label               several labels per example (default: when any example has several)

models options:
      --dtype D                   weights to pull (default: q8)
      --models-dir DIR            model folder (default: TOPICTAG_MODELS, else ~/.cache/topictag/models)

Records go to stdout, one per input document; logs go to stderr. The exit code is 1 when any
document failed, 2 on a usage error.
`;

/** The commands: each takes its arguments and the io, and returns the exit code. */
const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  tag: tagCommand,
  eval: evalCommand,
  models: modelsCommand,
  train: trainCommand,
  taxonomy: taxonomyCommand,
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
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
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`topictag: ${(err as Error).message}\nRun "topictag --help" for usage.\n`);
      return 2;
    }
    if (err instanceof TaxonomyError || err instanceof ExamplesError) {
      io.stderr(`topictag: ${err.message}\n`);
      return 2;
    }
    io.stderr(`topictag: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
