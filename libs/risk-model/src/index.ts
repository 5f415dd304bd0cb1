/**
 * Risk model: the ONNX fraud-scoring model `kcs-fraud-gbdt`, its feature encoding
 * (`model/feature-spec.json`, written by `python/train.py`) and the Node scorer.
 *
 * - {@link RiskScorer}: load the model folder, score declarations -> P(fraud) in [0, 1].
 * - {@link encodeFeatures}: declarations -> float32 [N, F] matrix, identical to training.
 * - {@link loadFeatureSpec} / {@link parseFeatureSpec}: read and validate a spec.
 */
export * from './feature-spec';
export * from './feature-encoder';
export * from './risk-scorer';
export * from './tree-shap';
