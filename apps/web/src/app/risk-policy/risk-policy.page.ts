import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { KCS_OFFICE_CODES } from '@customs/domain/kcs-codes';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { POLICY_BOUNDS, checkPolicyFigures, checkPolicyToSave, figuresKey, formFromPolicy, type PolicyField, type PolicyFormValue, type PolicyProblems } from './policy-form';
import { basisRows, cutoffRows, cutoffText, laneMoves, laneRows, shareText, versionCutoffs } from './policy-preview-view';
import { PolicySimulationComponent } from './policy-simulation.component';
import { RiskPolicyApi } from './risk-policy.api';
import type { PolicyVersion, RiskPolicyPreview, RiskPolicyView } from './risk-policy.types';

/**
 * An office's risk policy (`/risk-policy`): the policy in force (figures, author, reason, when,
 * and the RED / YELLOW score cut-offs derived from it), capacity inputs checked in the browser
 * with the API's bounds, a preview of the office's last 28 days decided again under the proposed
 * figures (cut-offs before / after, expected daily selections per lane, lane moves), "Save as new
 * version" with a required reason, what the selection-policy simulator says about the office's
 * exploration and control shares (`PolicySimulationComponent`), and the audited history of every version.
 *
 * Supervisors and officers see their own office; analysts and auditors choose one. Inputs and
 * preview for analysts, supervisors and auditors (the API's preview roles); saving for analysts
 * and supervisors; officers read only. The API enforces all of it again.
 */
@Component({
  selector: 'cr-risk-policy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DatePipe, DecimalPipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ApiErrorComponent, PolicySimulationComponent],
  template: `
    <div class="page">
      <h1>{{ 'policy.title' | translate }}</h1>
      <p class="muted">{{ 'policy.intro' | translate }}</p>

      <div class="row">
        @if (ownOffice) {
          <p data-testid="office">{{ 'policy.officeOwn' | translate: { office: ownOffice } }}</p>
        } @else {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'policy.office' | translate }}</mat-label>
            <mat-select [value]="officeId()" (valueChange)="selectOffice($event)" name="officeId">
              @for (o of officeCodes; track o) { <mat-option [value]="o">{{ o }}</mat-option> }
            </mat-select>
          </mat-form-field>
        }
      </div>
      <cr-api-error [error]="error()" />

      @if (policy(); as p) {
        <section class="card" data-testid="in-force" aria-labelledby="in-force-h">
          <h2 id="in-force-h">
            {{ 'policy.inForce' | translate }}
            @if (p.source === 'OFFICE_POLICY') {
              <span class="version">{{ 'policy.versionN' | translate: { n: p.version } }}</span>
            } @else {
              <span class="version">{{ 'policy.globalDefault' | translate }}</span>
            }
          </h2>
          @if (p.source === 'OFFICE_POLICY') {
            <p class="small" data-testid="in-force-by">
              {{ 'policy.writtenBy' | translate: { who: p.createdBy, when: (p.createdAt | date: 'yyyy-MM-dd HH:mm') } }} —
              <q>{{ p.reason }}</q>
            </p>
          } @else {
            <p class="small muted">{{ 'policy.globalDefaultNote' | translate }}</p>
          }
          <dl class="figures">
            @for (f of perDayFigures(p); track f.label) {
              <div>
                <dt>{{ f.label | translate }}</dt>
                <dd>
                  @if (f.value === null) { — } @else { {{ num(f.value) }} <span class="unit">{{ 'policy.unitPerDay' | translate }}</span> }
                  @if (f.source) { <span class="tag">{{ 'policy.source.' + f.source | translate }}</span> }
                </dd>
              </div>
            }
            <div><dt>{{ 'policy.control' | translate }}</dt><dd>{{ share(p.controlShare) }}</dd></div>
            <div><dt>{{ 'policy.exploration' | translate }}</dt><dd>{{ share(p.explorationShare) }}</dd></div>
            <div><dt>{{ 'policy.redCutoff' | translate }}</dt><dd data-testid="in-force-red"><span class="lane lane-RED">{{ 'lane.RED' | translate }}</span> {{ cutoff(p.inForce.red) }}</dd></div>
            <div><dt>{{ 'policy.yellowCutoff' | translate }}</dt><dd data-testid="in-force-yellow"><span class="lane lane-YELLOW">{{ 'lane.YELLOW' | translate }}</span> {{ cutoff(p.inForce.yellow) }}</dd></div>
            <div><dt>{{ 'policy.topShares' | translate }}</dt><dd>{{ 'lane.RED' | translate }} {{ share(p.inForce.redTopShare) }} · {{ 'lane.YELLOW' | translate }} {{ share(p.inForce.yellowTopShare) }}</dd></div>
          </dl>
          @if (p.inForce.expectedDailySelections; as e) {
            <p class="small">{{ 'policy.expectedSelections' | translate: { red: (e.red | number: '1.0-1'), yellow: (e.yellow | number: '1.0-1'), control: (e.control | number: '1.0-1'), exploration: (e.exploration | number: '1.0-1') } }}</p>
          }
          <p class="small muted">{{ 'policy.model' | translate: { model: p.inForce.model.name + ' ' + p.inForce.model.version } }}</p>
          @for (n of p.inForce.notes; track $index) { <p class="small note" lang="en">{{ n }}</p> }
        </section>
      } @else if (!error()) {
        <p class="muted">{{ 'common.loading' | translate }}</p>
      }

      @if (canPreview && policy()) {
        <section class="card" aria-labelledby="change-h">
          <h2 id="change-h">{{ 'policy.change' | translate }}</h2>
          <form (ngSubmit)="runPreview()" [attr.aria-label]="'policy.change' | translate" novalidate>
            <div class="inputs">
              @for (f of figureFields; track f.field) {
                <div class="field">
                  <mat-form-field appearance="outline" subscriptSizing="dynamic" floatLabel="always">
                    <mat-label>{{ f.label | translate }}</mat-label>
                    <input matInput type="number" [name]="f.field" [(ngModel)]="form[f.field]" [min]="f.min" [max]="f.max ?? null" [step]="f.step"
                      [attr.aria-invalid]="problems()[f.field] ? true : null" (ngModelChange)="edited()" />
                    <span matTextSuffix class="unit">{{ f.unit | translate }}</span>
                  </mat-form-field>
                  @if (problems()[f.field]; as pr) {
                    <div class="field-error" role="alert">{{ pr.key | translate: pr.params }}</div>
                  } @else if (f.hint) {
                    <div class="hint">{{ f.hint | translate }}</div>
                  }
                </div>
              }
            </div>
            <div class="row actions">
              <button mat-stroked-button type="submit" [disabled]="busy()">{{ 'policy.preview' | translate }}</button>
            </div>
          </form>
          <cr-api-error [error]="previewError()" />

          @if (preview(); as pv) {
            <div data-testid="preview" class="preview">
              @if (stale()) { <p class="note" role="status">{{ 'policy.previewStale' | translate }}</p> }
              <p>{{ 'policy.previewBasis' | translate: { n: pv.decisions, days: pv.days, model: pv.model.name + ' ' + pv.model.version } }}
                @if (pv.skipped) { {{ 'policy.previewSkipped' | translate: { n: pv.skipped } }} }
              </p>
              <div class="tables">
                <table class="plain" data-testid="preview-cutoffs" aria-labelledby="cut-h">
                  <caption id="cut-h">{{ 'policy.cutoffs' | translate }}</caption>
                  <thead><tr><th scope="col"></th><th scope="col" class="num">{{ 'policy.current' | translate }}</th><th scope="col" class="num">{{ 'policy.proposed' | translate }}</th></tr></thead>
                  <tbody>
                    @for (r of cutoffs(); track r.key) {
                      <tr [class.changed]="r.changed" [attr.data-cut]="r.key">
                        <th scope="row">{{ 'policy.cut.' + r.key | translate }}</th>
                        <td class="num">{{ r.current ?? ('policy.none' | translate) }}</td>
                        <td class="num">{{ r.proposed ?? ('policy.none' | translate) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
                <table class="plain" data-testid="preview-lanes" aria-labelledby="sel-h">
                  <caption id="sel-h">{{ 'policy.expectedDaily' | translate: { days: pv.days } }}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ 'policy.lane' | translate }}</th>
                      <th scope="col" class="num">{{ 'policy.current' | translate }}</th>
                      <th scope="col" class="num">{{ 'policy.proposed' | translate }}</th>
                      <th scope="col" class="num">{{ 'policy.changePerDay' | translate }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (r of lanes(); track r.key) {
                      <tr [attr.data-lane]="r.key">
                        <th scope="row"><span class="lane lane-{{ r.key }}">{{ 'lane.' + r.key | translate }}</span></th>
                        <td class="num">{{ r.currentPerDay | number: '1.1-1' }} <span class="muted small">({{ r.current }})</span></td>
                        <td class="num" data-testid="proposed-per-day">{{ r.proposedPerDay | number: '1.1-1' }} <span class="muted small">({{ r.proposed }})</span></td>
                        <td class="num">{{ signed(r.changePerDay) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
                <table class="plain" data-testid="preview-bases" aria-labelledby="basis-h">
                  <caption id="basis-h">{{ 'policy.byBasis' | translate }}</caption>
                  <thead><tr><th scope="col"></th><th scope="col" class="num">{{ 'policy.current' | translate }}</th><th scope="col" class="num">{{ 'policy.proposed' | translate }}</th></tr></thead>
                  <tbody>
                    @for (r of bases(); track r.key) {
                      <tr><th scope="row">{{ 'policy.basis.' + r.key | translate }}</th><td class="num">{{ r.currentPerDay | number: '1.1-1' }}</td><td class="num">{{ r.proposedPerDay | number: '1.1-1' }}</td></tr>
                    }
                  </tbody>
                </table>
                <div data-testid="preview-moves">
                  <h3>{{ 'policy.moves' | translate }}</h3>
                  @if (moves().length) {
                    <p>{{ 'policy.movesCount' | translate: { n: pv.changed } }}</p>
                    <ul class="moves">
                      @for (m of moves(); track m.from + m.to) {
                        <li><span class="lane lane-{{ m.from }}">{{ 'lane.' + m.from | translate }}</span> → <span class="lane lane-{{ m.to }}">{{ 'lane.' + m.to | translate }}</span>
                          {{ 'policy.moveCount' | translate: { n: m.count, perDay: (m.perDay | number: '1.1-1') } }}</li>
                      }
                    </ul>
                  } @else {
                    <p class="muted">{{ 'policy.noMoves' | translate }}</p>
                  }
                </div>
              </div>
              <p class="small muted">{{ 'policy.perDayNote' | translate: { days: pv.days } }}</p>
              @for (n of pv.proposedThresholds.notes; track $index) { <p class="small note" lang="en">{{ n }}</p> }
            </div>
          }

          @if (canWrite) {
            <form class="save" (ngSubmit)="save()" [attr.aria-label]="'policy.save' | translate" novalidate>
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="reason">
                <mat-label>{{ 'policy.reason' | translate }}</mat-label>
                <textarea matInput name="reason" rows="2" [(ngModel)]="form.reason" [maxlength]="reasonMax" [attr.aria-invalid]="problems().reason ? true : null"></textarea>
              </mat-form-field>
              @if (problems().reason; as pr) { <div class="field-error" role="alert">{{ pr.key | translate: pr.params }}</div> }
              <div class="row actions">
                <button mat-flat-button type="submit" [disabled]="busy()">{{ 'policy.save' | translate }}</button>
              </div>
            </form>
            <cr-api-error [error]="saveError()" />
            @if (saved(); as s) {
              <p class="notice" role="status" data-testid="saved">{{ (s.created ? 'policy.savedNew' : 'policy.savedSame') | translate: { n: s.version } }}</p>
            }
          }
        </section>
      }

      <cr-policy-simulation [officeId]="officeId()" />

      <h2 id="history-h">{{ 'policy.history' | translate }}</h2>
      <table class="plain history" aria-labelledby="history-h" data-testid="policy-history">
        <thead>
          <tr>
            <th scope="col" class="num">{{ 'policy.version' | translate }}</th>
            <th scope="col">{{ 'policy.when' | translate }}</th>
            <th scope="col">{{ 'policy.author' | translate }}</th>
            <th scope="col">{{ 'policy.reasonCol' | translate }}</th>
            <th scope="col" class="num">{{ 'policy.capacityCol' | translate }}</th>
            <th scope="col" class="num">{{ 'policy.expectedCol' | translate }}</th>
            <th scope="col" class="num">{{ 'policy.sharesCol' | translate }}</th>
            <th scope="col" class="num">{{ 'policy.cutoffsCol' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (v of history(); track v.version) {
            <tr [attr.data-version]="v.version">
              <td class="num">{{ v.version }}</td>
              <td class="nowrap">{{ v.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td class="nowrap">{{ v.createdBy }}</td>
              <td class="reason-cell">{{ v.reason }}</td>
              <td class="num">{{ v.dailyPhysicalCapacity | number }} / {{ v.dailyDocumentCapacity | number }}</td>
              <td class="num">{{ v.expectedDailyDeclarations | number: '1.0-2' }}<div class="small muted">{{ 'policy.source.' + v.expectedDailyDeclarationsSource | translate }}</div></td>
              <td class="num">{{ share(v.controlShare) }} / {{ share(v.explorationShare) }}</td>
              <td class="num mono">{{ cutoffsOf(v).red }} / {{ cutoffsOf(v).yellow }}<div class="small muted">{{ v.derivedAtWrite.model.name }} {{ v.derivedAtWrite.model.version }}</div></td>
            </tr>
          } @empty {
            <tr><td colspan="8">{{ (historyLoaded() ? 'policy.noHistory' : 'common.loading') | translate }}</td></tr>
          }
        </tbody>
      </table>
      <p class="small muted">{{ 'policy.historyNote' | translate }}</p>
    </div>
  `,
  styles: `
    .card { background: var(--mat-sys-surface-container-low); border-radius: 12px; padding: 4px 16px 16px; margin: 12px 0; }
    .version { font: var(--mat-sys-label-large); margin-left: 8px; padding: 2px 8px; border-radius: 12px; background: var(--mat-sys-secondary-container); }
    .figures { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px 16px; margin: 8px 0; }
    .figures dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .figures dd { margin: 2px 0 0; font: var(--mat-sys-title-small); }
    .unit { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .tag { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: var(--mat-sys-surface-container-high); margin-left: 4px; }
    .inputs { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 12px; }
    .field mat-form-field { width: 100%; }
    .hint { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); margin-top: 2px; }
    .field-error { color: var(--mat-sys-error); font: var(--mat-sys-body-small); margin-top: 2px; }
    .actions { margin-top: 12px; }
    .tables { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px 32px; align-items: start; }
    caption { text-align: left; font: var(--mat-sys-title-small); padding: 4px 0; }
    h3 { font: var(--mat-sys-title-small); margin: 12px 0 4px; }
    .num { text-align: right !important; white-space: nowrap; }
    .nowrap { white-space: nowrap; }
    .small { font-size: 12px; }
    tr.changed td { font-weight: 600; }
    .moves { margin: 4px 0; padding-left: 20px; }
    .moves li { margin: 4px 0; }
    .note { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); padding: 6px 10px; border-radius: 8px; }
    .notice { background: var(--mat-sys-secondary-container); padding: 8px 12px; border-radius: 8px; }
    .save { margin-top: 16px; }
    .reason { width: 100%; }
    /* Headers wrap so that the history fits 1366 px; the figures below them do not. */
    table.history th { white-space: normal; vertical-align: bottom; }
    .reason-cell { overflow-wrap: anywhere; min-width: 200px; }
  `,
})
export class RiskPolicyPage {
  private readonly api = inject(RiskPolicyApi);
  private readonly auth = inject(AuthService);
  private readonly user = this.auth.user();
  /** Officers and supervisors see their own office (the API allows no other). */
  protected readonly ownOffice = this.user && (this.user.role === 'supervisor' || this.user.role === 'local_officer') ? this.user.officeId : null;
  protected readonly officeCodes = KCS_OFFICE_CODES;
  protected readonly officeId = signal<string>(this.ownOffice ?? KCS_OFFICE_CODES[0]);
  /** `POST .../preview` roles. */
  protected readonly canPreview = this.auth.hasRole('cbtc_analyst', 'supervisor', 'auditor');
  /** `PUT` roles. */
  protected readonly canWrite = this.auth.hasRole('cbtc_analyst', 'supervisor');
  protected readonly reasonMax = POLICY_BOUNDS.reason.max;

  /** The capacity inputs: field, label, unit and the DTO's bounds (the browser's spinner follows them; {@link checkPolicyFigures} decides). */
  protected readonly figureFields: ReadonlyArray<{ field: Exclude<PolicyField, 'reason'>; label: string; unit: string; min: number; max?: number; step: number; hint?: string }> = [
    { field: 'dailyPhysicalCapacity', label: 'policy.physical', unit: 'policy.unitPerDay', min: 0, step: 1 },
    { field: 'dailyDocumentCapacity', label: 'policy.document', unit: 'policy.unitPerDay', min: 0, step: 1 },
    { field: 'expectedDailyDeclarations', label: 'policy.expected', unit: 'policy.unitPerDay', min: 0, step: 1, hint: 'policy.expectedHint' },
    { field: 'controlSharePct', label: 'policy.control', unit: 'unit.percent', min: 0, max: POLICY_BOUNDS.controlSharePct.max, step: 0.1 },
    { field: 'explorationSharePct', label: 'policy.exploration', unit: 'unit.percent', min: 0, max: POLICY_BOUNDS.explorationSharePct.max, step: 0.1 },
  ];

  protected form: PolicyFormValue = { dailyPhysicalCapacity: null, dailyDocumentCapacity: null, expectedDailyDeclarations: null, controlSharePct: null, explorationSharePct: null, reason: '' };
  protected readonly policy = signal<RiskPolicyView | null>(null);
  protected readonly history = signal<PolicyVersion[]>([]);
  protected readonly historyLoaded = signal(false);
  protected readonly preview = signal<RiskPolicyPreview | null>(null);
  /** The body the preview on screen was computed for (to say when the inputs changed since). */
  private previewedBody: string | null = null;
  protected readonly stale = signal(false);
  protected readonly problems = signal<PolicyProblems>({});
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly previewError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly saved = signal<{ created: boolean; version: number | null } | null>(null);

  protected readonly cutoffs = computed(() => {
    const p = this.preview();
    return p ? cutoffRows(p.currentThresholds, p.proposedThresholds) : [];
  });
  protected readonly lanes = computed(() => (this.preview() ? laneRows(this.preview()!) : []));
  protected readonly bases = computed(() => (this.preview() ? basisRows(this.preview()!) : []));
  protected readonly moves = computed(() => (this.preview() ? laneMoves(this.preview()!) : []));

  protected readonly cutoffsOf = versionCutoffs;

  constructor() {
    this.load();
  }

  /** The per-day figures of the policy in force (null for the global default), with the expected declarations' source. */
  protected perDayFigures(p: RiskPolicyView): Array<{ label: string; value: number | null; source: string | null }> {
    return [
      { label: 'policy.physical', value: p.dailyPhysicalCapacity, source: null },
      { label: 'policy.document', value: p.dailyDocumentCapacity, source: null },
      { label: 'policy.expected', value: p.expectedDailyDeclarations, source: p.expectedDailyDeclarationsSource },
    ];
  }
  /** A per-day figure with at most two decimals (a measured mean may have them). */
  protected num(n: number): string {
    return String(Number(n.toFixed(2)));
  }
  protected share(s: number): string {
    return shareText(s);
  }
  protected cutoff(score: number): string {
    return cutoffText(score) ?? '—';
  }
  protected signed(n: number): string {
    return n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1);
  }

  protected selectOffice(officeId: string): void {
    this.officeId.set(officeId);
    this.load();
  }

  /** Marks the preview on screen stale once the figures differ from those it was computed for. */
  protected edited(): void {
    this.stale.set(this.previewedBody !== null && figuresKey(this.form) !== this.previewedBody);
  }

  /** Checks the figures in the browser, then asks the API what they would have done over the last 28 days. */
  protected runPreview(): void {
    const { body, problems } = checkPolicyFigures(this.form);
    this.problems.set(problems);
    this.previewError.set(null);
    if (!body) return;
    // The key of what is sent, not of what the form holds when the answer comes.
    const key = figuresKey(this.form);
    this.busy.set(true);
    this.api.preview(this.officeId(), body).subscribe({
      next: (p) => {
        this.preview.set(p);
        this.previewedBody = key;
        this.stale.set(false);
        this.busy.set(false);
      },
      error: (err) => {
        this.previewError.set(toApiError(err));
        this.busy.set(false);
      },
    });
  }

  /** Checks figures and reason, writes a new version, then shows it in force and re-reads the history. */
  protected save(): void {
    const { body, problems } = checkPolicyToSave(this.form);
    this.problems.set(problems);
    this.saveError.set(null);
    this.saved.set(null);
    if (!body) return;
    this.busy.set(true);
    this.api.put(this.officeId(), body).subscribe({
      next: (w) => {
        this.busy.set(false);
        this.saved.set({ created: w.created, version: w.version });
        this.policy.set(w);
        this.form = formFromPolicy(w);
        this.preview.set(null);
        this.previewedBody = null;
        this.stale.set(false);
        this.loadHistory();
      },
      error: (err) => {
        this.saveError.set(toApiError(err));
        this.busy.set(false);
      },
    });
  }

  private load(): void {
    const officeId = this.officeId();
    this.error.set(null);
    this.policy.set(null);
    this.preview.set(null);
    this.previewedBody = null;
    this.saved.set(null);
    this.problems.set({});
    this.api.get(officeId).subscribe({
      next: (p) => {
        if (p.officeId !== this.officeId()) return;
        this.policy.set(p);
        this.form = formFromPolicy(p);
      },
      error: (err) => this.error.set(toApiError(err)),
    });
    this.loadHistory();
  }

  private loadHistory(): void {
    const officeId = this.officeId();
    this.historyLoaded.set(false);
    this.api.history(officeId).subscribe({
      next: (h) => {
        if (h.officeId !== this.officeId()) return;
        this.history.set(h.versions);
        this.historyLoaded.set(true);
      },
      error: (err) => {
        this.history.set([]);
        this.historyLoaded.set(true);
        this.error.set(toApiError(err));
      },
    });
  }
}
