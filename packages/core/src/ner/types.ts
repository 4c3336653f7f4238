import type { Gazetteer } from '../gazetteer.js';
import type { LexiconMatch, Token } from '../lexicon.js';
import type { EntityType, LanguageCode, Span } from '../types.js';

/** What a recognizer reads: the analysed text of one document. */
export interface NerInput {
  text: string;
  lang: LanguageCode;
  /** The document's word tokens (inside sentences, in text order). */
  tokens: readonly Token[];
  /** Gazetteer entity matches after overlap resolution (evidence for the recognizer, source of ids). */
  entityMatches: readonly LexiconMatch[];
  gazetteer: Gazetteer | null;
}

/** A recognized mention: a run of tokens `[tokenStart, tokenEnd)` with its original offsets. */
export interface NerMention extends Span {
  type: EntityType;
  tokenStart: number;
  tokenEnd: number;
  /** What found it: the trained model or the cue rules. */
  source: 'model' | 'rules';
}

/** A named-entity recognizer: finds person, organization and location mentions in analysed text. */
export interface NerModel {
  /** Identifies the model (and its weights' version) in results and benchmarks. */
  readonly name: string;
  /** The languages it has a model or rules for; other languages yield no mentions. */
  readonly languages: readonly LanguageCode[];
  recognize(input: NerInput): NerMention[];
}
