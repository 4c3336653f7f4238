/**
 * Regularized linear classifiers over sparse vectors: multinomial logistic regression (one label per
 * example) and one-vs-rest logistic regression (any number of labels). Full-batch optimization with
 * Adam from zero weights, so training is deterministic.
 */

/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface LinearModel {
  /** One weight row per label: `weights[label][feature]`. */
  weights: Float32Array[];
  bias: Float32Array;
  multiLabel: boolean;
}

export interface TrainOptions {
  /** L2 regularization strength (per example, averaged loss). Default 1e-4. */
  l2?: number;
  /** Passes over the data. Default 200. */
  epochs?: number;
  /** Adam step size. Default 0.05. */
  learningRate?: number;
}

/** Trains on vectors `x` with label sets `y` (indices into `labelCount` labels). */
export function trainLinear(
  x: readonly SparseVector[],
  y: readonly (readonly number[])[],
  dims: number,
  labelCount: number,
  multiLabel: boolean,
  options: TrainOptions = {},
): LinearModel {
  const l2 = options.l2 ?? 1e-4;
  const epochs = options.epochs ?? 200;
  const lr = options.learningRate ?? 0.05;
  const L = labelCount;
  const W = Array.from({ length: L }, () => new Float32Array(dims));
  const b = new Float32Array(L);
  // Adam moments.
  const mW = Array.from({ length: L }, () => new Float32Array(dims));
  const vW = Array.from({ length: L }, () => new Float32Array(dims));
  const mb = new Float32Array(L);
  const vb = new Float32Array(L);
  const gW = Array.from({ length: L }, () => new Float32Array(dims));
  const gb = new Float32Array(L);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const n = x.length;
  const scores = new Float64Array(L);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let l = 0; l < L; l++) gW[l]!.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      for (let l = 0; l < L; l++) scores[l] = dot(W[l]!, xi) + b[l]!;
      const residual = multiLabel ? sigmoidResiduals(scores, y[i]!) : softmaxResiduals(scores, y[i]!);
      for (let l = 0; l < L; l++) {
        const r = residual[l]!;
        if (r === 0) continue;
        const g = gW[l]!;
        for (let k = 0; k < xi.index.length; k++) g[xi.index[k]!]! += (r * xi.value[k]!) / n;
        gb[l]! += r / n;
      }
    }
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let l = 0; l < L; l++) {
      const w = W[l]!;
      const g = gW[l]!;
      const m = mW[l]!;
      const v = vW[l]!;
      for (let j = 0; j < dims; j++) {
        const grad = g[j]! + l2 * w[j]!;
        m[j] = beta1 * m[j]! + (1 - beta1) * grad;
        v[j] = beta2 * v[j]! + (1 - beta2) * grad * grad;
        w[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
      }
      mb[l] = beta1 * mb[l]! + (1 - beta1) * gb[l]!;
      vb[l] = beta2 * vb[l]! + (1 - beta2) * gb[l]! * gb[l]!;
      b[l]! -= (lr * (mb[l]! / c1)) / (Math.sqrt(vb[l]! / c2) + eps);
    }
  }
  return { weights: W, bias: b, multiLabel };
}

/** Probabilities per label: softmax over labels, or independent sigmoids for multi-label models. */
export function predictLinear(model: LinearModel, x: SparseVector): number[] {
  const s = model.weights.map((w, l) => dot(w, x) + model.bias[l]!);
  if (model.multiLabel) return s.map(sigmoid);
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const z = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / z);
}

function dot(w: Float32Array, x: SparseVector): number {
  let s = 0;
  for (let k = 0; k < x.index.length; k++) s += w[x.index[k]!]! * x.value[k]!;
  return s;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Gradient of the cross-entropy w.r.t. each score: p − target (the target spread over gold labels). */
function softmaxResiduals(scores: Float64Array, gold: readonly number[]): Float64Array {
  const max = Math.max(...scores);
  const out = new Float64Array(scores.length);
  let z = 0;
  for (let l = 0; l < scores.length; l++) z += out[l] = Math.exp(scores[l]! - max);
  for (let l = 0; l < scores.length; l++) out[l]! /= z;
  for (const g of gold) out[g]! -= 1 / gold.length;
  return out;
}

function sigmoidResiduals(scores: Float64Array, gold: readonly number[]): Float64Array {
  const out = new Float64Array(scores.length);
  for (let l = 0; l < scores.length; l++) out[l] = sigmoid(scores[l]!) - (gold.includes(l) ? 1 : 0);
  return out;
}
