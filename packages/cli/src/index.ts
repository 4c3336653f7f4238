export { main, HELP, type Io } from './main.js';
export { evaluate, parseGold, type Gold, type GoldDocument, type EvalReport, type Prediction, type Scores } from './eval.js';
export { recordsTable, evalTable, createWriter, type OutputFormat } from './output.js';
