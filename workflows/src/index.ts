/** Every workflow, for the worker's `workflowsPath` / bundle. Deterministic code only. */
export { inspectionCaseWorkflow } from './inspection-case/inspection-case.workflow';
export { riskCaseWorkflow } from './risk-case/risk-case.workflow';
