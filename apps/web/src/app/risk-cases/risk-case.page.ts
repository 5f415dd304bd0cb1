import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { ApiService } from '../core/api.service';
import type { CriterionBacktestResult } from '../core/api.types';
import { AuthService } from '../core/auth.service';
import { ASSESSMENT_FACTORS, FACTOR_LEVELS, assessRisk, initialScores, parseOffices } from './assessment';
import { daysLeft, riskAreaKey } from './risk-case-board';
import { actionsFor, activationDay, linkedCriteria, liftOverControl, mayActOn, suggestedCriterionId } from './risk-case-actions';
import type { AssessmentDecision, AssessmentScores, RiskCaseDetail } from './risk-case.types';
import { RiskCasesApi } from './risk-cases.api';

/**
 * One risk case: its reports, routing (desk and deciding rule), the six-factor assessment with
 * its decision, the criteria drafted from it with the feedback on each, the validity window,
 * and the history. Actions follow the state (`actionsFor`); the API refuses the rest.
 */
@Component({
  selector: 'cr-risk-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <p><a routerLink="/risk-cases">← {{ 'riskCase.back' | translate }}</a></p>
      <cr-api-error [error]="loadError()" />
      @if (rc(); as c) {
        <h1>{{ 'riskCase.title' | translate }} <span class="mono">{{ c.riskCaseId }}</span></h1>
        <div class="row summary">
          <span class="badge status" data-testid="risk-status">{{ 'riskStatus.' + c.status | translate }}</span>
          <span>{{ areaKey(c.riskArea, c.smugglingSubtype) | translate }}</span>
          @if (c.riskLevel) { <span>{{ 'riskCase.level' | translate }}: {{ 'riskLevel.' + c.riskLevel | translate }}</span> }
          @if (c.windowEndsAt) {
            <span>{{ 'riskCase.windowEnds' | translate: { date: (c.windowEndsAt | date: 'yyyy-MM-dd HH:mm') } }}
              @if (left(); as l) { ({{ 'board.daysLeft' | translate: { days: l } }}) }</span>
          }
          <span class="muted">{{ 'riskCase.opened' | translate }} {{ c.openedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
        </div>
        <cr-api-error [error]="actionError()" />
        @if (notice(); as n) { <p role="status" class="ok">{{ n.key | translate: n.params }}</p> }

        <section aria-labelledby="routing-h">
          <h2 id="routing-h">{{ 'riskCase.routing' | translate }}</h2>
          <p data-testid="routing">
            <strong>{{ c.routing.route === 'CBTC' ? ('board.cbtc' | translate) : ('riskCase.offices' | translate: { offices: c.routing.officeIds.join(', ') }) }}</strong>
            · {{ 'riskCase.rule' | translate }} <span class="mono">{{ c.routing.ruleId }}</span>
            <br /><span class="muted">{{ c.routing.reason }}</span>
          </p>
          @if (c.sharedWith.length) { <p>{{ 'riskCase.sharedWith' | translate: { offices: c.sharedWith.join(', ') } }}</p> }
        </section>

        <section aria-labelledby="reports-h">
          <h2 id="reports-h">{{ 'riskCase.reports' | translate: { count: c.reports.length } }}</h2>
          @for (r of c.reports; track r.reportId) {
            <article class="report">
              <div class="row">
                <strong>{{ r.report.source.organisation }}@if (r.report.source.country) { ({{ r.report.source.country }}) }</strong>
                <span class="muted">{{ 'intel.sourceType.' + r.report.source.type | translate }}</span>
                <span class="spacer"></span>
                <span class="muted">{{ r.reportedBy }} · {{ r.receivedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
              </div>
              <p class="text">{{ r.report.text }}</p>
              <dl>
                <dt>{{ 'intel.subjects' | translate }}</dt>
                <dd>@for (s of r.report.subjects; track $index) { <span class="chip">@if (s.kind === 'IDENTIFIER') { {{ 'intel.idTypes.' + s.idType | translate }} {{ s.value }} } @else { {{ 'intel.subjectKind.' + s.kind | translate }} {{ s.name }} }</span> }</dd>
                @if (r.report.goods?.length) {
                  <dt>{{ 'intel.goods' | translate }}</dt>
                  <dd>@for (g of r.report.goods; track $index) { <span class="chip">{{ g.hsCode }} {{ g.description }}</span> }</dd>
                }
                @if (r.report.routes?.length) {
                  <dt>{{ 'intel.routes' | translate }}</dt>
                  <dd>@for (rt of r.report.routes; track $index) { <span class="chip">{{ rt.originCountry ?? '—' }} → {{ rt.departureCountry ?? '—' }}</span> }</dd>
                }
              </dl>
            </article>
          }
        </section>

        <section aria-labelledby="assess-h">
          <h2 id="assess-h">{{ 'assess.title' | translate }}</h2>
          @if (c.assessment; as a) {
            <p data-testid="assessment">
              {{ 'assess.composite' | translate }} <strong>{{ a.composite }}</strong> ·
              {{ 'riskLevel.' + a.riskLevel | translate }} · {{ 'assess.decision.' + a.decision | translate }} · {{ a.actor }}
            </p>
            <p class="muted">@for (f of factors; track f) { {{ 'assess.factor.' + f | translate }} {{ a.scores[f] }}@if (!$last) { · } }</p>
            @if (a.note) { <p>{{ a.note }}</p> }
          } @else if (actions().assess) {
            <form class="assess" (ngSubmit)="assess()">
              <table class="plain factors">
                <thead><tr><th>{{ 'assess.factorHead' | translate }}</th>@for (l of levels; track l) { <th>{{ l }} · {{ 'assess.level.' + l | translate }}</th> }</tr></thead>
                <tbody>
                  @for (f of factors; track f) {
                    <tr>
                      <th scope="row">{{ 'assess.factor.' + f | translate }}<div class="muted small">{{ 'assess.help.' + f | translate }}</div></th>
                      @for (l of levels; track l) {
                        <td><input type="radio" [name]="f" [value]="l" [checked]="scores()[f] === l" (change)="setScore(f, l)"
                          [attr.aria-label]="('assess.factor.' + f | translate) + ' ' + l" /></td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
              <p data-testid="composite">{{ 'assess.composite' | translate }} <strong>{{ risk().composite }}</strong> · {{ 'assess.riskLevel' | translate }}
                <strong>{{ 'riskLevel.' + risk().riskLevel | translate }}</strong> <span class="muted rule">({{ 'assess.levelRule' | translate }})</span></p>
              <mat-radio-group [(ngModel)]="decision" name="decision" class="row" [attr.aria-label]="'assess.decisionLabel' | translate">
                @for (d of decisions; track d) { <mat-radio-button [value]="d">{{ 'assess.decision.' + d | translate }}</mat-radio-button> }
              </mat-radio-group>
              <div class="row">
                @if (decision === 'SHARE') {
                  <mat-form-field appearance="outline" subscriptSizing="dynamic">
                    <mat-label>{{ 'assess.shareWith' | translate }}</mat-label>
                    <input matInput [(ngModel)]="shareText" name="shareWith" placeholder="40, 41" />
                  </mat-form-field>
                }
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
                  <mat-label>{{ 'assess.note' | translate }}</mat-label>
                  <input matInput [(ngModel)]="note" name="note" />
                </mat-form-field>
                <button mat-flat-button type="submit" [disabled]="busy()">{{ 'assess.submit' | translate }}</button>
              </div>
              @if (formProblem(); as p) { <p class="api-error" role="alert">{{ p | translate }}</p> }
            </form>
          } @else {
            <p class="muted">{{ 'assess.none' | translate }}</p>
          }
        </section>

        <section aria-labelledby="criteria-h">
          <h2 id="criteria-h">{{ 'riskCase.criteria' | translate }}</h2>
          @if (criteria().length) {
            <table class="plain">
              <thead><tr>
                <th>{{ 'riskCase.criterion' | translate }}</th><th>{{ 'riskCase.approval' | translate }}</th>
                <th>{{ 'riskCase.selections' | translate }}</th><th>{{ 'riskCase.results' | translate }}</th><th>{{ 'riskCase.hits' | translate }}</th>
                <th>{{ 'riskCase.hitRate' | translate }}</th><th>{{ 'riskCase.verdicts' | translate }}</th><th>{{ 'riskCase.notes' | translate }}</th><th></th>
              </tr></thead>
              <tbody>
                @for (k of criteria(); track k.criterionId) {
                  <tr [attr.data-testid]="'feedback-' + k.criterionId">
                    <td><a [routerLink]="['/criteria/new']" [queryParams]="{ criterion: k.criterionId, version: k.version }" class="mono">{{ k.criterionId }} v{{ k.version }}</a></td>
                    <td>{{ (k.retires ? (k.approved ? 'riskCase.retired' : 'riskCase.retiring') : (k.approved ? 'riskCase.approvedBy' : 'riskCase.awaiting')) | translate: { who: k.approvedBy } }}</td>
                    <td>{{ k.feedback?.selections ?? 0 }}</td>
                    <td>@if (k.feedback; as f) { {{ 'outcome.NO_FINDING' | translate }} {{ f.results.NO_FINDING }} · {{ 'outcome.DISCREPANCY' | translate }} {{ f.results.DISCREPANCY }} · {{ 'outcome.SEIZURE' | translate }} {{ f.results.SEIZURE }} } @else { — }</td>
                    <td data-testid="hits">{{ k.feedback?.hits ?? 0 }}</td>
                    <td>{{ k.hitRatePct === null ? '—' : k.hitRatePct + ' %' }}
                      @if (liftOf(k.hitRatePct); as l) { <div class="small" data-testid="lift">{{ 'riskCase.lift' | translate: { times: l } }}</div> }</td>
                    <td>@if (k.feedback; as f) { {{ 'riskCase.appropriate' | translate: { yes: f.appropriate, no: f.notAppropriate } }} } @else { — }</td>
                    <td>@for (n of k.feedback?.notes ?? []; track $index) { <div class="small">“{{ n }}”</div> }</td>
                    <td class="acts">
                      @if (activatedOn()) {
                        <button mat-button type="button" (click)="showKeywords(k.criterionId, k.version)" [attr.aria-expanded]="keywordsOf()?.criterionId === k.criterionId">{{ 'riskCase.matchedKeywords' | translate }}</button>
                      }
                      @if (actions().retire && k.inForce) {
                        <a mat-stroked-button [routerLink]="['/criteria/new']" [queryParams]="{ criterion: k.criterionId, version: k.version, revise: 1 }">{{ 'riskCase.revise' | translate }}</a>
                        <button mat-stroked-button type="button" (click)="retire(k.criterionId)" [disabled]="busy()">{{ 'riskCase.retire' | translate }}</button>
                      }
                    </td>
                  </tr>
                  @if (keywordsOf(); as kw) {
                    @if (kw.criterionId === k.criterionId) {
                      <tr class="kw-row" data-testid="matched-keywords"><td colspan="9">
                        @if (kw.result; as r) {
                          @if (r.keywordMatches.length) {
                            <ul class="keywords">
                              @for (m of r.keywordMatches; track m.keyword) {
                                <li><strong>{{ m.keyword }}</strong> · {{ m.count }} — <span class="muted">@for (e of m.examples; track $index) { “{{ e }}”@if (!$last) {, } }</span></li>
                              }
                            </ul>
                          } @else { <span class="muted">{{ 'riskCase.noKeywordMatches' | translate: { from: kw.from } }}</span> }
                        } @else if (kw.error) { <cr-api-error [error]="kw.error" /> } @else { <span class="muted">{{ 'backtest.running' | translate }}</span> }
                      </td></tr>
                    }
                  }
                }
              </tbody>
            </table>
            @if (control(); as ctl) {
              <p class="muted small" data-testid="control-baseline">{{ (ctl.hitRatePct === null ? 'riskCase.controlNone' : 'riskCase.controlBaseline') | translate: { pct: ctl.hitRatePct, inspected: ctl.inspected } }}</p>
            }
          } @else {
            <p class="muted">{{ 'riskCase.noCriteria' | translate }}</p>
          }
          @if (actions().draftCriterion) {
            <form class="row" (ngSubmit)="draft()">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'riskCase.newCriterionId' | translate }}</mat-label>
                <input matInput [(ngModel)]="criterionId" name="criterionId" />
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="busy() || !criterionId">{{ 'riskCase.draft' | translate }}</button>
              <span class="muted">{{ 'riskCase.draftHelp' | translate }}</span>
            </form>
            @if (drafted(); as d) {
              <p role="status" class="ok" data-testid="drafted">{{ 'riskCase.drafted' | translate: { id: d.id, version: d.version } }}
                <a [routerLink]="['/criteria/new']" [queryParams]="{ criterion: d.id, version: d.version }">{{ 'riskCase.openCriterion' | translate }}</a></p>
            }
          }
        </section>

        @if (actions().adjustWindow || actions().close) {
          <section aria-labelledby="window-h">
            <h2 id="window-h">{{ 'riskCase.window' | translate }}</h2>
            @if (actions().adjustWindow) {
              <div class="row">
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="days">
                  <mat-label>{{ 'riskCase.days' | translate }}</mat-label>
                  <input matInput type="number" min="1" max="366" [(ngModel)]="extendDays" name="days" />
                </mat-form-field>
                <button mat-stroked-button type="button" (click)="extend()" [disabled]="busy()">{{ 'riskCase.extend' | translate }}</button>
                <button mat-stroked-button type="button" (click)="endWindow()" [disabled]="busy()">{{ 'riskCase.endWindow' | translate }}</button>
              </div>
            }
            @if (actions().close) {
              <form class="row" (ngSubmit)="close()">
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
                  <mat-label>{{ 'riskCase.closingNote' | translate }}</mat-label>
                  <input matInput [(ngModel)]="closingNote" name="closingNote" />
                </mat-form-field>
                <button mat-flat-button type="submit" [disabled]="busy() || !closingNote.trim()">{{ 'riskCase.close' | translate }}</button>
              </form>
            }
          </section>
        }
        @if (c.closingNote) { <p><strong>{{ 'riskCase.closingNote' | translate }}:</strong> {{ c.closingNote }}</p> }

        <section aria-labelledby="history-h">
          <h2 id="history-h">{{ 'riskCase.history' | translate }}</h2>
          <ol class="history">
            @for (e of c.events; track e.seq) {
              <li><span class="muted when">{{ e.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' }}</span><strong>{{ 'riskEvent.' + e.type | translate }}</strong> · {{ e.actor }}</li>
            }
          </ol>
        </section>
      } @else if (!loadError()) {
        <p>{{ 'common.loading' | translate }}</p>
      }
    </div>
  `,
  styles: `
    .summary { margin-bottom: 8px; }
    .status { background: var(--mat-sys-secondary-container); font-size: 13px; padding: 2px 10px; }
    .report { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; margin-bottom: 8px; }
    .report .text { white-space: pre-wrap; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
    dt { font-weight: 600; } dd { margin: 0; }
    .chip { display: inline-block; background: var(--mat-sys-surface-container); border-radius: 8px; padding: 1px 8px; margin: 0 4px 4px 0; }
    .factors th, .factors td { text-align: center; } .factors th[scope=row] { text-align: left; }
    .small { font-size: 12px; font-weight: normal; }
    .grow { flex: 1 1 280px; } .days { width: 120px; }
    .ok { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
    .history { padding-left: 20px; }
    .when { margin-right: 8px; }
    .rule { margin-left: 8px; }
    td { overflow-wrap: anywhere; }
    td.acts { white-space: nowrap; } td.acts > * { margin: 2px 4px 2px 0; }
    .keywords { margin: 0; padding-left: 20px; }
  `,
})
export class RiskCasePage {
  private readonly api = inject(RiskCasesApi);
  private readonly auth = inject(AuthService);
  private readonly criteriaApi = inject(ApiService);
  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  protected readonly factors = ASSESSMENT_FACTORS;
  protected readonly levels = FACTOR_LEVELS;
  protected readonly decisions: readonly AssessmentDecision[] = ['DISMISS', 'SHARE', 'TARGET'];
  protected readonly areaKey = riskAreaKey;

  protected readonly rc = signal<RiskCaseDetail | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly notice = signal<{ key: string; params?: Record<string, unknown> } | null>(null);
  protected readonly busy = signal(false);
  protected readonly scores = signal<AssessmentScores>(initialScores());
  protected readonly risk = computed(() => assessRisk(this.scores()));
  protected readonly formProblem = signal<string | null>(null);
  protected readonly drafted = signal<{ id: string; version: number } | null>(null);
  protected readonly actions = computed(() => {
    const c = this.rc();
    return actionsFor(c?.status ?? 'CLOSED', c ? mayActOn(this.auth.user(), c) : false);
  });
  protected readonly criteria = computed(() => (this.rc() ? linkedCriteria(this.rc()!) : []));
  protected readonly left = computed(() => daysLeft(this.rc()?.windowEndsAt ?? null));
  /** The control sample's hit rate, the baseline of every criterion's (`GET /api/stats/criteria`; not for local officers). */
  protected readonly control = signal<{ hitRatePct: number | null; inspected: number } | null>(null);
  /** The day the window opened (`YYYY-MM-DD`), null before the case was ACTIVE. */
  protected readonly activatedOn = computed(() => (this.rc() ? activationDay(this.rc()!.events) : null));
  /** The matched keywords shown under one criterion's row: its backtest over the window so far. */
  protected readonly keywordsOf = signal<{ criterionId: string; from: string; result: CriterionBacktestResult | null; error: ApiError | null } | null>(null);

  protected decision: AssessmentDecision = 'TARGET';
  protected shareText = '';
  protected note = '';
  protected criterionId = '';
  protected extendDays = 7;
  protected closingNote = '';

  ngOnInit(): void {
    this.reload();
    if (['cbtc_analyst', 'supervisor', 'auditor'].includes(this.auth.user()?.role ?? '')) {
      this.criteriaApi.criteriaStats().subscribe({ next: (s) => this.control.set(s.controlSample), error: () => this.control.set(null) });
    }
  }

  /** How many times the control sample's hit rate a criterion's is, one decimal (null when either is unknown or the baseline is 0). */
  protected liftOf(hitRatePct: number | null): string | null {
    const lift = liftOverControl(hitRatePct, this.control()?.hitRatePct ?? null);
    return lift === null ? null : lift.toFixed(1);
  }

  /**
   * Shows (or hides, on a second click) the keywords a criterion's conditions matched in the
   * goods descriptions of the declarations stored since the window opened: the backtest of the
   * version over that period, whose keyword matches are the ones its selections made.
   */
  protected showKeywords(criterionId: string, version: number): void {
    const from = this.activatedOn();
    if (!from || this.keywordsOf()?.criterionId === criterionId) {
      this.keywordsOf.set(null);
      return;
    }
    this.keywordsOf.set({ criterionId, from, result: null, error: null });
    this.criteriaApi.backtestVersion(criterionId, version, { from }).subscribe({
      next: (result) => this.keywordsOf.update((k) => (k?.criterionId === criterionId ? { ...k, result } : k)),
      error: (err: unknown) => this.keywordsOf.update((k) => (k?.criterionId === criterionId ? { ...k, error: toApiError(err) } : k)),
    });
  }

  protected setScore(factor: keyof AssessmentScores, level: number): void {
    this.scores.update((s) => ({ ...s, [factor]: level }));
  }

  protected assess(): void {
    const { offices, problem } = parseOffices(this.shareText, this.decision);
    this.formProblem.set(problem);
    if (problem) return;
    const body = { scores: this.scores(), decision: this.decision, ...(this.decision === 'SHARE' ? { shareWith: offices } : {}), ...(this.note.trim() ? { note: this.note.trim() } : {}) };
    this.act(this.api.assess(this.id(), body as Parameters<RiskCasesApi['assess']>[1]), { key: 'assess.done' });
  }

  protected draft(): void {
    const id = this.criterionId.trim();
    this.act(this.api.draftCriterion(this.id(), { id }), { key: 'riskCase.draftDone' }, (res) => {
      const d = res as { criterion: { id: string; version: number } };
      this.drafted.set({ id: d.criterion.id, version: d.criterion.version });
    });
  }

  protected retire(criterionId: string): void {
    this.act(this.api.retire(this.id(), criterionId), { key: 'riskCase.retireDone', params: { id: criterionId } });
  }

  protected extend(): void {
    this.act(this.api.adjustWindow(this.id(), { action: 'EXTEND', days: Number(this.extendDays) }), { key: 'riskCase.extended', params: { days: this.extendDays } });
  }

  protected endWindow(): void {
    this.act(this.api.adjustWindow(this.id(), { action: 'END' }), { key: 'riskCase.ended' });
  }

  protected close(): void {
    this.act(this.api.close(this.id(), { note: this.closingNote.trim() }), { key: 'riskCase.closed' });
  }

  /** Sends an action, then shows `done` and reloads the case; an API refusal is shown as is. */
  private act(call: Observable<unknown>, done: { key: string; params?: Record<string, unknown> }, then?: (res: unknown) => void): void {
    this.busy.set(true);
    this.actionError.set(null);
    this.notice.set(null);
    call.subscribe({
      next: (res) => {
        this.busy.set(false);
        this.notice.set(done);
        then?.(res);
        this.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.actionError.set(toApiError(err));
      },
    });
  }

  private reload(): void {
    this.api.get(this.id()).subscribe({
      next: (c) => {
        this.rc.set(c);
        const taken = c.criteria.map((k) => k.criterionId);
        if (!this.criterionId || taken.includes(this.criterionId)) this.criterionId = suggestedCriterionId(c, this.auth.user(), taken);
      },
      error: (err: unknown) => this.loadError.set(toApiError(err)),
    });
  }
}
