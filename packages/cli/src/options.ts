/**
 * Option groups shared by commands. Each group has a parseArgs spec and a function that turns parsed
 * values into the options of one package, so commands stay thin and a package's flags live in one place.
 */
import type { ReadOptions } from '@topictag/adapters';
import { createTagger, type Tagger } from '@topictag/tagger';

/** A usage error: reported on stderr with exit code 2. */
export class UsageError extends Error {}

/** How inputs are read (@topictag/adapters). */
export const readOptionsSpec = {
  format: { type: 'string' },
} as const;

export function toReadOptions(values: { format?: string | undefined }, onSkip?: ReadOptions['onSkip']): ReadOptions {
  const format = values.format ?? 'auto';
  if (format !== 'auto' && format !== 'txt' && format !== 'html') throw new UsageError(`--format must be auto, txt or html, got "${format}"`);
  return onSkip ? { format, onSkip } : { format };
}

/** How documents are tagged (@topictag/tagger). */
export const taggerOptionsSpec = {
  taxonomy: { type: 'string', short: 't' },
  threshold: { type: 'string' },
} as const;

export async function makeTagger(values: { taxonomy?: string | undefined; threshold?: string | undefined }): Promise<Tagger> {
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold > 0 && threshold < 1)) throw new UsageError(`--threshold must be a number between 0 and 1, got "${values.threshold}"`);
  }
  return createTagger({ taxonomy: values.taxonomy, threshold });
}
