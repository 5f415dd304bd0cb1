/**
 * Drift of the model in service (issue 17): population stability index of the score and the
 * features against the training reference per ISO week, hit rates per criterion and lane,
 * alerts, and suggested lane cut-offs. Pure functions, no model loading: `tools/drift/drift.ts`
 * scores the declarations and feeds them in.
 */
export * from './psi';
export * from './iso-week';
export * from './weekly-drift';
export * from './reference-file';
