import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from './api.types';
import { pageAccess } from './auth-session';
import { AuthService } from './auth.service';

/**
 * Route guard: signed in, and (when `roles` is given) one of those roles; else the login or the
 * user's own start page (see `pageAccess`). This only hides pages; the API enforces every
 * permission itself.
 */
export function requireRole(...roles: Role[]): CanActivateFn {
  return () => {
    const access = pageAccess(inject(AuthService).user(), roles);
    return access === true ? true : inject(Router).createUrlTree([access]);
  };
}
