import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { InspectionCase } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { escalatedCasesQuery, overdue } from './escalations';

/**
 * The dashboard's "Escalated cases" card: open cases left unassigned past their SLA
 * (`GET /api/cases?escalated=true&open=true&sort=due`), longest overdue first, with the count;
 * each row names the declaration (a link to the case), office, lane, assignee, SLA due date and
 * how overdue. Supervisors see their office (the API scopes them), analysts and auditors all.
 */
@Component({
  selector: 'cr-escalated-cases',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, TranslatePipe, ApiErrorComponent],
  template: `
    <h2 id="esc-h">{{ 'escalations.title' | translate: { count: total() ?? '…' } }}</h2>
    <cr-api-error [error]="error()" />
    @if (cases(); as list) {
      @if (list.length) {
        <div class="scroll">
          <table class="plain small" data-testid="escalated-cases" aria-labelledby="esc-h">
            <tr>
              <th scope="col">{{ 'queue.declaration' | translate }}</th><th scope="col">{{ 'queue.office' | translate }}</th>
              <th scope="col">{{ 'queue.lane' | translate }}</th><th scope="col">{{ 'queue.assignee' | translate }}</th>
              <th scope="col">{{ 'escalations.due' | translate }}</th><th scope="col">{{ 'escalations.overdue' | translate }}</th>
            </tr>
            @for (c of list; track c.caseId) {
              <tr [attr.data-case]="c.caseId">
                <td><a [routerLink]="['/cases', c.caseId]" class="mono">{{ c.declarationId }}</a></td>
                <td>{{ c.officeId }}</td>
                <td><span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span></td>
                <td>{{ c.assigneeId ?? ('escalations.unassigned' | translate) }}</td>
                <td>{{ c.slaDueAt | date: 'yyyy-MM-dd HH:mm' }}</td>
                <td class="late">{{ 'escalations.by.' + late(c).unit | translate: { n: late(c).value } }}</td>
              </tr>
            }
          </table>
        </div>
        @if ((total() ?? 0) > list.length) { <p class="muted">{{ 'escalations.shown' | translate: { shown: list.length, total: total() } }}</p> }
      } @else { <p class="muted">{{ 'escalations.none' | translate }}</p> }
    } @else if (!error()) { <p class="muted">{{ 'common.loading' | translate }}</p> }
  `,
  styles: `
    :host { display: block; }
    h2 { margin-top: 0; }
    .scroll { overflow-x: auto; }
    table { width: 100%; }
    .late { color: #93000a; font-weight: 600; white-space: nowrap; }
  `,
})
export class EscalatedCasesComponent {
  private readonly api = inject(ApiService);
  protected readonly cases = signal<InspectionCase[] | null>(null);
  protected readonly total = signal<number | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  /** Read once when the list loads, so every row is measured against the same moment. */
  private now = Date.now();

  constructor() {
    this.api.listCases(escalatedCasesQuery()).subscribe({
      next: (r) => {
        this.now = Date.now();
        this.total.set(r.total);
        this.cases.set(r.cases);
      },
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }

  protected late(c: InspectionCase) {
    return overdue(c.slaDueAt, this.now);
  }
}
