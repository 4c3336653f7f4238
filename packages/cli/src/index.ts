export { main, HELP } from './main.js';
export type { Io } from './io.js';
export { evaluate, parseGold, predictionOf, type Gold, type GoldDocument, type EvalReport, type Prediction, type Scores } from './eval.js';
export { recordsTable, evalTable, createWriter, type OutputFormat } from './output.js';
