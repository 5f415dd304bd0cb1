import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { filter, map } from 'rxjs';
import { TranslatePipe } from '@ngx-translate/core';
import { activeNavPath, navFor } from './page-roles';
import { AuthService } from './core/auth.service';
import { LanguageService } from './core/language.service';
import { LANGUAGES, type UiLanguage } from './core/ui-language';

/** The shell: skip link, top bar (navigation by role, language switch, sign-out) and the page. */
@Component({
  selector: 'cr-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, MatToolbarModule, MatButtonModule, MatButtonToggleModule, TranslatePipe],
  template: `
    <a class="skip-link" href="#main">{{ 'app.skip' | translate }}</a>
    <mat-toolbar class="bar">
      <a routerLink="/" class="brand">{{ 'app.title' | translate }}</a>
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
      @if (user(); as u) {
        <span class="who" data-testid="current-user" [title]="u.name">{{ u.name }} · {{ 'role.' + u.role | translate }}{{ u.officeId ? ' · ' + u.officeId : '' }}</span>
        <button mat-stroked-button type="button" (click)="logout()">{{ 'app.logout' | translate }}</button>
      }
    </mat-toolbar>
    <main id="main" tabindex="-1"><router-outlet /></main>
  `,
  styles: `
    .bar { gap: 8px; position: sticky; top: 0; z-index: 2; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .brand { font: var(--mat-sys-title-medium); color: inherit; text-decoration: none; white-space: nowrap; flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
    .nav { display: flex; gap: 2px; flex: 0 0 auto; }
    .nav a { min-width: 0; padding: 0 10px; }
    .nav a.active { background: var(--mat-sys-secondary-container); }
    /* Up to eight pages for a supervisor: the user's name gives way first, never the language switch or sign-out. */
    .who { font: var(--mat-sys-body-small); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; flex: 0 1 auto; }
    mat-button-toggle-group, .bar > button { flex: 0 0 auto; }
    .spacer { flex: 1 1 auto; }
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

  protected setLang(value: UiLanguage): void {
    this.lang.use(value);
  }

  protected logout(): void {
    this.auth.logout();
    void this.router.navigate(['/login']);
  }
}
