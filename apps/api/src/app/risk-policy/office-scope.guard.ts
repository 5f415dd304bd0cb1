import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '../../services/auth/auth-user';
import { assertSameOffice } from '../../services/auth/office-scope';

/**
 * Refuses (403) an officer or supervisor acting on another office's `:officeId` route. A guard
 * rather than a check in the handler, so the refusal comes before body validation: a caller who
 * may not touch the office learns that, not what is wrong with their body. Runs after the global
 * AuthGuard (which sets `request.user` and checks the role).
 */
@Injectable()
export class OfficeParamGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ user?: AuthUser; params: Record<string, string> }>();
    if (request.user) assertSameOffice(request.user, request.params.officeId, 'the risk policy');
    return true;
  }
}
