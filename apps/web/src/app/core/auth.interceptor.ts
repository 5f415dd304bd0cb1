import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { bearerHeader, endsSession } from './auth-session';
import { AuthService } from './auth.service';

/**
 * Adds `Authorization: Bearer <token>` to API calls; on a 401 from any API call but the
 * login itself, drops the session and goes to the login page (the token expired or was refused).
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const authorization = bearerHeader(req.url, auth.token());
  const request = authorization ? req.clone({ setHeaders: { Authorization: authorization } }) : req;
  return next(request).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && endsSession(req.url, err.status)) {
        auth.logout();
        void router.navigate(['/login'], { queryParams: { expired: 1 } });
      }
      return throwError(() => err);
    }),
  );
};
