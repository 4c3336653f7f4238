/** Types of make-tiny-model.mjs (for the TypeScript tests that import it). */
export interface TinyModelOptions {
  dim?: number;
  maxLength?: number;
  pooling?: 'mean' | 'cls';
  seed?: number;
  texts?: string[];
}
export interface TinyModelInfo {
  path: string;
  vocabSize: number;
  dim: number;
  maxLength: number;
  pooling: 'mean' | 'cls';
}
export function corpusTexts(): string[];
export function makeTinyModel(out: string, options?: TinyModelOptions): TinyModelInfo;
