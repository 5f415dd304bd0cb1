import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';

/** Sign-in against the identity provider's `POST /api/auth/token`. */
@Component({
  selector: 'cr-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page login">
      <mat-card appearance="outlined">
        <mat-card-header><mat-card-title><h1>{{ 'login.title' | translate }}</h1></mat-card-title></mat-card-header>
        <mat-card-content>
          @if (expired()) {
            <p class="muted" role="status">{{ 'login.expired' | translate }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'login.username' | translate }}</mat-label>
              <input matInput formControlName="username" autocomplete="username" name="username" required />
              @if (form.controls.username.touched && form.controls.username.invalid) {
                <mat-error>{{ 'login.required' | translate }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'login.password' | translate }}</mat-label>
              <input matInput type="password" formControlName="password" autocomplete="current-password" name="password" required />
              @if (form.controls.password.touched && form.controls.password.invalid) {
                <mat-error>{{ 'login.required' | translate }}</mat-error>
              }
            </mat-form-field>
            <cr-api-error [error]="error()" />
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'login.submit' | translate }}</button>
          </form>
          <p class="muted hint">{{ 'login.hint' | translate }}</p>
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .login { max-width: 420px; padding-top: 48px; }
    form { display: flex; flex-direction: column; gap: 4px; }
    .hint { margin-top: 16px; font: var(--mat-sys-body-small); }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  /** `?expired=1` after a refused token. */
  readonly expired = input<string | undefined>();
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const { username, password } = this.form.getRawValue();
    this.auth.login(username.trim(), password).subscribe({
      next: (res) => {
        this.busy.set(false);
        void this.router.navigateByUrl(this.auth.homeFor(res.user));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(err));
      },
    });
  }
}
