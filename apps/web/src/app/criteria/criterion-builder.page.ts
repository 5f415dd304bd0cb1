import { ChangeDetectionStrategy, Component, computed, inject, input, signal, type OnInit } from '@angular/core';
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
import type { BacktestDraftBody, ConditionNodeInput, CriteriaMeta, CriterionBacktestResult, FactSpec, ReviewedCriterion, TargetDocument } from '../core/api.types';
import { BacktestPanelComponent } from '../backtest/backtest-panel.component';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import {
  DEFAULT_DOCUMENT, authorDefaults, canBacktest, checkCriterionForm, defaultFact, documentKey, factLabel, factsOf, initialFormValues, problemsByField, problemsOf,
  rowsForDocument, suggestedId, type FieldProblem, type FieldProblems,
} from './criterion-form';
import { revisionForm, type StoredConditionNode } from './criterion-prefill';
import { criterionDocument } from './criterion-review';
import { LIST_OPERATORS, MIN_KEYWORDS, isoDay, operatorsFor } from './criterion-rules';

type ConditionForm = FormGroup<{
  fact: FormControl<string>;
  operator: FormControl<string>;
  value: FormControl<string>;
}>;

/**
 * The criteria builder, shaped like the field's own form: target document (import declaration,
 * express manifest waybill or passenger; the field pickers offer that document's facts, and
 * changing it resets the rows on fields it lacks, saying so), conditions
 * (field with unit, operator valid for the field's type, compare value or comma-separated
 * values; combined with all/any), points of interest, reason, search keywords, scope
 * (central/local + office), lane, risk area and validity window (default 15 days). Checks
 * everything before saving and shows the API's own `errors` next to the same fields.
 * Analysts write any scope; officers and supervisors write local criteria of their office.
 * Backtests (draft and stored version) run for import-declaration criteria only: the API
 * replays stored declaration decisions (see `canBacktest`).
 */
@Component({
  selector: 'cr-criterion-builder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatButtonModule, MatRadioModule, TranslatePipe, ApiErrorComponent, BacktestPanelComponent],
  template: `
    <div class="page">
      <p><a routerLink="/criteria">← {{ 'builder.back' | translate }}</a></p>
      <h1>{{ revising() ? ('builder.titleRevision' | translate: { id: criterion() }) : ('builder.title' | translate) }}</h1>
      <cr-api-error [error]="loadError()" />
      @if (criterion() && version()) {
        <section aria-labelledby="stored-bt" class="stored">
          <h2 id="stored-bt">{{ 'backtest.ofVersion' | translate: { id: criterion(), version: version() } }}</h2>
          @if (storedDocument(); as d) {
            @if (!canBacktest(d)) {
              <p class="muted" data-testid="stored-backtest-unavailable">{{ 'backtest.declarationsOnly' | translate: { document: (documentKey(d) | translate) } }}</p>
            } @else {
              <p class="muted">{{ 'backtest.ofVersionHelp' | translate }}</p>
              @if (storedBacktest(); as b) { <cr-backtest-panel [result]="b" /> } @else if (!storedError()) { <p class="muted">{{ 'backtest.running' | translate }}</p> }
            }
          } @else if (!storedError()) { <p class="muted">{{ 'backtest.running' | translate }}</p> }
          <cr-api-error [error]="storedError()" />
          @if (revising(); as r) {
            <p role="status" class="ok" data-testid="revising">{{ 'builder.revising' | translate: { id: criterion(), version: r } }}</p>
          } @else {
            <button mat-stroked-button type="button" (click)="startRevision()" [disabled]="!meta()">{{ 'builder.revise' | translate: { version: version() } }}</button>
          }
        </section>
      }
      @if (meta(); as m) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="builder" aria-describedby="builder-help">
          <p id="builder-help" class="muted">{{ 'builder.help' | translate }}</p>

          <fieldset>
            <legend>{{ 'builder.section.target' | translate }}</legend>
            <div class="row">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="document">
                <mat-label>{{ 'builder.document' | translate }}</mat-label>
                <select matNativeControl formControlName="document">
                  @for (d of m.targetDocuments; track d) { <option [value]="d">{{ documentKey(d) | translate }}</option> }
                </select>
                <mat-hint>{{ 'builder.documentHint' | translate }}</mat-hint>
              </mat-form-field>
              <div class="group" role="radiogroup" [attr.aria-label]="'builder.combinator' | translate">
                <span class="label">{{ 'builder.combinator' | translate }}</span>
                <mat-radio-group formControlName="combinator" class="radios">
                  <mat-radio-button value="all">{{ 'builder.all' | translate }}</mat-radio-button>
                  <mat-radio-button value="any">{{ 'builder.any' | translate }}</mat-radio-button>
                </mat-radio-group>
              </div>
            </div>
            @for (p of problemsOf('document'); track $index) { <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div> }
            @if (documentNotice(); as n) {
              <div role="status" class="notice" data-testid="document-notice">
                @if (n.reset) { <div>{{ 'builder.documentReset' | translate: { n: n.reset, document: (documentKey(n.document) | translate) } }}</div> }
                @if (n.dropped) { <div>{{ 'builder.documentDropped' | translate: { n: n.dropped, document: (documentKey(n.document) | translate) } }}</div> }
              </div>
            }
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
                    <mat-hint>{{ facts()[c.controls.fact.value]?.description }}</mat-hint>
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
                  <button mat-stroked-button type="button" (click)="removeCondition(i)" [disabled]="conditions.length === 1 && !kept().length"
                          [attr.aria-label]="'builder.removeConditionN' | translate: { n: i + 1 }">{{ 'builder.remove' | translate }}</button>
                  <div class="cond-errors">
                    @for (p of problemsOf('cond.' + i + '.fact', 'cond.' + i + '.operator', 'cond.' + i + '.value'); track $index) {
                      <div class="field-error" role="alert">{{ p.key ? (p.key | translate: p.params) : p.text }}</div>
                    }
                  </div>
                </li>
              }
            </ol>
            @if (kept().length) {
              <div class="kept" data-testid="kept-groups">
                <p class="muted">{{ 'builder.kept' | translate }}</p>
                <ul>
                  @for (k of kept(); track $index; let i = $index) {
                    <li><code>{{ keptText(k) }}</code>
                      <button mat-stroked-button type="button" (click)="removeKept(i)" [attr.aria-label]="'builder.removeKeptN' | translate: { n: i + 1 }">{{ 'builder.remove' | translate }}</button></li>
                  }
                </ul>
              </div>
            }
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
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="area">
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
          @if (canBacktest(document())) {
            <cr-api-error [error]="backtestError()" />
            @if (backtest(); as b) { <cr-backtest-panel [result]="b" /> }
          } @else {
            <p class="muted" data-testid="backtest-unavailable">{{ 'backtest.declarationsOnly' | translate: { document: (documentKey(document()) | translate) } }}</p>
          }
          <div class="row">
            @if (canBacktest(document())) {
              <button mat-stroked-button type="button" (click)="runBacktest()" [disabled]="busy()">{{ 'backtest.run' | translate }}</button>
            }
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
    .stored { margin-bottom: 16px; }
    .area { min-width: 260px; }
    .kept ul { margin: 0 0 8px; padding-left: 20px; } .kept li { margin-bottom: 4px; } .kept code { margin-right: 8px; overflow-wrap: anywhere; }
    .ok { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
    .document { min-width: 240px; }
    .notice { background: #fff0c2; color: #5c4300; padding: 8px 12px; border-radius: 8px; }
    .saved { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
    @media (max-width: 900px) { .condition { grid-template-columns: 1fr; } }
  `,
})
export class CriterionBuilderPage implements OnInit {
  /** Query `criterion` and `version`: a stored version to backtest (a criterion drafted from a risk case, say). */
  readonly criterion = input<string>();
  readonly version = input<string>();
  /** Query `revise=1`: start with the form prefilled from that stored version (a revision: saving writes the next version). */
  readonly revise = input<string>();
  /** The stored version the form was prefilled from, once it is. */
  protected readonly revising = signal<number | null>(null);
  /** Condition groups of the stored version the flat form cannot show, carried over as they are. */
  protected readonly kept = signal<ConditionNodeInput[]>([]);
  protected readonly storedBacktest = signal<CriterionBacktestResult | null>(null);
  /** The document of the stored version in the URL, once read (its backtest is for declarations only). */
  protected readonly storedDocument = signal<TargetDocument | null>(null);
  protected readonly storedError = signal<ApiError | null>(null);
  protected readonly backtest = signal<CriterionBacktestResult | null>(null);
  protected readonly backtestError = signal<ApiError | null>(null);
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly minKeywords = MIN_KEYWORDS;
  protected readonly meta = signal<CriteriaMeta | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly saved = signal<{ id: string; version: number } | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<FieldProblems>({});
  protected readonly isAnalyst = computed(() => this.auth.user()?.role === 'cbtc_analyst');
  /** The target document chosen; the field pickers offer its facts. */
  protected readonly document = signal<TargetDocument>(DEFAULT_DOCUMENT);
  /** What changing the document did to the conditions, shown until the next change. */
  protected readonly documentNotice = signal<{ document: TargetDocument; reset: number; dropped: number } | null>(null);
  protected readonly facts = computed<Record<string, FactSpec>>(() => {
    const m = this.meta();
    return m ? factsOf(m, this.document()) : {};
  });
  protected readonly factNames = computed(() => Object.keys(this.facts()));
  protected readonly documentKey = documentKey;
  protected readonly canBacktest = canBacktest;
  private existingIds: string[] = [];

  protected readonly conditions = new FormArray<ConditionForm>([]);
  protected readonly form = new FormGroup({
    document: new FormControl<TargetDocument>(DEFAULT_DOCUMENT, { nonNullable: true }),
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
    const defaults = authorDefaults(this.auth.user());
    this.form.controls.scope.setValue(defaults.scope);
    this.form.controls.officeId.setValue(defaults.officeId);
    forkJoin({ meta: this.api.criteriaMeta(), list: this.api.listCriteria() }).subscribe({
      next: ({ meta, list }) => {
        this.existingIds = list.criteria.map((c) => c.id);
        this.form.patchValue(initialFormValues(meta, isoDay(new Date())));
        this.meta.set(meta);
        this.addCondition();
        this.suggestId();
        if (this.revise() === '1') this.startRevision();
      },
      error: (err: unknown) => this.loadError.set(toApiError(err)),
    });
    this.form.controls.document.valueChanges.subscribe((d) => this.onDocumentChange(d));
    // Keep the suggested id in step with scope, office and risk area until the user types one.
    for (const name of ['scope', 'officeId', 'riskArea'] as const) {
      this.form.controls[name].valueChanges.subscribe(() => this.suggestId());
    }
  }

  protected factLabel(fact: string): string {
    return factLabel(fact, this.facts()[fact]);
  }

  protected unitOf(fact: string): string | null {
    return this.facts()[fact]?.unit ?? null;
  }

  protected operatorsOf(fact: string): string[] {
    this.formValue();
    const m = this.meta();
    return m ? operatorsFor(fact, this.facts()[fact], m.operators) : [];
  }

  /**
   * A new target document: rows on fields it lacks (or has with another type) start again on its
   * first field, kept groups naming such fields go, and the notice says how many; a backtest of
   * the previous document no longer applies.
   */
  private onDocumentChange(next: TargetDocument): void {
    const previous = this.document();
    const m = this.meta();
    if (next === previous) return;
    this.document.set(next);
    this.backtest.set(null);
    this.backtestError.set(null);
    if (!m) return;
    const moved = rowsForDocument(this.conditions.getRawValue(), this.kept(), factsOf(m, previous), factsOf(m, next), m.operators);
    moved.rows.forEach((row, i) => this.conditions.at(i).setValue(row));
    this.kept.set(moved.kept);
    this.documentNotice.set(moved.reset || moved.dropped ? { document: next, reset: moved.reset, dropped: moved.dropped } : null);
    this.problems.set({});
  }

  protected isList(operator: string): boolean {
    return LIST_OPERATORS.includes(operator);
  }

  protected problemsOf(...fields: string[]): FieldProblem[] {
    return problemsOf(this.problems(), ...fields);
  }

  protected addCondition(): void {
    const fact = defaultFact(this.factNames());
    const group: ConditionForm = new FormGroup({
      fact: new FormControl(fact, { nonNullable: true }),
      operator: new FormControl('', { nonNullable: true }),
      value: new FormControl('', { nonNullable: true }),
    });
    this.conditions.push(group);
    this.onFactChange(group);
  }

  /** Prefills the form from the stored version in the URL (`criterion`, `version`) for a revision. */
  protected startRevision(): void {
    const id = this.criterion();
    const version = Number(this.version());
    if (!id || !Number.isInteger(version)) return;
    this.api.criterionHistory(id).subscribe({
      next: (h) => {
        const stored = h.versions.find((v) => v.version === version);
        if (stored) this.applyRevision(stored);
      },
      error: (err: unknown) => this.loadError.set(toApiError(err)),
    });
  }

  private applyRevision(c: ReviewedCriterion): void {
    const { value, conditions } = revisionForm(c);
    // The id stays the stored one: no suggestion replaces it.
    this.form.controls.id.markAsDirty();
    // The stored document comes with its own rows: nothing to reset.
    this.document.set(value.document);
    this.documentNotice.set(null);
    this.form.patchValue({ ...value, combinator: conditions.combinator });
    this.conditions.clear();
    for (const row of conditions.rows) {
      this.conditions.push(
        new FormGroup({
          fact: new FormControl(row.fact, { nonNullable: true }),
          operator: new FormControl(row.operator, { nonNullable: true }),
          value: new FormControl(row.value, { nonNullable: true }),
        }),
      );
    }
    if (conditions.rows.length === 0 && conditions.kept.length === 0) this.addCondition();
    this.kept.set(conditions.kept as ConditionNodeInput[]);
    this.revising.set(c.version);
  }

  /** A kept group in one line: `any(importerId = A, declarantId = B)`. */
  protected keptText(n: ConditionNodeInput): string {
    const text = (x: StoredConditionNode): string => {
      if ('fact' in x) return `${x.fact} ${x.operator} ${Array.isArray(x.value) ? x.value.join(', ') : String(x.value)}`;
      if ('not' in x) return `not(${text(x.not)})`;
      const [key, kids] = 'all' in x ? ['all', x.all] : ['any', x.any];
      return `${key}(${kids.map(text).join('; ')})`;
    };
    return text(n as StoredConditionNode);
  }

  protected removeKept(i: number): void {
    this.kept.update((k) => k.filter((_, j) => j !== i));
  }

  protected removeCondition(i: number): void {
    if (this.conditions.length > 1 || this.kept().length > 0) this.conditions.removeAt(i);
  }

  /** Keeps the operator valid for the chosen field's type (first valid one otherwise). */
  protected onFactChange(c: ConditionForm): void {
    const ops = this.operatorsOf(c.controls.fact.value);
    if (!ops.includes(c.controls.operator.value)) c.controls.operator.setValue(ops[0] ?? '');
  }

  /** The stored version in the URL: its document first, then its backtest when it screens import declarations. */
  ngOnInit(): void {
    const id = this.criterion();
    const version = Number(this.version());
    if (!id || !Number.isInteger(version)) return;
    this.api.criterionHistory(id).subscribe({
      next: (h) => {
        const stored = h.versions.find((v) => v.version === version);
        const document = stored ? criterionDocument(stored) : DEFAULT_DOCUMENT;
        this.storedDocument.set(document);
        if (!canBacktest(document)) return;
        this.api.backtestVersion(id, version).subscribe({
          next: (b) => this.storedBacktest.set(b),
          error: (err: unknown) => this.storedError.set(toApiError(err)),
        });
      },
      error: (err: unknown) => this.storedError.set(toApiError(err)),
    });
  }

  /** Backtests the draft as it stands (`POST /api/criteria/backtest`, the last 28 days): nothing is stored. */
  protected runBacktest(): void {
    const m = this.meta();
    if (!m || !canBacktest(this.document())) return;
    this.backtest.set(null);
    this.backtestError.set(null);
    const { body, problems } = checkCriterionForm(this.form.getRawValue(), m, this.isAnalyst(), this.kept());
    this.problems.set(problems);
    if (!body) return;
    this.busy.set(true);
    this.api.backtestDraft({ criterion: body as BacktestDraftBody['criterion'] }).subscribe({
      next: (b) => {
        this.busy.set(false);
        this.backtest.set(b);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        this.backtestError.set(e);
        this.problems.set(problemsByField(e.errors ?? []));
      },
    });
  }

  protected save(): void {
    const m = this.meta();
    if (!m) return;
    this.saved.set(null);
    this.saveError.set(null);
    const { body, problems } = checkCriterionForm(this.form.getRawValue(), m, this.isAnalyst(), this.kept());
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
        this.problems.set(problemsByField(e.errors ?? []));
      },
    });
  }

  private suggestId(): void {
    const idControl = this.form.controls.id;
    if (idControl.dirty) return;
    idControl.setValue(suggestedId(this.form.getRawValue(), this.existingIds));
  }
}
