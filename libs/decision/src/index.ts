/**
 * @customs/decision: the lane decision, pure and synchronous (no framework, no I/O, no Node
 * module, so the API, the worker, workflows, tools and the browser can all use it).
 *
 * - {@link decideLane}: fired criteria + scores + the office's policy + draws -> lane and its basis.
 * - {@link drawsFor}: the deterministic control and exploration draws of a declaration.
 * - {@link officeThresholds} / {@link deriveThresholds}: an office's cut-offs, derived from its
 *   inspection capacity and the model's recorded score quantiles.
 * - {@link modelThresholds} / {@link modelLane}: a model version's cut-offs under fixed shares and its lane.
 * - {@link DecisionRecordBody} / {@link summarise}: the append-only decision record and its one-sentence summary.
 * - {@link sameDecision}: whether a replay reproduced a decision.
 */
export * from './draws';
export * from './model-thresholds';
export * from './office-policy';
export * from './lane-decision';
export * from './decision-record';
export * from './replay-comparison';
export * from './policy-preview';
export * from './decision-summary';
export * from './data-quality-rule';
export * from './stream-selection';
export * from './express-decision-record';
