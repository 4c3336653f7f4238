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
  type Condition,
  type Terms,
} from './taxonomy.js';
export { TopicScorer, type TopicScore, type Evidence, type ScoreOptions } from './score.js';
export { TopicModel, isTopicModelFile, type Example, type ModelFile, type ModelTrainOptions, type LabelScore, type LabelEvidence } from './learn/model.js';
export { readExamples, ExamplesError, type ExampleReadOptions } from './learn/examples.js';
export type { FeatureOptions } from './learn/features.js';
export { createEmbedder, withCache, type Embedder, type EmbedderOptions, type EmbedderInfo, type EmbedKind, type Pooling } from './embedder.js';
export type { EmbeddingBackend } from './backend.js';
export { chunkSentences, type Chunk, type ChunkOptions } from './chunk.js';
export { SemanticScorer, prototypeTexts, type SemanticOptions, type SemanticTopicScore, type Calibration } from './semantic.js';
export type { TaggingMode } from './fuse.js';
export {
  DEFAULT_MODEL,
  DTYPES,
  defaultModelsDir,
  locateModel,
  checkModel,
  listModels,
  pullModel,
  onnxFile,
  ModelNotFoundError,
  RuntimeMissingError,
  loadRuntime,
  type Dtype,
  type ModelLocation,
  type ModelInfo,
  type PullOptions,
} from './models.js';
