// A jest environment for tests that run onnxruntime-node in the test's own thread. Jest runs each test
// file in a separate VM context with its own typed-array classes, and onnxruntime-node checks tensor
// data with `instanceof Float32Array` against Node's main-context classes, so inference fails with "A
// float32 tensor's data must be type of function Float32Array()". This environment gives the test
// context Node's own typed arrays. Use it with a docblock (path from the repository root):
// /** @jest-environment ./packages/tagger/test/onnx-environment.cjs */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxEnvironment;
