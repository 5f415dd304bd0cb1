import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from './api.types';
import { AuthService } from './auth.service';

/**
 * Route guard: signed in, and (when `roles` is given) one of those roles. This only hides
 * pages; the API enforces every permission itself.
 */
export function requireRole(...roles: Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.signedIn()) return router.createUrlTree(['/login']);
    if (roles.length > 0 && !auth.hasRole(...roles)) return router.createUrlTree([auth.homeFor(auth.user())]);
    return true;
  };
}
