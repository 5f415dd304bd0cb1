import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { Criterion } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';

/** Analyst's list of selectivity criteria (newest version of each), filterable by text. */
@Component({
  selector: 'cr-criteria-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatTableModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <div class="row">
        <h1>{{ 'criteria.title' | translate }}</h1>
        <span class="spacer"></span>
        @if (isAnalyst()) {
          <a mat-flat-button routerLink="/criteria/new">{{ 'criteria.new' | translate }}</a>
        }
      </div>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
        <mat-label>{{ 'criteria.filter' | translate }}</mat-label>
        <input matInput [ngModel]="filter()" (ngModelChange)="filter.set($event)" name="filter" />
      </mat-form-field>
      <cr-api-error [error]="error()" />
      <table mat-table [dataSource]="rows()">
        <ng-container matColumnDef="id">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.id' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="mono">{{ c.id }} v{{ c.version }}</td>
        </ng-container>
        <ng-container matColumnDef="scope">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.scope' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ 'scope.' + c.scope | translate }}{{ c.officeId ? ' · ' + c.officeId : '' }}</td>
        </ng-container>
        <ng-container matColumnDef="lane">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.lane' | translate }}</th>
          <td mat-cell *matCellDef="let c"><span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.status' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.status }}</td>
        </ng-container>
        <ng-container matColumnDef="riskArea">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.riskArea' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.riskArea }}</td>
        </ng-container>
        <ng-container matColumnDef="reason">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.reason' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.reason }}<div class="muted small">{{ c.keywords?.join(', ') }}</div></td>
        </ng-container>
        <ng-container matColumnDef="validity">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.validity' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="nowrap">{{ day(c.validFrom) }} – {{ day(c.validTo) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-row" *matNoDataRow><td class="mat-cell" [attr.colspan]="columns.length">{{ (loading() ? 'common.loading' : 'criteria.empty') | translate }}</td></tr>
      </table>
      <p class="muted">{{ 'criteria.hitRateLater' | translate }}</p>
    </div>
  `,
  styles: `
    .filter { width: 320px; margin-bottom: 8px; }
    .small { font: var(--mat-sys-body-small); }
    .nowrap { white-space: nowrap; }
  `,
})
export class CriteriaListPage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly columns = ['id', 'scope', 'lane', 'status', 'riskArea', 'reason', 'validity'];
  protected readonly criteria = signal<Criterion[]>([]);
  protected readonly filter = signal('');
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly isAnalyst = computed(() => this.auth.user()?.role === 'cbtc_analyst');
  protected readonly rows = computed(() => {
    const f = this.filter().trim().toLowerCase();
    if (!f) return this.criteria();
    return this.criteria().filter((c) =>
      [c.id, c.reason, c.riskArea, c.lane, c.scope, c.officeId ?? '', ...(c.keywords ?? [])].some((s) => s.toLowerCase().includes(f)),
    );
  });

  constructor() {
    this.api.listCriteria().subscribe({
      next: (res) => {
        this.criteria.set(res.criteria);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(err));
      },
    });
  }

  protected day(iso: string | null): string {
    return iso ? iso.slice(0, 10) : '…';
  }
}
