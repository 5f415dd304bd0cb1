/**
 * Absolute path of the workflow entry point (`index.ts`, every workflow), for a worker's
 * `workflowsPath`: the Temporal SDK bundles the workflows from it. Not part of the workflow bundle.
 */
export const WORKFLOWS_PATH: string = require.resolve('./index');
