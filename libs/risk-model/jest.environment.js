/**
 * Jest environment for code that runs onnxruntime-node.
 *
 * Jest runs tests in a separate V8 context whose typed-array constructors differ from the
 * ones of Node's main context. The onnxruntime-node binding builds its output tensors with
 * the main context's Float32Array, which onnxruntime-common (loaded inside the test context)
 * then rejects: "A float32 tensor's data must be type of function Float32Array()".
 * Sharing the main context's typed-array constructors with the test context fixes that.
 * Any project whose Jest tests score with RiskScorer can use this file as testEnvironment.
 */
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'Float16Array',
];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxTestEnvironment;
