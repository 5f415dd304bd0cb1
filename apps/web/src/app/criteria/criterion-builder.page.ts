import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin, startWith } from 'rxjs';
import { ApiService } from '../core/api.service';
import type { CriteriaMeta, CriterionInput, LeafConditionInput } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import {
  AREA_CODES, CRITERION_ID_PATTERN, LIST_OPERATORS, MIN_KEYWORDS, addDays, isoDay, nextId, operatorsFor, parseValue, splitList,
} from './criterion-rules';

type ConditionForm = FormGroup<{
  fact: FormControl<string>;
  operator: FormControl<string>;
  value: FormControl<string>;
}>;

/** A problem shown under a field: an i18n key (our own check) or the API's text. */
interface FieldProblem {
  key?: string;
  params?: Record<string, unknown>;
  text?: string;
}

/** Which form field an API error path (`conditions.all[0].value: ...`) belongs to. */
function fieldOfPath(problem: string): string {
  const path = problem.split(':')[0].trim();
  const cond = /^conditions\.(?:all|any)\[(\d+)\](?:\.(fact|operator|value))?/.exec(path);
  if (cond) return `cond.${cond[1]}.${cond[2] ?? 'value'}`;
  return path.split(/[.[]/)[0] || 'form';
}

/**
 * The criteria builder, shaped like the field's own form: target document, conditions
 * (field with unit, operator valid for the field's type, compare value or comma-separated
 * values; combined with all/any), points of interest, reason, search keywords, scope
 * (central/local + office), lane, risk area and validity window (default 15 days). Checks
 * everything before saving and shows the API's own `errors` next to the same fields.
 * Analysts write any scope; officers and supervisors write local criteria of their office.
 */
@Component({
  selector: 'cr-criterion-builder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatButtonModule, MatRadioModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <p><a routerLink="/criteria">← {{ 'builder.back' | translate }}</a></p>
      <h1>{{ 'builder.title' | translate }}</h1>
      <cr-api-error [error]="loadError()" />
      @if (meta(); as m) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="builder" aria-describedby="builder-help">
          <p id="builder-help" class="muted">{{ 'builder.help' | translate }}</p>

          <fieldset>
            <legend>{{ 'builder.section.target' | translate }}</legend>
            <div class="row">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'builder.document' | translate }}</mat-label>
                <select matNativeControl formControlName="document">
                  <option value="IMPORT_DECLARATION">{{ 'builder.importDeclaration' | translate }}</option>
                </select>
              </mat-form-field>
              <div class="group" role="radiogroup" [attr.aria-label]="'builder.combinator' | translate">
                <span class="label">{{ 'builder.combinator' | translate }}</span>
                <mat-radio-group formControlName="combinator" class="radios">
                  <mat-radio-button value="all">{{ 'builder.all' | translate }}</mat-radio-button>
                  <mat-radio-button value="any">{{ 'builder.any' | translate }}</mat-radio-button>
                </mat-radio-group>
              </div>
            </div>
            <ol class="conditions">
              @for (c of conditions.controls; track c; let i = $index) {
                <li [formGroup]="c" class="condition" [attr.data-testid]="'condition-' + i">
                  <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fact">
                    <mat-label>{{ 'builder.field' | translate }}</mat-label>
                    <select matNativeControl formControlName="fact" (change)="onFactChange(c)">
                      @for (f of factNames(); track f) {
                        <option [value]="f">{{ factLabel(f) }}</option>
                      }
                    </select>
                    <mat-hint>{{ m.facts[c.controls.fact.value]?.description }}</mat-hint>
                  </mat-form-field>
                  <mat-form-field appearance="outline" subscriptSizing="dynamic" class="op">
                    <mat-label>{{ 'builder.operator' | translate }}</mat-label>
                    <select matNativeControl formControlName="operator">
                      @for (o of operatorsOf(c.controls.fact.value); track o) {
                        <option [value]="o">{{ 'op.' + o | translate }}</option>
                      }
                    </select>
                  </mat-form-field>
                  <mat-form-field appearance="outline" subscriptSizing="dynamic" class="value">
                    <mat-label>{{ (isList(c.controls.operator.value) ? 'builder.values' : 'builder.value') | translate }}</mat-label>
                    <input matInput formControlName="value" autocomplete="off" />
                    @if (unitOf(c.controls.fact.value); as unit) { <span matTextSuffix>{{ unit }}</span> }
                    <mat-hint>{{ (isList(c.controls.operator.value) ? 'builder.listHint' : 'builder.valueHint') | translate }}</mat-hint>
                  </mat-form-field>
                  <button mat-stroked-button type="button" (click)="removeCondition(i)" [disabled]="conditions.length === 1"
                          [attr.aria-label]="'builder.removeConditionN' | translate: { n: i + 1 }">{{ 'builder.remove' | translate }}</button>
                  <div class="cond-errors">
                    @for (p of problemsOf('cond.' + i + '.fact', 'cond.' + i + '.operator', 'cond.' + i + '.value'); track $index) {
                      <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div>
                    }
                  </div>
                </li>
              }
            </ol>
            <button mat-stroked-button type="button" (click)="addCondition()">+ {{ 'builder.addCondition' | translate }}</button>
            @for (p of problemsOf('conditions'); track $index) {
              <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div>
            }
          </fieldset>

          <fieldset>
            <legend>{{ 'builder.section.guidance' | translate }}</legend>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'builder.pointsOfInterest' | translate }}</mat-label>
              <textarea matInput formControlName="pointsOfInterest" rows="2"></textarea>
            </mat-form-field>
            @for (p of problemsOf('pointsOfInterest'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'builder.reason' | translate }}</mat-label>
              <textarea matInput formControlName="reason" rows="2"></textarea>
            </mat-form-field>
            @for (p of problemsOf('reason'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'builder.keywords' | translate }}</mat-label>
              <input matInput formControlName="keywords" autocomplete="off" />
              <mat-hint>{{ 'builder.keywordsHint' | translate: { min: minKeywords } }}</mat-hint>
            </mat-form-field>
            @for (p of problemsOf('keywords'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
          </fieldset>

          <fieldset>
            <legend>{{ 'builder.section.scope' | translate }}</legend>
            <div class="row">
              <div class="group">
                <span class="label">{{ 'criteria.scope' | translate }}</span>
                <mat-radio-group formControlName="scope" class="radios" [attr.aria-label]="'criteria.scope' | translate">
                  <mat-radio-button value="CENTRAL" [disabled]="!isAnalyst()">{{ 'scope.CENTRAL' | translate }}</mat-radio-button>
                  <mat-radio-button value="LOCAL">{{ 'scope.LOCAL' | translate }}</mat-radio-button>
                </mat-radio-group>
              </div>
              @if (form.controls.scope.value === 'LOCAL') {
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="short">
                  <mat-label>{{ 'queue.office' | translate }}</mat-label>
                  <input matInput formControlName="officeId" autocomplete="off" [readonly]="!isAnalyst()" />
                </mat-form-field>
              }
              <div class="group">
                <span class="label">{{ 'queue.lane' | translate }}</span>
                <mat-radio-group formControlName="lane" class="radios" [attr.aria-label]="'queue.lane' | translate">
                  <mat-radio-button value="YELLOW">{{ 'lane.YELLOW' | translate }} · {{ 'builder.laneYellow' | translate }}</mat-radio-button>
                  <mat-radio-button value="RED">{{ 'lane.RED' | translate }} · {{ 'builder.laneRed' | translate }}</mat-radio-button>
                </mat-radio-group>
              </div>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'criteria.riskArea' | translate }}</mat-label>
                <select matNativeControl formControlName="riskArea">
                  @for (a of m.riskAreas; track a) { <option [value]="a">{{ 'riskArea.' + a | translate }}</option> }
                </select>
              </mat-form-field>
            </div>
            @for (p of problemsOf('scope', 'officeId', 'lane', 'riskArea'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
            <div class="row">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'builder.id' | translate }}</mat-label>
                <input matInput formControlName="id" autocomplete="off" class="mono" />
                <mat-hint>{{ 'builder.idHint' | translate }}</mat-hint>
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'builder.validFrom' | translate }}</mat-label>
                <input matInput type="date" formControlName="validFrom" />
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'builder.validTo' | translate }}</mat-label>
                <input matInput type="date" formControlName="validTo" />
                <mat-hint>{{ 'builder.validityHint' | translate: { days: m.defaultValidityDays } }}</mat-hint>
              </mat-form-field>
            </div>
            @for (p of problemsOf('id', 'validFrom', 'validTo', 'status', 'version'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
          </fieldset>

          @for (p of problemsOf('form'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
          <cr-api-error [error]="saveError()" />
          @if (saved(); as s) {
            <p role="status" class="saved" data-testid="saved">{{ 'builder.saved' | translate: { id: s.id, version: s.version } }}</p>
          }
          <div class="row">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'builder.save' | translate }}</button>
            <a mat-stroked-button routerLink="/criteria">{{ 'builder.cancel' | translate }}</a>
          </div>
        </form>
      } @else if (!loadError()) {
        <p class="muted">{{ 'common.loading' | translate }}</p>
      }
    </div>
  `,
  styles: `
    .builder { display: flex; flex-direction: column; gap: 12px; }
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 12px 16px; display: flex; flex-direction: column; gap: 12px; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    .conditions { margin: 0; padding-left: 20px; display: flex; flex-direction: column; gap: 12px; }
    .condition { display: grid; grid-template-columns: minmax(220px, 2fr) minmax(160px, 1fr) minmax(220px, 2fr) auto; gap: 8px; align-items: start; }
    .cond-errors { grid-column: 1 / -1; }
    .group { display: flex; flex-direction: column; gap: 2px; }
    .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .radios { display: flex; gap: 12px; flex-wrap: wrap; }
    .short { width: 120px; }
    .field-error { color: var(--mat-sys-error); font: var(--mat-sys-body-small); }
    .saved { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
    @media (max-width: 900px) { .condition { grid-template-columns: 1fr; } }
  `,
})
export class CriterionBuilderPage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly minKeywords = MIN_KEYWORDS;
  protected readonly meta = signal<CriteriaMeta | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly saved = signal<{ id: string; version: number } | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<Record<string, FieldProblem[]>>({});
  protected readonly isAnalyst = computed(() => this.auth.user()?.role === 'cbtc_analyst');
  protected readonly factNames = computed(() => Object.keys(this.meta()?.facts ?? {}));
  private existingIds: string[] = [];

  protected readonly conditions = new FormArray<ConditionForm>([]);
  protected readonly form = new FormGroup({
    document: new FormControl('IMPORT_DECLARATION', { nonNullable: true }),
    combinator: new FormControl<'all' | 'any'>('all', { nonNullable: true }),
    conditions: this.conditions,
    pointsOfInterest: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true }),
    keywords: new FormControl('', { nonNullable: true }),
    scope: new FormControl<'CENTRAL' | 'LOCAL'>('LOCAL', { nonNullable: true }),
    officeId: new FormControl('', { nonNullable: true }),
    lane: new FormControl<'YELLOW' | 'RED'>('YELLOW', { nonNullable: true }),
    riskArea: new FormControl('', { nonNullable: true }),
    id: new FormControl('', { nonNullable: true }),
    validFrom: new FormControl('', { nonNullable: true }),
    validTo: new FormControl('', { nonNullable: true }),
  });
  /** Re-renders when any field changes (zoneless, OnPush). */
  private readonly formValue = toSignal(this.form.valueChanges.pipe(startWith(null)));

  constructor() {
    const me = this.auth.user();
    this.form.controls.scope.setValue(me?.role === 'cbtc_analyst' ? 'CENTRAL' : 'LOCAL');
    this.form.controls.officeId.setValue(me?.officeId ?? '');
    forkJoin({ meta: this.api.criteriaMeta(), list: this.api.listCriteria() }).subscribe({
      next: ({ meta, list }) => {
        this.existingIds = list.criteria.map((c) => c.id);
        const today = isoDay(new Date());
        this.form.patchValue({
          riskArea: meta.riskAreas.includes('UNDERVALUATION') ? 'UNDERVALUATION' : meta.riskAreas[0],
          validFrom: today,
          validTo: addDays(today, meta.defaultValidityDays - 1),
        });
        this.meta.set(meta);
        this.addCondition();
        this.suggestId();
      },
      error: (err: unknown) => this.loadError.set(toApiError(err)),
    });
    // Keep the suggested id in step with scope, office and risk area until the user types one.
    for (const name of ['scope', 'officeId', 'riskArea'] as const) {
      this.form.controls[name].valueChanges.subscribe(() => this.suggestId());
    }
  }

  protected factLabel(fact: string): string {
    const unit = this.unitOf(fact);
    return unit ? `${fact} (${unit})` : fact;
  }

  protected unitOf(fact: string): string | null {
    return this.meta()?.facts[fact]?.unit ?? null;
  }

  protected operatorsOf(fact: string): string[] {
    this.formValue();
    const m = this.meta();
    return m ? operatorsFor(fact, m.facts[fact], m.operators) : [];
  }

  protected isList(operator: string): boolean {
    return LIST_OPERATORS.includes(operator);
  }

  protected problemsOf(...fields: string[]): FieldProblem[] {
    const all = this.problems();
    return fields.flatMap((f) => all[f] ?? []);
  }

  protected addCondition(): void {
    const fact = this.factNames().includes('hsCode') ? 'hsCode' : (this.factNames()[0] ?? '');
    const group: ConditionForm = new FormGroup({
      fact: new FormControl(fact, { nonNullable: true }),
      operator: new FormControl('', { nonNullable: true }),
      value: new FormControl('', { nonNullable: true }),
    });
    this.conditions.push(group);
    this.onFactChange(group);
  }

  protected removeCondition(i: number): void {
    if (this.conditions.length > 1) this.conditions.removeAt(i);
  }

  /** Keeps the operator valid for the chosen field's type (first valid one otherwise). */
  protected onFactChange(c: ConditionForm): void {
    const ops = this.operatorsOf(c.controls.fact.value);
    if (!ops.includes(c.controls.operator.value)) c.controls.operator.setValue(ops[0] ?? '');
  }

  protected save(): void {
    const m = this.meta();
    if (!m) return;
    this.saved.set(null);
    this.saveError.set(null);
    const { body, problems } = this.build(m);
    this.problems.set(problems);
    if (!body) return;
    this.busy.set(true);
    this.api.createCriterion(body).subscribe({
      next: (c) => {
        this.busy.set(false);
        this.saved.set({ id: c.id, version: c.version });
        void this.router.navigate(['/criteria'], { queryParams: { created: `${c.id}@${c.version}` } });
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        this.saveError.set(e);
        const byField: Record<string, FieldProblem[]> = {};
        for (const p of e.errors ?? []) (byField[fieldOfPath(p)] ??= []).push({ text: p });
        this.problems.set(byField);
      },
    });
  }

  /** The request body, or every problem found by field (i18n keys). */
  private build(m: CriteriaMeta): { body: CriterionInput | null; problems: Record<string, FieldProblem[]> } {
    const problems: Record<string, FieldProblem[]> = {};
    const add = (field: string, key: string, params?: Record<string, unknown>) => (problems[field] ??= []).push({ key, params });
    const v = this.form.getRawValue();
    const leaves: LeafConditionInput[] = [];
    v.conditions.forEach((c, i) => {
      const spec = m.facts[c.fact];
      if (!spec) add(`cond.${i}.fact`, 'builder.error.fact', { n: i + 1 });
      else if (!operatorsFor(c.fact, spec, m.operators).includes(c.operator)) add(`cond.${i}.operator`, 'builder.error.operator', { n: i + 1 });
      else {
        const parsed = parseValue(c.value, c.operator, spec);
        if (parsed.ok) leaves.push({ fact: c.fact, operator: c.operator, value: parsed.value });
        else add(`cond.${i}.value`, parsed.error, { n: i + 1 });
      }
    });
    if (v.conditions.length === 0) add('conditions', 'builder.error.noCondition');
    if (!v.pointsOfInterest.trim()) add('pointsOfInterest', 'builder.error.required');
    if (!v.reason.trim()) add('reason', 'builder.error.required');
    const keywords = splitList(v.keywords);
    if (keywords.length < MIN_KEYWORDS) add('keywords', 'builder.error.keywords', { min: MIN_KEYWORDS });
    const officeId = v.scope === 'LOCAL' ? v.officeId.trim() : null;
    if (v.scope === 'LOCAL' && !officeId) add('officeId', 'builder.error.office');
    if (v.scope === 'CENTRAL' && !this.isAnalyst()) add('scope', 'builder.error.centralAnalystsOnly');
    if (!m.riskAreas.includes(v.riskArea)) add('riskArea', 'builder.error.required');
    const id = v.id.trim().toUpperCase();
    if (!CRITERION_ID_PATTERN.test(id)) add('id', 'builder.error.idFormat');
    else if (v.scope === 'LOCAL' && !id.startsWith(`LOC-${officeId}-`)) add('id', 'builder.error.idLocal', { office: officeId });
    else if (v.scope === 'CENTRAL' && !id.startsWith('CEN-')) add('id', 'builder.error.idCentral');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.validFrom)) add('validFrom', 'builder.error.date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.validTo)) add('validTo', 'builder.error.date');
    else if (v.validTo < v.validFrom) add('validTo', 'builder.error.dateOrder');
    if (Object.keys(problems).length > 0) return { body: null, problems };
    const conditions = v.combinator === 'any' ? { any: leaves } : { all: leaves };
    return {
      body: {
        id, scope: v.scope, officeId, lane: v.lane, riskArea: v.riskArea, reason: v.reason.trim(),
        pointsOfInterest: v.pointsOfInterest.trim(), keywords, validFrom: v.validFrom, validTo: v.validTo, status: 'ACTIVE', conditions,
      },
      problems,
    };
  }

  private suggestId(): void {
    const idControl = this.form.controls.id;
    if (idControl.dirty) return;
    const v = this.form.getRawValue();
    const prefix = v.scope === 'LOCAL' ? `LOC-${v.officeId.trim() || 'XX'}-` : `CEN-${AREA_CODES[v.riskArea] ?? 'GEN'}-`;
    idControl.setValue(nextId(prefix, this.existingIds));
  }
}
