/**
 * Risk model: the ONNX fraud-scoring models `kcs-fraud-gbdt` (one folder per version under
 * `models/`), their feature encoding (`feature-spec.json`, written by `python/train.py`), the
 * supply-chain history the version-2 features read, and the Node scorer.
 *
 * - {@link RiskScorer}: load the model folder, score declarations -> P(fraud) in [0, 1].
 * - {@link encodeFeatures}: declarations -> float32 [N, F] matrix, identical to training.
 * - {@link loadFeatureSpec} / {@link parseFeatureSpec}: read and validate a spec.
 * - {@link TreeExplainer}: exact TreeSHAP attributions of a score (log-odds), equal to LightGBM's own.
 * - {@link ScoringPool}: worker threads that run the ONNX sessions and TreeSHAP off the caller's event loop.
 * - {@link OutcomeHistory}: labelled inspection outcomes indexed for "as of before this date" lookups.
 */
export * from './feature-spec';
export * from './feature-encoder';
export * from './risk-scorer';
export * from './scoring-pool/scoring-pool';
export * from './supply-chain/outcome-history';
export * from './tree-shap';
export * from './metrics';
export * from './drift';
