export type { Document, Span, TextSpan, LanguageCode, EntityType } from './types.js';
export { normalize, toOriginal, fold, type Normalized } from './normalize.js';
export { scriptOf, scriptCounts, type Script } from './script.js';
export { detectLanguage, type LanguageGuess } from './langid.js';
export { splitSentences, splitWords, contentRanges, capsOf, type Sentence, type Word, type Caps } from './segment.js';
export {
  createLanguagePack,
  registerLanguage,
  getLanguage,
  listLanguages,
  packFor,
  type LanguagePack,
  type LanguageData,
  type SnowballStemmerData,
  type DictionaryData,
  type AffixStemmerData,
} from './languages.js';
export { loadPosLexicon, loadReadings, loadWordClasses, packageDirectory, type Reading, type Readings, type WordClasses } from './morphology.js';
export type { BaseName, KnownWord, NameData } from './names.js';
export { Lexicon, type LexiconEntry, type LexiconMatch, type Token } from './lexicon.js';
export { Gazetteer, BLOCKED_REF, defaultGazetteer, readGazetteerFile, type GazetteerEntity, type GazetteerData } from './gazetteer.js';
export { createAnalyzer, type Analyzer, type AnalyzerOptions, type Analysis, type Entity } from './analyze.js';
export type { NerModel, NerMention, NerInput } from './ner/types.js';
export { defaultNer, readPerceptronFile } from './ner/models.js';
export { createRecognizer, languageModel, modelMentions, type LanguageModel, type RecognizerOptions } from './ner/recognizer.js';
export { Perceptron, type PerceptronData } from './ner/perceptron.js';
export { trainPerceptron, goldPaths, type TrainingSentence, type TrainOptions } from './ner/train.js';
export { compileTemplates, sentenceFeatures, sentenceRanges, tokenAttributes, shapeOf, ATTRIBUTES, type Template, type Attribute } from './ner/features.js';
export { Cues, defaultCues, type CueData, type CueKind, type NameListData } from './ner/cues.js';
export { readFactRuEval, readKazNerd, scoreSpans, outermostMentions, type NerCorpusDocument, type GoldMention, type SpanScores } from './ner/corpora.js';
