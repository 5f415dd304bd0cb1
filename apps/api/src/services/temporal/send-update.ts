import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ILLEGAL_TRANSITION } from '@customs/workflows/messages';

/**
 * Sends a Temporal Update to a case workflow and turns its refusals into HTTP errors:
 * an `IllegalTransition` from the validator -> 409, any other validator failure -> 422,
 * a workflow that has ended -> 409 with `endedMessage`.
 * @throws ConflictException, UnprocessableEntityException, or the original error.
 */
export async function sendCaseUpdate<T>(send: () => Promise<T>, endedMessage: string): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new ConflictException(endedMessage);
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      if (err.cause.type === ILLEGAL_TRANSITION) throw new ConflictException(err.cause.message);
      throw new UnprocessableEntityException(err.cause.message);
    }
    throw err;
  }
}
