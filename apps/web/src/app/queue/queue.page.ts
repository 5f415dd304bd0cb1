import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import { CASE_STATUSES, LANES, type BulkAssignment, type CaseStatus, type InspectionCase, type Lane } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { ageLabel } from '../core/format';
import { canBulkAssign, isAssignable, refusals, toggled, toggledAll } from './bulk-assign';
import { PAGE_SIZES, QUEUE_SORTS, canAssignSelf, canPickOffice, caseListQuery, escalatedCountQuery, initialQueueFilters, type QueueFilters, type QueueSortKey } from './queue-filters';
import { assigneeCell, showsSlaBadge } from './queue-row';
import { sortQueue } from './queue-sort';
import { RiskAlertsPanelComponent } from '../risk-alerts/risk-alerts-panel.component';
import { hasRiskAlerts } from '../risk-alerts/risk-alerts';

/**
 * The office queue: filters by status and lane, order by risk score, age or SLA due date, and
 * "escalated only" with its count (all server side); the table can re-sort the page shown by
 * risk score or age. SLA badge when the case was escalated (still unassigned past its
 * deadline). "Assign to me" for officers; supervisors select several cases and assign them to
 * an officer of the office at once, and see each refusal. Above the queue, officers and
 * supervisors see their office's unacknowledged risk alerts (`RiskAlertsPanelComponent`).
 */
@Component({
  selector: 'cr-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule, RouterLink, DatePipe, DecimalPipe, MatTableModule, MatSortModule, MatPaginatorModule, MatSelectModule,
    MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule, MatSlideToggleModule, TranslatePipe, ApiErrorComponent, RiskAlertsPanelComponent,
  ],
  template: `
    <div class="page">
      <h1>{{ 'queue.title' | translate }}@if (officeId()) { · {{ 'queue.office' | translate }} {{ officeId() }}}</h1>
      @if (alerted()) { <cr-risk-alerts-panel /> }
      <div class="row filters">
        @if (canPickOffice()) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'queue.office' | translate }}</mat-label>
            <input matInput [ngModel]="officeId()" (change)="setOffice($any($event.target).value)" name="office" />
          </mat-form-field>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'queue.status' | translate }}</mat-label>
          <mat-select [ngModel]="status()" (ngModelChange)="setStatus($event)" name="status">
            <mat-option value="">{{ 'common.all' | translate }}</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ 'status.' + s | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'queue.lane' | translate }}</mat-label>
          <mat-select [ngModel]="lane()" (ngModelChange)="setLane($event)" name="lane">
            <mat-option value="">{{ 'common.all' | translate }}</mat-option>
            @for (l of lanes; track l) {
              <mat-option [value]="l">{{ 'lane.' + l | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'queue.sortBy' | translate }}</mat-label>
          <mat-select [ngModel]="serverSort()" (ngModelChange)="setServerSort($event)" name="sort">
            @for (s of sorts; track s) { <mat-option [value]="s">{{ 'queue.sortKey.' + s | translate }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle [checked]="escalatedOnly()" (change)="setEscalated($event.checked)">
          {{ 'queue.escalatedOnly' | translate: { count: escalatedCount() ?? '…' } }}
        </mat-slide-toggle>
        <button mat-stroked-button type="button" (click)="reload()">{{ 'common.refresh' | translate }}</button>
        <span class="spacer"></span>
        <span class="muted" role="status">{{ 'queue.total' | translate: { total: total() } }}</span>
      </div>
      <cr-api-error [error]="error()" />
      @if (bulk()) {
        <div class="row bulk">
          <span>{{ 'queue.selected' | translate: { count: selection().size } }}</span>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="officer">
            <mat-label>{{ 'queue.officer' | translate }}</mat-label>
            <mat-select [ngModel]="officerId()" (ngModelChange)="officerId.set($event)" name="officer">
              @for (o of officers(); track o.id) { <mat-option [value]="o.id">{{ o.name ? o.name + ' · ' + o.id : o.id }}</mat-option> }
            </mat-select>
          </mat-form-field>
          <button mat-flat-button type="button" (click)="assignSelected()" [disabled]="!officerId() || selection().size === 0 || busyCase() !== null">
            {{ 'queue.assignSelected' | translate }}
          </button>
        </div>
        @if (bulkResult(); as r) {
          <div role="status" class="bulk-result" data-testid="bulk-result">
            <p>{{ 'queue.bulkDone' | translate: { assigned: r.assigned, refused: r.refused } }}</p>
            @if (refused().length) {
              <ul class="refusals">@for (x of refused(); track x.caseId) { <li><span class="mono">{{ x.caseId }}</span>: {{ x.statusCode }} {{ x.message }}</li> }</ul>
            }
          </div>
        }
      }
      <table mat-table [dataSource]="rows()" matSort (matSortChange)="sort.set($event)" class="queue" [attr.aria-busy]="loading()">
        <ng-container matColumnDef="select">
          <th mat-header-cell *matHeaderCellDef>
            <mat-checkbox (change)="selectAll()" [checked]="allSelected()" [aria-label]="'queue.selectAll' | translate" />
          </th>
          <td mat-cell *matCellDef="let c">
            @if (assignable(c)) {
              <mat-checkbox [checked]="selection().has(c.caseId)" (change)="toggle(c.caseId)" [aria-label]="'queue.selectCase' | translate: { id: c.declarationId }" />
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="lane">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.lane' | translate }}</th>
          <td mat-cell *matCellDef="let c"><span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span></td>
        </ng-container>
        <ng-container matColumnDef="declarationId">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.declaration' | translate }}</th>
          <td mat-cell *matCellDef="let c"><a [routerLink]="['/cases', c.caseId]">{{ c.declarationId }}</a></td>
        </ng-container>
        <ng-container matColumnDef="riskScore">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="riskScore" start="desc">{{ 'queue.score' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.riskScore | number: '1.3-3' }}</td>
        </ng-container>
        <ng-container matColumnDef="criteria">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.criteria' | translate }}</th>
          <td mat-cell *matCellDef="let c">
            {{ c.firedCriteria.length }}
            @if (c.controlSample) { <span class="badge badge-control">{{ 'trace.control' | translate }}</span> }
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.status' | translate }}</th>
          <td mat-cell *matCellDef="let c">
            {{ 'status.' + c.status | translate }}
            @if (slaBadge(c)) { <span class="badge badge-sla" [title]="'queue.slaHelp' | translate">{{ 'queue.sla' | translate }}</span> }
          </td>
        </ng-container>
        <ng-container matColumnDef="age">
          <th mat-header-cell *matHeaderCellDef mat-sort-header="age" start="desc">{{ 'queue.age' | translate }}</th>
          <td mat-cell *matCellDef="let c"><span [title]="c.openedAt | date: 'medium'">{{ age(c.openedAt) }}</span></td>
        </ng-container>
        <ng-container matColumnDef="assignee">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.assignee' | translate }}</th>
          <td mat-cell *matCellDef="let c">
            @switch (assignee(c)) {
              @case ('assignee') {
                {{ c.assigneeId }}
              }
              @case ('assignToMe') {
                <button mat-stroked-button type="button" (click)="assignToMe(c)" [disabled]="busyCase() === c.caseId">
                  {{ 'queue.assignToMe' | translate }}
                </button>
              }
              @default {
                <span class="muted">—</span>
              }
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        <tr class="mat-row" *matNoDataRow><td class="mat-cell empty" [attr.colspan]="columns().length">{{ (loading() ? 'common.loading' : 'queue.empty') | translate }}</td></tr>
      </table>
      <mat-paginator [length]="total()" [pageSize]="pageSize()" [pageIndex]="pageIndex()" [pageSizeOptions]="pageSizes" (page)="page($event)" />
    </div>
  `,
  styles: `
    .filters { margin-bottom: 8px; }
    table.queue { width: 100%; }
    .empty { padding: 16px; }
    .badge { margin-left: 6px; }
    .bulk { margin: 8px 0; padding: 8px 12px; background: var(--mat-sys-surface-container-low); border-radius: 8px; }
    .officer { width: 360px; }
    .bulk-result { background: var(--mat-sys-surface-container); padding: 4px 12px; border-radius: 8px; }
    .refusals { color: var(--mat-sys-error); }
  `,
})
export class QueuePage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly statuses = CASE_STATUSES;
  protected readonly lanes = LANES;
  private static readonly COLUMNS = ['lane', 'declarationId', 'riskScore', 'criteria', 'status', 'age', 'assignee'];
  protected readonly sorts = QUEUE_SORTS;

  protected readonly pageSizes = PAGE_SIZES;
  private readonly initial = initialQueueFilters(this.auth.user());

  protected readonly officeId = signal<string>(this.initial.officeId);
  protected readonly status = signal<CaseStatus | ''>(this.initial.status);
  protected readonly lane = signal<Lane | ''>(this.initial.lane);
  protected readonly pageIndex = signal(this.initial.pageIndex);
  protected readonly pageSize = signal(this.initial.pageSize);
  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly serverSort = signal<QueueSortKey>('score');
  protected readonly escalatedOnly = signal(false);
  protected readonly escalatedCount = signal<number | null>(null);
  /** Supervisors: several cases at once to one officer of the office. */
  protected readonly bulk = computed(() => canBulkAssign(this.auth.user()));
  protected readonly columns = computed(() => (this.bulk() ? ['select', ...QueuePage.COLUMNS] : QueuePage.COLUMNS));
  protected readonly selection = signal<Set<string>>(new Set());
  protected readonly officers = signal<Array<{ id: string; name: string | null }>>([]);
  protected readonly officerId = signal('');
  protected readonly bulkResult = signal<BulkAssignment | null>(null);
  protected readonly refused = computed(() => (this.bulkResult() ? refusals(this.bulkResult()!) : []));
  protected readonly allSelected = computed(() => {
    const ids = this.cases().filter(isAssignable).map((c) => c.caseId);
    return ids.length > 0 && ids.every((id) => this.selection().has(id));
  });

  protected readonly cases = signal<InspectionCase[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly busyCase = signal<string | null>(null);
  /** Officers and supervisors are bound to their office; auditors may look at any. */
  protected readonly canPickOffice = computed(() => canPickOffice(this.auth.user()));
  protected readonly canAssignSelf = computed(() => canAssignSelf(this.auth.user()));
  /** Officers and supervisors see their office's risk alerts above the queue. */
  protected readonly alerted = computed(() => hasRiskAlerts(this.auth.user()?.role));

  /** The page shown, re-sorted when the user picks a column (the API's order otherwise). */
  protected readonly rows = computed(() => sortQueue(this.cases(), this.sort()));

  constructor() {
    effect(() => this.load(this.filters()));
    effect(() => {
      const office = this.officeId();
      if (this.bulk() && office) {
        this.api.officers(office).subscribe({ next: (o) => this.officers.set(o.officers), error: (err: unknown) => this.error.set(toApiError(err)) });
      }
    });
  }

  /** The filters, page and server-side order as one value (re-read by the loading effect). */
  private filters(): QueueFilters {
    return {
      officeId: this.officeId(), status: this.status(), lane: this.lane(), pageIndex: this.pageIndex(), pageSize: this.pageSize(),
      sort: this.serverSort(), escalatedOnly: this.escalatedOnly(),
    };
  }

  protected assignable(c: InspectionCase): boolean {
    return isAssignable(c);
  }
  protected toggle(caseId: string): void {
    this.selection.update((s) => toggled(s, caseId));
  }
  protected selectAll(): void {
    this.selection.update((s) => toggledAll(s, this.cases()));
  }
  protected setServerSort(value: QueueSortKey): void {
    this.pageIndex.set(0);
    this.sort.set({ active: '', direction: '' });
    this.serverSort.set(value);
  }
  protected setEscalated(on: boolean): void {
    this.pageIndex.set(0);
    this.escalatedOnly.set(on);
  }

  /** Assigns the selected cases to the chosen officer; each is assigned or refused on its own (refusals are listed). */
  protected assignSelected(): void {
    const ids = [...this.selection()];
    if (ids.length === 0 || !this.officerId()) return;
    this.busyCase.set('bulk');
    this.error.set(null);
    this.bulkResult.set(null);
    this.api.bulkAssign(ids, this.officerId()).subscribe({
      next: (r) => {
        this.busyCase.set(null);
        this.bulkResult.set(r);
        this.selection.set(new Set());
        this.reload();
      },
      error: (err: unknown) => {
        this.busyCase.set(null);
        this.error.set(toApiError(err));
      },
    });
  }

  protected age(iso: string): string {
    return ageLabel(iso);
  }
  protected slaBadge(c: InspectionCase): boolean {
    return showsSlaBadge(c);
  }
  protected assignee(c: InspectionCase) {
    return assigneeCell(c, this.canAssignSelf());
  }

  protected setOffice(value: string): void {
    this.pageIndex.set(0);
    this.officeId.set(value.trim());
  }
  protected setStatus(value: CaseStatus | ''): void {
    this.pageIndex.set(0);
    this.status.set(value);
  }
  protected setLane(value: Lane | ''): void {
    this.pageIndex.set(0);
    this.lane.set(value);
  }
  protected page(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
  protected reload(): void {
    this.load(this.filters());
  }

  protected assignToMe(c: InspectionCase): void {
    const me = this.auth.user();
    if (!me) return;
    this.busyCase.set(c.caseId);
    this.error.set(null);
    this.api.assign(c.caseId, me.id).subscribe({
      next: () => {
        this.busyCase.set(null);
        this.reload();
      },
      error: (err: unknown) => {
        this.busyCase.set(null);
        this.error.set(toApiError(err));
      },
    });
  }

  private load(filters: QueueFilters): void {
    this.api.listCases(escalatedCountQuery(filters)).subscribe({ next: (res) => this.escalatedCount.set(res.total), error: () => this.escalatedCount.set(null) });
    this.loading.set(true);
    this.error.set(null);
    this.api.listCases(caseListQuery(filters)).subscribe({
      next: (res) => {
        this.cases.set(res.cases);
        this.total.set(res.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.cases.set([]);
        this.total.set(0);
        this.loading.set(false);
        this.error.set(toApiError(err));
      },
    });
  }
}
