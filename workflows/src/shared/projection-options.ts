import type { LocalActivityOptions } from '@temporalio/workflow';

/**
 * Options of the projection activities of every case workflow. They are local activities:
 * a projection is a short, idempotent database write, so it runs inside the workflow task
 * instead of costing the Temporal server a scheduled task per transition.
 */
export const PROJECTION_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
};
