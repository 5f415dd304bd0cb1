import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { ModelComparison, ModelEvent, RegisteredModel, ValidationMetrics } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { PRECISION_AT, championVersion, metricLabel, precisionCutoff } from './model-metrics';
import { PromoteDialogComponent, type PromoteDialogData } from './promote-dialog.component';

/**
 * The risk model registry (`/models`; analysts, supervisors, auditors): every registered
 * version with its role (CHAMPION decides, CHALLENGER scores in shadow) and validation
 * precision at the top 1/2/5/10% of scores; champion and challengers compared on the same
 * inspected declarations (`GET /api/models/compare`, optional date bounds); the audit trail of
 * registrations and promotions; and for analysts "Promote" with a required reason, confirmed in
 * a dialog, the API's refusal shown as it says it.
 */
@Component({
  selector: 'cr-models-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DatePipe, DecimalPipe, PercentPipe, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <h1>{{ 'models.title' | translate }}</h1>
      <p class="muted">{{ 'models.intro' | translate }}</p>
      <cr-api-error [error]="error()" />
      @if (promoted(); as p) {
        <p role="status" class="notice" data-testid="promoted">{{ 'models.promotedNow' | translate: { version: p } }}</p>
      }
      <cr-api-error [error]="actionError()" />

      <h2 id="versions-h">{{ 'models.versions' | translate }}</h2>
      <table class="plain" aria-labelledby="versions-h" data-testid="model-versions">
        <thead>
          <tr>
            <th scope="col">{{ 'models.model' | translate }}</th>
            <th scope="col">{{ 'models.role' | translate }}</th>
            @for (p of precisionAt; track p) {
              <th scope="col" class="num">{{ 'models.precisionAt' | translate: { k: cutoff(p) } }}</th>
            }
            <th scope="col" class="num">ROC AUC</th>
            <th scope="col">{{ 'models.features' | translate }}</th>
            <th scope="col">{{ 'models.since' | translate }}</th>
            @if (canPromote()) {
              <th scope="col"><span class="cdk-visually-hidden">{{ 'models.actions' | translate }}</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (m of models(); track m.version) {
            <tr [attr.data-testid]="'model-' + m.version">
              <th scope="row" class="mono nowrap">{{ m.name }} {{ m.version }}</th>
              <td><span class="role role-{{ m.role }}" data-testid="model-role">{{ 'models.roles.' + m.role | translate }}</span></td>
              @for (p of precisionAt; track p) {
                <td class="num">{{ metric(m, p) }}</td>
              }
              <td class="num">{{ metric(m, 'rocAuc') }}</td>
              <td class="small inputs">
                <div>{{ 'models.featureCount' | translate: { n: m.featureNames.length } }}</div>
                @if (m.usesSupplyChainHistory) { <div>{{ 'models.usesHistory' | translate }}</div> }
                @if (m.hasCriticalModel) { <div>{{ 'models.hasCritical' | translate }}</div> }
              </td>
              <td class="small nowrap">{{ m.updatedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              @if (canPromote()) {
                <td>
                  @if (m.role === 'CHALLENGER') {
                    <button mat-stroked-button type="button" [disabled]="busy()" (click)="promote(m)">{{ 'models.promote' | translate }}</button>
                  }
                </td>
              }
            </tr>
          } @empty {
            <tr><td colspan="9">{{ (loading() ? 'common.loading' : 'models.empty') | translate }}</td></tr>
          }
        </tbody>
      </table>
      <p class="muted small">{{ 'models.validationNote' | translate }}</p>

      <h2 id="compare-h">{{ 'models.compare' | translate }}</h2>
      <form class="row" (ngSubmit)="loadComparison()" [attr.aria-label]="'models.comparePeriod' | translate">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'models.from' | translate }}</mat-label>
          <input matInput type="date" name="from" [(ngModel)]="from" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'models.to' | translate }}</mat-label>
          <input matInput type="date" name="to" [(ngModel)]="to" />
        </mat-form-field>
        <button mat-flat-button type="submit">{{ 'models.show' | translate }}</button>
      </form>
      <cr-api-error [error]="compareError()" />
      @if (comparison(); as c) {
        <p>{{ 'models.compareInspected' | translate: { n: c.inspected } }}</p>
        <table class="plain" aria-labelledby="compare-h" data-testid="model-comparison">
          <thead>
            <tr>
              <th scope="col">{{ 'models.model' | translate }}</th>
              <th scope="col">{{ 'models.part' | translate }}</th>
              <th scope="col" class="num">{{ 'models.inspected' | translate }}</th>
              <th scope="col" class="num">{{ 'models.frauds' | translate }}</th>
              <th scope="col" class="num">ROC AUC</th>
              <th scope="col" class="num">{{ 'models.hitRate' | translate }}</th>
              <th scope="col" class="num">{{ 'models.top10' | translate }}</th>
              <th scope="col" class="num">{{ 'models.meanFraud' | translate }}</th>
              <th scope="col" class="num">{{ 'models.meanClean' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of c.models; track r.version) {
              <tr>
                <th scope="row" class="mono nowrap">{{ r.name }} {{ r.version }}</th>
                <td>{{ (r.deciding ? 'models.deciding' : 'models.shadow') | translate }}</td>
                <td class="num">{{ r.inspected }}</td>
                <td class="num">{{ r.frauds }}</td>
                <td class="num">{{ r.rocAuc === null ? '—' : (r.rocAuc | number: '1.3-3') }}</td>
                <td class="num">{{ r.hitRateWhenSelected === null ? '—' : (r.hitRateWhenSelected | percent: '1.0-1') }} <span class="muted small">({{ 'models.ofSelected' | translate: { n: r.selected } }})</span></td>
                <td class="num">{{ r.precisionAtTop10Pct === null ? '—' : (r.precisionAtTop10Pct | percent: '1.0-1') }}</td>
                <td class="num">{{ r.meanScoreFraud === null ? '—' : (r.meanScoreFraud | number: '1.3-3') }}</td>
                <td class="num">{{ r.meanScoreClean === null ? '—' : (r.meanScoreClean | number: '1.3-3') }}</td>
              </tr>
            }
          </tbody>
        </table>
        <p class="muted small">{{ c.basis }}</p>
      } @else if (!compareError()) {
        <p class="muted">{{ 'common.loading' | translate }}</p>
      }

      <h2 id="events-h">{{ 'models.events' | translate }}</h2>
      <table class="plain" aria-labelledby="events-h" data-testid="model-events">
        <thead>
          <tr>
            <th scope="col">{{ 'models.when' | translate }}</th>
            <th scope="col">{{ 'models.event' | translate }}</th>
            <th scope="col">{{ 'models.version' | translate }}</th>
            <th scope="col">{{ 'models.roleChange' | translate }}</th>
            <th scope="col">{{ 'models.actor' | translate }}</th>
            <th scope="col">{{ 'models.reason' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of events(); track e.id) {
            <tr data-testid="model-event">
              <td class="nowrap small">{{ e.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
              <td>{{ 'models.eventType.' + e.type | translate }}</td>
              <td class="mono">{{ e.version }}</td>
              <td class="nowrap">{{ e.fromRole ? ('models.roles.' + e.fromRole | translate) : '—' }} → {{ e.toRole ? ('models.roles.' + e.toRole | translate) : '—' }}</td>
              <td>{{ e.actor }}</td>
              <td>{{ e.reason }}</td>
            </tr>
          } @empty {
            <tr><td colspan="6">{{ (loading() ? 'common.loading' : 'models.noEvents') | translate }}</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .num { text-align: right !important; } td.num { white-space: nowrap; }
    .nowrap { white-space: nowrap; }
    .small { font-size: 12px; }
    .inputs { min-width: 140px; }
    .role { display: inline-block; padding: 2px 8px; border-radius: 12px; font-weight: 600; font-size: 12px; }
    .role-CHAMPION { background: #d8e2ff; color: #001a41; }
    .role-CHALLENGER { background: #e1e2ec; color: #1a1b21; }
    .role-RETIRED { background: #f0f0f0; color: #5d5e66; }
    .notice { background: var(--mat-sys-secondary-container); padding: 8px 12px; border-radius: 8px; }
  `,
})
export class ModelsPage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  protected readonly precisionAt = PRECISION_AT;
  protected readonly models = signal<RegisteredModel[]>([]);
  protected readonly events = signal<ModelEvent[]>([]);
  protected readonly comparison = signal<ModelComparison | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly compareError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly promoted = signal<string | null>(null);
  protected readonly canPromote = computed(() => this.auth.hasRole('cbtc_analyst'));
  protected from = '';
  protected to = '';

  constructor() {
    this.loadRegistry();
    this.loadComparison();
  }

  /** Validation figure `key` of a model as a share ("98.8 %") or, for ROC AUC, a number; "—" when not recorded. */
  protected metric(m: RegisteredModel, key: keyof ValidationMetrics): string {
    return metricLabel(m, key);
  }
  protected readonly cutoff = precisionCutoff;

  protected loadComparison(): void {
    this.compareError.set(null);
    this.api.compareModels({ from: this.from, to: this.to }).subscribe({
      next: (c) => this.comparison.set(c),
      error: (err) => {
        this.comparison.set(null);
        this.compareError.set(toApiError(err));
      },
    });
  }

  /** Asks for a reason in a dialog, then promotes; the API's answer replaces the list, its refusal is shown. */
  protected promote(m: RegisteredModel): void {
    const data: PromoteDialogData = { name: m.name, version: m.version, champion: championVersion(this.models()) };
    this.dialog
      .open<PromoteDialogComponent, PromoteDialogData, string>(PromoteDialogComponent, { data, autoFocus: 'dialog' })
      .afterClosed()
      .subscribe((reason) => {
        if (!reason) return;
        this.busy.set(true);
        this.actionError.set(null);
        this.promoted.set(null);
        this.api.promoteModel(m.version, reason).subscribe({
          next: (res) => {
            this.models.set(res.models);
            this.promoted.set(m.version);
            this.busy.set(false);
            // The answer is the registry after the change; only the trail and comparison are re-read.
            this.loadEvents();
            this.loadComparison();
          },
          error: (err) => {
            this.actionError.set(toApiError(err));
            this.busy.set(false);
            // Refused (e.g. 409: someone else promoted meanwhile): show the registry as it is now.
            this.loadRegistry();
          },
        });
      });
  }

  private loadRegistry(): void {
    this.api.listModels().subscribe({
      next: (res) => {
        this.models.set(res.models);
        this.loading.set(false);
      },
      error: (err) => {
        this.error.set(toApiError(err));
        this.loading.set(false);
      },
    });
    this.loadEvents();
  }

  private loadEvents(): void {
    this.api.modelEvents().subscribe({
      next: (res) => this.events.set(res.events),
      error: (err) => this.error.set(toApiError(err)),
    });
  }
}
