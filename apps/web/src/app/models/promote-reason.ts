/** Reason length the API accepts for a promotion (`POST /api/models/:version/promote`), characters. */
export const PROMOTE_REASON = { min: 10, max: 2000 } as const;

/**
 * Checks the reason typed in the promote dialog as the API does: trimmed, at least
 * {@link PROMOTE_REASON}.min characters (the text box itself stops at `max`).
 * @returns the trimmed reason to send, or the i18n key of the problem to show.
 */
export function checkPromoteReason(typed: string): { reason: string } | { problem: 'models.reasonTooShort' } {
  const reason = typed.trim();
  return reason.length < PROMOTE_REASON.min ? { problem: 'models.reasonTooShort' } : { reason };
}
