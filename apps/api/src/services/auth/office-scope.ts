import { ForbiddenException } from '@nestjs/common';
import type { AuthUser } from './auth-user';

/** Officers, supervisors and the passenger desk belong to one customs office and see only its data. */
export function isOfficeBound(user: Pick<AuthUser, 'role'>): boolean {
  return user.role === 'local_officer' || user.role === 'supervisor' || user.role === 'passenger_desk';
}

/**
 * The office a query by `user` is limited to: an office-bound user's own office (asking
 * for another is refused), otherwise what was asked for (undefined: every office).
 * @throws ForbiddenException (403) when an officer or supervisor asks for another office.
 */
export function scopeToOffice(user: AuthUser, requested: string | undefined): string | undefined {
  if (!isOfficeBound(user)) return requested;
  if (requested !== undefined && requested !== user.officeId) {
    throw new ForbiddenException(`${user.role} ${user.id} of office ${user.officeId} may not see office ${requested}`);
  }
  return user.officeId ?? undefined;
}

/**
 * Refuses an office-bound user access to something of another office.
 * @param what e.g. `case inspection-case-123`, for the message.
 * @throws ForbiddenException (403).
 */
export function assertSameOffice(user: AuthUser, officeId: string, what: string): void {
  if (isOfficeBound(user) && user.officeId !== officeId) {
    throw new ForbiddenException(`${user.role} ${user.id} of office ${user.officeId} may not access ${what} of office ${officeId}`);
  }
}
