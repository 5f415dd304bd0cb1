/**
 * Selectivity: criteria (json-rules-engine style conditions on declaration facts),
 * their validation, evaluation of declarations, and explanation (loading from files: @customs/io).
 */
export * from './criterion';
export * from './facts';
export * from './target-documents';
export * from './document-facts';
export * from './operators/criterion-operators';
export * from './operators/hs-starts-with-any.operator';
export * from './operators/contains-any-keyword.operator';
export * from './selectivity-engine';
export * from './criteria-index';
export * from './rules-engine-reference';
export * from './inspection-labels';
export * from './backtest';
