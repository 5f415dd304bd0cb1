import { Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from './core/auth.service';

/** `/`: sends the user to their role's start page, or to the login. */
@Component({ selector: 'cr-home-redirect', template: '' })
export class HomeRedirect {
  constructor() {
    const auth = inject(AuthService);
    void inject(Router).navigateByUrl(auth.homeFor(auth.user()), { replaceUrl: true });
  }
}
