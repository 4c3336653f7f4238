import { parseArgs } from 'node:util';
import { createAnalyzer, defaultGazetteer } from '@topictag/core';
import { readExamples, TopicModel } from '@topictag/tagger';
import type { Io } from '../io.js';
import { UsageError } from '../options.js';

/** `topictag train --examples FILE --out MODEL`: learn topics from labelled examples. */
export async function trainCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      examples: { type: 'string', short: 'e' },
      out: { type: 'string', short: 'o' },
      'text-column': { type: 'string' },
      'label-column': { type: 'string' },
      'label-separator': { type: 'string' },
      lang: { type: 'string' },
      l2: { type: 'string' },
      epochs: { type: 'string' },
      'multi-label': { type: 'boolean' },
    },
  });
  if (positionals.length) throw new UsageError(`train takes no positional arguments (got "${positionals[0]}"); use --examples FILE`);
  if (!values.examples || !values.out) throw new UsageError('train needs --examples FILE and --out MODEL');
  const number = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!(n > 0)) throw new UsageError(`--${name} must be a positive number, got "${v}"`);
    return n;
  };
  const started = performance.now();
  const examples = await readExamples(values.examples, {
    textColumn: values['text-column'],
    labelColumn: values['label-column'],
    labelSeparator: values['label-separator'],
  });
  io.stderr(`topictag: ${examples.length} examples from ${values.examples}\n`);
  const analyzer = createAnalyzer({ gazetteer: defaultGazetteer() });
  const analysed = examples.map((e, i) => ({
    analysis: analyzer.analyze({ id: `example-${i + 1}`, source: values.examples!, text: e.text, lang: values.lang ?? null }),
    labels: e.labels,
  }));
  const model = TopicModel.train(analysed, {
    l2: number('l2', values.l2),
    epochs: number('epochs', values.epochs),
    multiLabel: values['multi-label'],
  });
  model.save(values.out);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  io.stderr(
    `topictag: trained ${model.multiLabel ? 'multi-label' : 'single-label'} model on ${model.labels.length} labels ` +
      `(${model.labels.join(', ')}), ${model.file.vocab.length} features, in ${secs} s → ${values.out}\n`,
  );
  return 0;
}
