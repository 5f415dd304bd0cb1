import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { filter, map } from 'rxjs';
import { TranslatePipe } from '@ngx-translate/core';
import { activeNavPath, navFor } from './page-roles';
import { AuthService } from './core/auth.service';
import { LanguageService } from './core/language.service';
import { LANGUAGES, type UiLanguage } from './core/ui-language';
import { badgeText, hasRiskAlerts } from './risk-alerts/risk-alerts';
import { RiskAlertsStore } from './risk-alerts/risk-alerts.store';

/**
 * The shell: skip link, top bar (navigation by role, the badge of unacknowledged risk alerts for
 * officers and supervisors, language switch, sign-out) and the page.
 */
@Component({
  selector: 'cr-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, MatToolbarModule, MatButtonModule, MatButtonToggleModule, MatMenuModule, TranslatePipe],
  template: `
    <a class="skip-link" href="#main">{{ 'app.skip' | translate }}</a>
    <mat-toolbar class="bar">
      <a routerLink="/" class="brand" [title]="'app.title' | translate">{{ 'app.title' | translate }}</a>
      @if (user(); as u) {
        <nav [attr.aria-label]="'nav.label' | translate" class="nav">
          @for (item of nav(); track item.path) {
            <a mat-button [routerLink]="item.path" [class.active]="item.path === activePath()" [attr.aria-current]="item.path === activePath() ? 'page' : null">{{ item.label | translate }}</a>
          }
        </nav>
      }
      <span class="spacer"></span>
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        [value]="lang.current()"
        (change)="setLang($event.value)"
        [attr.aria-label]="'app.language' | translate"
      >
        @for (l of languages; track l) {
          <mat-button-toggle [value]="l" [attr.lang]="l">{{ l === 'en' ? 'English' : '한국어' }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      @if (alertBadge(); as count) {
        <a class="alerts-badge" routerLink="/queue" data-testid="alerts-badge"
           [attr.aria-label]="'alerts.badgeAria' | translate: { count: count }" [title]="'alerts.badgeAria' | translate: { count: count }">
          {{ 'alerts.badge' | translate }} <span class="count">{{ count }}</span>
        </a>
      }
      @if (user(); as u) {
        <button mat-stroked-button type="button" class="who" data-testid="current-user" [matMenuTriggerFor]="userMenu"
                [title]="u.name + ' · ' + ('role.' + u.role | translate) + (u.officeId ? ' · ' + u.officeId : '')">
          <span class="who-name">{{ u.name }}</span>
        </button>
        <mat-menu #userMenu="matMenu" xPosition="before">
          <div class="who-card" role="none">
            <strong>{{ u.name }}</strong>
            <span>{{ 'role.' + u.role | translate }}{{ u.officeId ? ' · ' + ('app.office' | translate: { office: u.officeId }) : '' }}</span>
          </div>
          <button mat-menu-item type="button" (click)="logout()">{{ 'app.logout' | translate }}</button>
        </mat-menu>
      }
    </mat-toolbar>
    <main id="main" tabindex="-1"><router-outlet /></main>
  `,
  styles: `
    /* One row at 1280 px even for a supervisor's eleven pages: the title gives way first, then the user's name (role, office and sign-out are in its menu). */
    .bar { gap: 8px; position: sticky; top: 0; z-index: 2; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .brand { font: var(--mat-sys-title-medium); color: inherit; text-decoration: none; white-space: nowrap; flex: 0 1 auto; min-width: 24px; overflow: hidden; text-overflow: ellipsis; }
    .nav { display: flex; gap: 2px; flex: 0 0 auto; }
    .nav a { min-width: 0; padding: 0 6px; }
    .nav a.active { background: var(--mat-sys-secondary-container); }
    .who { flex: 0 0 auto; padding: 0 10px; }
    .who-name { display: inline-block; max-width: 120px; vertical-align: middle; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .who-card { display: flex; flex-direction: column; gap: 2px; padding: 8px 16px; font: var(--mat-sys-body-small); }
    mat-button-toggle-group, .bar > button { flex: 0 0 auto; }
    .spacer { flex: 1 1 auto; }
    .alerts-badge { flex: 0 0 auto; display: inline-flex; align-items: center; gap: 4px; font: var(--mat-sys-label-large); color: #93000a; text-decoration: none; white-space: nowrap; }
    .alerts-badge .count { background: #93000a; color: #fff; border-radius: 10px; min-width: 20px; padding: 0 6px; text-align: center; font-size: 12px; line-height: 20px; }
    .skip-link { position: absolute; left: -9999px; }
    .skip-link:focus { left: 8px; top: 8px; z-index: 10; background: var(--mat-sys-surface); padding: 8px; }
    main:focus { outline: none; }
  `,
})
export class AppComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService);
  protected readonly languages = LANGUAGES;
  protected readonly user = this.auth.user;
  protected readonly nav = computed(() => navFor(this.user()?.role));
  private readonly url = toSignal(
    this.router.events.pipe(filter((e): e is NavigationEnd => e instanceof NavigationEnd), map((e) => e.urlAfterRedirects)),
    { initialValue: this.router.url },
  );
  /** The one entry highlighted: the most specific for the url (Approvals, not also Criteria). */
  protected readonly activePath = computed(() => activeNavPath(this.url(), this.nav()));
  private readonly alerts = inject(RiskAlertsStore);
  /** The count of unacknowledged risk alerts as the badge shows it; null (no badge) at zero or for other roles. */
  protected readonly alertBadge = computed(() => (hasRiskAlerts(this.user()?.role) ? badgeText(this.alerts.open().length) : null));

  constructor() {
    // Officers' and supervisors' alerts are loaded when they sign in and again whenever the queue page opens; forgotten on
    // sign-out. Not polled: a poll answered 401 once the token expires would end the session under a half-filled form.
    effect(() => {
      if (hasRiskAlerts(this.user()?.role)) this.alerts.load();
      else this.alerts.clear();
    });
  }

  protected setLang(value: UiLanguage): void {
    this.lang.use(value);
  }

  protected logout(): void {
    this.auth.logout();
    void this.router.navigate(['/login']);
  }
}
