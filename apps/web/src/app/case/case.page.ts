import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import { OUTCOMES, type CaseDetail, type DecisionRecord, type Outcome } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { CaseTimelineComponent } from '../trace/case-timeline.component';
import { SelectionTraceComponent } from '../trace/selection-trace.component';
import { caseActions, resultBody, verdictRowsStale } from './case-actions';
import { declarationRows } from './declaration-fields';

type VerdictForm = FormGroup<{
  criterionId: FormControl<string>;
  appropriate: FormControl<boolean | null>;
  note: FormControl<string>;
}>;

/**
 * One inspection case: the declaration, why it was selected, the actions its state allows
 * (assign to me, record the result with one verdict per fired criterion, close) and its history.
 */
@Component({
  selector: 'cr-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule, RouterLink, DatePipe, DecimalPipe, MatCardModule, MatButtonModule, MatFormFieldModule,
    MatInputModule, MatRadioModule, TranslatePipe, ApiErrorComponent, SelectionTraceComponent, CaseTimelineComponent,
  ],
  template: `
    <div class="page">
      <p><a routerLink="/queue">← {{ 'case.back' | translate }}</a></p>
      <cr-api-error [error]="loadError()" />
      @if (kase(); as c) {
        <h1>
          {{ 'case.title' | translate }} {{ c.declarationId }}
          <span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span>
          @if (c.escalated) { <span class="badge badge-sla">{{ 'queue.sla' | translate }}</span> }
        </h1>
        <div class="row facts">
          <span>{{ 'queue.status' | translate }}: <strong data-testid="case-status">{{ 'status.' + c.status | translate }}</strong></span>
          <span>{{ 'queue.office' | translate }}: {{ c.officeId }}</span>
          <span>{{ 'queue.score' | translate }}: {{ c.riskScore | number: '1.3-3' }}</span>
          <span>{{ 'queue.assignee' | translate }}: {{ c.assigneeId ?? '—' }}</span>
          <span>{{ 'case.opened' | translate }}: {{ c.openedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
          @if (c.outcome) { <span>{{ 'case.outcome' | translate }}: {{ 'outcome.' + c.outcome | translate }}</span> }
        </div>

        <cr-api-error [error]="actionError()" />
        <div class="row actions">
          @if (actions().assignToMe) {
            <button mat-flat-button type="button" (click)="assignToMe()" [disabled]="busy()">{{ 'queue.assignToMe' | translate }}</button>
          }
          @if (actions().close) {
            <button mat-flat-button type="button" (click)="close()" [disabled]="busy()">{{ 'case.close' | translate }}</button>
          }
          <a mat-stroked-button [routerLink]="['/audit', c.declarationId]">{{ 'case.openAudit' | translate }}</a>
        </div>
        @if (actions().assignOther) {
          <form class="row assign" (ngSubmit)="assignTo()" [formGroup]="assignForm" novalidate>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ (c.status === 'QUEUED' ? 'assign.officer' : 'assign.reassignTo') | translate }}</mat-label>
              <input matInput formControlName="officerId" autocomplete="off" [placeholder]="'officer-' + c.officeId + '-01'" />
              <mat-hint>{{ 'assign.hint' | translate: { office: c.officeId } }}</mat-hint>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy()">{{ (c.status === 'QUEUED' ? 'assign.assign' : 'assign.reassign') | translate }}</button>
            @if (assignForm.controls.officerId.touched && assignForm.controls.officerId.invalid) {
              <div class="field-error" role="alert">{{ 'assign.required' | translate }}</div>
            }
          </form>
        }

        <div class="columns">
          <div>
            <h2>{{ 'trace.title' | translate }}</h2>
            <cr-api-error [error]="traceError()" />
            <cr-selection-trace [record]="record()" />
          </div>
          <div>
            @if (actions().recordResult) {
              <h2>{{ 'result.title' | translate }}</h2>
              <form [formGroup]="resultForm" (ngSubmit)="submitResult()" class="result" novalidate>
                <fieldset>
                  <legend>{{ 'case.outcome' | translate }}</legend>
                  <mat-radio-group formControlName="outcome" class="radios">
                    @for (o of outcomes; track o) {
                      <mat-radio-button [value]="o">{{ 'outcome.' + o | translate }}</mat-radio-button>
                    }
                  </mat-radio-group>
                  @if (resultForm.controls.outcome.touched && resultForm.controls.outcome.invalid) {
                    <div class="field-error" role="alert">{{ 'result.outcomeRequired' | translate }}</div>
                  }
                </fieldset>
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'result.findings' | translate }}</mat-label>
                  <textarea matInput formControlName="findings" rows="3"></textarea>
                </mat-form-field>
                @for (v of verdicts.controls; track v.controls.criterionId.value) {
                  <fieldset [formGroup]="v">
                    <legend>{{ 'result.verdictFor' | translate: { id: v.controls.criterionId.value } }}</legend>
                    <mat-radio-group formControlName="appropriate" class="radios">
                      <mat-radio-button [value]="true">{{ 'result.appropriate' | translate }}</mat-radio-button>
                      <mat-radio-button [value]="false">{{ 'result.notAppropriate' | translate }}</mat-radio-button>
                    </mat-radio-group>
                    @if (v.controls.appropriate.touched && v.controls.appropriate.invalid) {
                      <div class="field-error" role="alert">{{ 'result.verdictRequired' | translate }}</div>
                    }
                    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="note">
                      <mat-label>{{ 'result.note' | translate }}</mat-label>
                      <input matInput formControlName="note" />
                    </mat-form-field>
                  </fieldset>
                }
                <cr-api-error [error]="resultError()" />
                <button mat-flat-button type="submit" [disabled]="busy()">{{ 'result.submit' | translate }}</button>
              </form>
            }
            <h2>{{ 'case.declaration' | translate }}</h2>
            @if (record(); as r) {
              <table class="plain decl">
                @for (f of rows(r.declaration); track f.labelKey) {
                  <tr>
                    <th scope="row">{{ f.labelKey | translate }}</th>
                    <td [class.muted]="f.empty"><span class="mono">{{ f.empty ? ('common.none' | translate) : f.value }}</span>@if (f.unitKey) {&nbsp;{{ f.unitKey | translate }}}</td>
                  </tr>
                }
              </table>
            }
            <h2>{{ 'timeline.title' | translate }}</h2>
            <cr-case-timeline [events]="c.events" />
          </div>
        </div>
      } @else if (!loadError()) {
        <p class="muted">{{ 'common.loading' | translate }}</p>
      }
    </div>
  `,
  styles: `
    .facts { gap: 24px; margin-bottom: 8px; }
    .actions { margin: 8px 0 16px; }
    .assign { margin: 0 0 16px; align-items: flex-start; }
    .columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; }
    @media (max-width: 1100px) { .columns { grid-template-columns: 1fr; } }
    .result { display: flex; flex-direction: column; gap: 8px; }
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; }
    .note { width: 100%; }
    .radios { display: flex; gap: 12px; flex-wrap: wrap; }
    .field-error { color: var(--mat-sys-error); font: var(--mat-sys-body-small); }
    .decl th { width: 40%; }
  `,
})
export class CasePage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  /** Route parameter. */
  readonly caseId = input.required<string>();

  protected readonly outcomes = OUTCOMES;
  protected readonly rows = declarationRows;
  protected readonly kase = signal<CaseDetail | null>(null);
  protected readonly record = signal<DecisionRecord | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly traceError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly resultError = signal<ApiError | null>(null);
  protected readonly busy = signal(false);

  /**
   * What the user may do here: officers take queued cases; supervisors of the office assign and
   * reassign them (no user list exists: the officer id is typed); the assigned officer or a
   * supervisor of the office records the result and closes (the API checks too).
   */
  protected readonly actions = computed(() => caseActions(this.auth.user(), this.kase()));
  protected readonly assignForm = new FormGroup({
    officerId: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] }),
  });
  protected readonly verdicts = new FormArray<VerdictForm>([]);
  protected readonly resultForm = new FormGroup({
    outcome: new FormControl<Outcome | null>(null, { validators: [Validators.required] }),
    findings: new FormControl('', { nonNullable: true }),
    verdicts: this.verdicts,
  });

  constructor() {
    effect(() => this.load(this.caseId()));
  }

  protected assignToMe(): void {
    const me = this.auth.user();
    const c = this.kase();
    if (!me || !c) return;
    this.act(this.api.assign(c.caseId, me.id), this.actionError);
  }

  protected assignTo(): void {
    const c = this.kase();
    this.assignForm.markAllAsTouched();
    if (!c || this.assignForm.invalid) return;
    this.act(this.api.assign(c.caseId, this.assignForm.controls.officerId.value.trim()), this.actionError);
  }

  protected close(): void {
    const c = this.kase();
    if (c) this.act(this.api.close(c.caseId), this.actionError);
  }

  protected submitResult(): void {
    const c = this.kase();
    this.resultForm.markAllAsTouched();
    if (!c || this.resultForm.invalid) return;
    this.act(this.api.recordResult(c.caseId, resultBody(this.resultForm.getRawValue())), this.resultError);
  }

  private act(call: ReturnType<ApiService['close']>, errorSlot: typeof this.actionError): void {
    this.busy.set(true);
    this.actionError.set(null);
    this.resultError.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.load(this.caseId());
      },
      error: (err: unknown) => {
        this.busy.set(false);
        errorSlot.set(toApiError(err));
      },
    });
  }

  private load(caseId: string): void {
    this.loadError.set(null);
    this.api.getCase(caseId).subscribe({
      next: (c) => {
        this.kase.set(c);
        this.resetVerdicts(c);
        if (this.record()?.declarationId !== c.declarationId || !this.record()) this.loadTrace(c.declarationId);
      },
      error: (err: unknown) => this.loadError.set(toApiError(err)),
    });
  }

  private loadTrace(declarationId: string): void {
    this.traceError.set(null);
    this.api.selection(declarationId).subscribe({
      next: (r) => this.record.set(r),
      error: (err: unknown) => this.traceError.set(toApiError(err)),
    });
  }

  /** One verdict row per fired criterion; the API refuses a result without them (422). */
  private resetVerdicts(c: CaseDetail): void {
    if (!verdictRowsStale(this.verdicts.controls.map((v) => v.controls.criterionId.value), c)) return;
    this.verdicts.clear();
    for (const { id } of c.firedCriteria) {
      this.verdicts.push(
        new FormGroup({
          criterionId: new FormControl(id, { nonNullable: true }),
          appropriate: new FormControl<boolean | null>(null, { validators: [Validators.required] }),
          note: new FormControl('', { nonNullable: true }),
        }),
      );
    }
  }
}
