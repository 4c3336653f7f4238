export { createTagger, type Tagger, type TaggerOptions, type TagResult, type TagError, type TagRecord, type TagInput } from './tagger.js';
export {
  loadTaxonomy,
  parseTaxonomy,
  validateTaxonomy,
  defaultTaxonomy,
  defaultTaxonomyPath,
  TaxonomyError,
  type Taxonomy,
  type Topic,
  type EvidenceRule,
  type Terms,
} from './taxonomy.js';
export { TopicScorer, type TopicScore, type Evidence, type ScoreOptions } from './score.js';
export { TopicModel, type Example, type ModelFile, type ModelTrainOptions, type LabelScore, type LabelEvidence } from './learn/model.js';
export { readExamples, ExamplesError, type ExampleReadOptions } from './learn/examples.js';
export type { FeatureOptions } from './learn/features.js';
