import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { LanguageCode } from '../types.js';
import type { PerceptronData } from './perceptron.js';
import { createRecognizer, languageModel, type LanguageModel } from './recognizer.js';
import type { NerModel } from './types.js';

const DIR = new URL('../../data/ner/', import.meta.url);
const MODEL_FILE = /^([a-z]{2,3})\.model\.json(\.gz)?$/u;
/** Languages read by cue rules when no trained model ships for them. */
const RULE_LANGUAGES: readonly LanguageCode[] = ['en', 'ar'];

/** Reads a perceptron file (`.json` or `.json.gz`). */
export function readPerceptronFile(path: string | URL): PerceptronData {
  try {
    const raw = readFileSync(path);
    return JSON.parse((String(path).endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as PerceptronData;
  } catch (err) {
    throw new Error(`cannot read NER model ${String(path)}: ${(err as Error).message}`);
  }
}

let builtin: NerModel | undefined;

/**
 * The shipped recognizer: the trained models in `data/ner/<lang>.model.json.gz` (Russian, Kazakh;
 * loaded on first use) and cue rules for English and Arabic.
 */
export function defaultNer(): NerModel {
  if (builtin) return builtin;
  const models = new Map<LanguageCode, () => LanguageModel>();
  for (const f of readdirSync(DIR).sort()) {
    const m = MODEL_FILE.exec(f);
    if (m) models.set(m[1]!, () => languageModel(readPerceptronFile(new URL(f, DIR))));
  }
  return (builtin = createRecognizer({ models, ruleLanguages: RULE_LANGUAGES, name: 'topictag-ner (perceptron ru/kk, rules en/ar)' }));
}
