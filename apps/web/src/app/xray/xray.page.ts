import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { XrayApi } from './xray.api';
import {
  bringToFront,
  currentItem,
  decide,
  decisionAnswered,
  decisionRefused,
  emptyDeck,
  fetchAnswered,
  fetchFailed,
  fetchLimit,
  fetchStarted,
  needsFetch,
  releaseBlocked,
  restoreAfter,
  type XrayDeck,
} from './xray-deck';
import { DECISION_KEYS, isTextField, keyAction } from './xray-keys';
import { decisionKey, doneKey, outcomeKey, reasonRows, scoreText } from './xray-view';
import type { XrayDecision, XrayItem, XrayQueueState } from './xray.types';

/** How often an empty list is asked again (a new manifest may have arrived), ms. */
const EMPTY_POLL_MS = 15_000;
/** How long the "not releasable" hint is emphasised after R was pressed on such an item, ms. */
const NUDGE_MS = 700;

/**
 * The X-ray interpretation page (`/xray`) of an express logistics centre, built for speed: one
 * house waybill at a time, with its manifest data (waybill, manifest, flight or voyage, arrival,
 * courier, shipper, consignee, goods, quantity, weight, declared value, origin), the selection's
 * flag (no flag / flagged YELLOW / intrusive inspection RED) and its reasons, and the model's risk
 * score. Keys `R` release, `I` send to inspection, `H` hold (`?` key help); the same as buttons.
 * The next items are fetched ahead ({@link XrayDeck}), so the next one shows the moment a decision
 * is taken while the decision is recorded in the background; an item selected for intrusive
 * inspection cannot be released (the API refuses it too). The Held tab lists the held items, to
 * decide later with the same keys. For the centre's officers and supervisors (`PAGE_ROLES.xray`).
 */
@Component({
  selector: 'cr-xray-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, MatButtonModule, MatButtonToggleModule, TranslatePipe, ApiErrorComponent],
  host: { '(document:keydown)': 'onKey($event)' },
  template: `
    <div class="page xray">
      <div class="head">
        <h1>{{ 'xray.title' | translate }}</h1>
        <mat-button-toggle-group hideSingleSelectionIndicator [value]="deck().state" (change)="switchTo($event.value)" [attr.aria-label]="'xray.tabs' | translate">
          <mat-button-toggle value="PENDING" data-testid="tab-pending">{{ 'xray.tab.PENDING' | translate }}</mat-button-toggle>
          <mat-button-toggle value="HELD" data-testid="tab-held">{{ 'xray.tab.HELD' | translate }}</mat-button-toggle>
        </mat-button-toggle-group>
        <span class="counters" data-testid="xray-counters">{{ 'xray.counters' | translate: { pending: deck().pending ?? '…', held: deck().held ?? '…' } }}</span>
        <span class="spacer"></span>
        <button mat-stroked-button type="button" class="keys-btn" (click)="help.set(!help())" [attr.aria-expanded]="help()" aria-controls="xray-help" aria-keyshortcuts="?">
          <kbd>?</kbd> {{ 'xray.keys' | translate }}
        </button>
      </div>

      @if (help()) {
        <section id="xray-help" class="help" data-testid="xray-help" [attr.aria-label]="'xray.help.title' | translate">
          <dl>
            @for (k of keys; track k.key) {
              <div><dt><kbd>{{ k.key }}</kbd></dt><dd>{{ 'xray.help.' + k.decision | translate }}</dd></div>
            }
            <div><dt><kbd>?</kbd></dt><dd>{{ 'xray.help.toggle' | translate }}</dd></div>
            <div><dt><kbd>Esc</kbd></dt><dd>{{ 'xray.help.close' | translate }}</dd></div>
          </dl>
          <p class="muted">{{ 'xray.help.note' | translate }}</p>
        </section>
      }

      <cr-api-error [error]="error()" />

      @for (it of currentAsList(); track it.waybillNumber) {
        <article class="item" data-testid="xray-item" [attr.data-waybill]="it.waybillNumber" [attr.data-outcome]="it.outcome" [attr.aria-label]="('xray.waybill' | translate) + ' ' + it.waybillNumber">
          <div class="top">
            <div class="wb">
              <span class="label">{{ 'xray.waybill' | translate }}</span>
              <span class="wb-number mono" data-testid="waybill-number">{{ it.waybillNumber }}</span>
            </div>
            <dl class="trip">
              <div><dt>{{ 'xray.manifest' | translate }}</dt><dd class="mono">{{ it.manifestId }}</dd></div>
              <div><dt>{{ 'xray.voyage' | translate }}</dt><dd>{{ it.voyage }} <span class="muted">({{ 'xray.mode.' + it.transportMode | translate }})</span></dd></div>
              <div><dt>{{ 'xray.arrival' | translate }}</dt><dd>{{ it.arrivalAt | date: 'yyyy-MM-dd HH:mm' }}</dd></div>
              <div><dt>{{ 'xray.courier' | translate }}</dt><dd>{{ it.waybill.courierId }}</dd></div>
            </dl>
          </div>

          <div class="flag flag-{{ it.outcome }}" data-testid="xray-flag">
            <div class="flag-head">
              <span class="outcome">{{ outcomeKey(it.outcome) | translate }}</span>
              <span class="spacer"></span>
              <span class="score" data-testid="xray-score">{{ 'xray.score' | translate }}
                @if (score(it); as s) { <strong>{{ s }}</strong> } @else { <strong class="no-model">{{ 'xray.noModel' | translate }}</strong> }
              </span>
            </div>
            @if (reasons(); as rs) {
              @if (rs.length) {
                <ul class="reasons" data-testid="xray-reasons">
                  @for (r of rs; track $index) {
                    <li>
                      @if (r.lane) { <span class="lane lane-{{ r.lane }}">{{ 'lane.' + r.lane | translate }}</span> }
                      @if (r.criterion) { <span class="crit mono">{{ r.criterion }}</span> }
                      @if (r.name) { <strong class="crit-name" lang="en">{{ r.name }}</strong> }
                      <span class="reason-text" lang="en">{{ r.text }}</span>
                    </li>
                  }
                </ul>
              } @else {
                <p class="no-reasons">{{ 'xray.noReasons' | translate }}</p>
              }
            }
          </div>

          <div class="body">
            <section class="goods" [attr.aria-label]="'xray.goods' | translate">
              <span class="label">{{ 'xray.goods' | translate }}</span>
              <p class="goods-text" data-testid="goods">{{ it.waybill.goodsDescription }}</p>
              <dl class="figures">
                <div><dt>{{ 'xray.quantity' | translate }}</dt><dd>{{ it.waybill.quantity | number }}</dd></div>
                <div><dt>{{ 'xray.weight' | translate }}</dt><dd>{{ it.waybill.grossWeightKg | number: '1.0-3' }} <span class="unit">{{ 'unit.kg' | translate }}</span></dd></div>
                <div><dt>{{ 'xray.value' | translate }}</dt><dd><span class="unit">USD</span> {{ it.waybill.declaredValueUsd | number: '1.2-2' }}</dd></div>
                <div><dt>{{ 'xray.origin' | translate }}</dt><dd>{{ it.waybill.originCountry }}</dd></div>
              </dl>
            </section>
            <section class="parties">
              <dl>
                <div><dt>{{ 'xray.shipper' | translate }}</dt><dd>{{ it.waybill.shipperName }} <span class="country">{{ it.waybill.shipperCountry }}</span></dd></div>
                <div>
                  <dt>{{ 'xray.consignee' | translate }}</dt>
                  <dd>
                    <div>{{ it.waybill.consigneeName }} <span class="mono muted">{{ it.waybill.consigneeId }}</span></div>
                    <div class="address">{{ it.waybill.consigneeAddress }}</div>
                  </dd>
                </div>
              </dl>
              @if (it.interpretation; as prior) {
                <p class="prior" data-testid="prior">{{ 'xray.priorBy.' + prior.decision | translate: { who: prior.interpretedBy, when: (prior.interpretedAt | date: 'yyyy-MM-dd HH:mm') } }}</p>
              }
            </section>
          </div>
        </article>

        <div class="actions">
          @for (k of keys; track k.key) {
            <button mat-flat-button type="button" class="act act-{{ k.decision }}" [attr.data-decision]="k.decision" [attr.aria-keyshortcuts]="k.key"
                    [disabled]="k.decision === 'RELEASE' && blocked(it)" (click)="take(k.decision)">
              <kbd>{{ k.key }}</kbd> {{ buttonKey(k.decision) | translate }}
            </button>
          }
          @if (blocked(it)) {
            <p class="hint" [class.nudge]="nudge()" data-testid="release-blocked">{{ 'xray.releaseBlocked' | translate }}</p>
          }
        </div>
      } @empty {
        @if (loaded()) {
          <div class="empty" data-testid="xray-empty">
            <p>{{ 'xray.empty.' + deck().state | translate }}</p>
            <p class="muted">{{ 'xray.emptyNote' | translate }}</p>
            <button mat-stroked-button type="button" (click)="fetch(true)">{{ 'common.refresh' | translate }}</button>
          </div>
        } @else if (!error()) {
          <p class="muted">{{ 'common.loading' | translate }}</p>
        }
      }

      <p class="done" role="status" aria-live="polite" data-testid="xray-done">
        @if (last(); as l) {
          <span class="tick" aria-hidden="true">✓</span> {{ l.key | translate: { waybill: l.waybill } }}
          @if (l.caseId) { · {{ 'xray.caseOpened' | translate: { caseId: l.caseId } }} }
        }
      </p>

      @if (deck().state === 'HELD' && deck().items.length) {
        <section class="held" data-testid="held-list" aria-labelledby="held-h">
          <h2 id="held-h">{{ 'xray.heldList' | translate: { count: deck().items.length } }}</h2>
          <table class="plain">
            <thead>
              <tr>
                <th scope="col">{{ 'xray.waybill' | translate }}</th>
                <th scope="col">{{ 'xray.goods' | translate }}</th>
                <th scope="col">{{ 'xray.flag' | translate }}</th>
                <th scope="col">{{ 'xray.heldByCol' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (h of deck().items; track h.waybillNumber; let first = $first) {
                <tr [class.current]="first" [attr.data-waybill]="h.waybillNumber" [attr.aria-current]="first ? 'true' : null">
                  <td class="nowrap"><button type="button" class="linkish mono" (click)="show(h.waybillNumber)">{{ h.waybillNumber }}</button></td>
                  <td class="goods-cell">{{ h.waybill.goodsDescription }}</td>
                  <td class="nowrap"><span class="lane lane-{{ h.lane }}">{{ outcomeKey(h.outcome) | translate }}</span></td>
                  <td class="nowrap">@if (h.interpretation; as p) { {{ p.interpretedBy }} · {{ p.interpretedAt | date: 'yyyy-MM-dd HH:mm' }} }</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }
    </div>
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-bottom: 8px; }
    .head h1 { margin: 4px 0 !important; }
    .counters { font: var(--mat-sys-title-small); white-space: nowrap; }
    kbd { display: inline-block; min-width: 1.4em; padding: 0 5px; border: 1px solid currentColor; border-bottom-width: 2px; border-radius: 4px; font: 600 12px/18px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; text-align: center; }
    .help { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 8px 16px; margin-bottom: 8px; background: var(--mat-sys-surface-container-low); }
    .help dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 4px 24px; margin: 4px 0; }
    .help dl > div { display: flex; gap: 8px; align-items: baseline; }
    .help dt { flex: 0 0 44px; }
    .help dd { margin: 0; }
    .help p { margin: 4px 0; }

    .item { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; overflow: hidden; background: var(--mat-sys-surface); animation: appear 120ms ease-out; }
    @keyframes appear { from { opacity: 0.35; } to { opacity: 1; } }
    .label, dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .top { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 32px; padding: 10px 16px; }
    .wb { display: flex; flex-direction: column; }
    .wb-number { font-size: 26px; font-weight: 700; line-height: 32px; letter-spacing: 0.5px; }
    .trip { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0; min-width: 0; }
    .trip dd { font: var(--mat-sys-body-large); }

    .flag { padding: 10px 16px; border-top: 1px solid var(--mat-sys-outline-variant); border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .flag-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; }
    .outcome { font: 700 20px/28px system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.4px; padding: 2px 12px; border-radius: 8px; }
    .score { font: var(--mat-sys-title-small); white-space: nowrap; }
    .score strong { font-size: 22px; margin-left: 4px; }
    .score .no-model { font-size: 16px; font-weight: 600; color: var(--mat-sys-on-surface-variant); }
    .flag-RELEASE { background: var(--mat-sys-surface-container-low); }
    .flag-RELEASE .outcome { background: #d4f5dc; color: #0a5223; }
    .flag-XRAY_FLAGGED { background: #fff6d6; border-left: 8px solid #c99700; }
    .flag-XRAY_FLAGGED .outcome { background: #ffd54f; color: #3d2c00; }
    .flag-INTRUSIVE_INSPECTION { background: #ffe9e6; border-left: 8px solid #93000a; }
    .flag-INTRUSIVE_INSPECTION .outcome { background: #93000a; color: #fff; }
    .reasons { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
    .reasons li { font: var(--mat-sys-body-large); overflow-wrap: anywhere; }
    .reasons .lane { margin-right: 6px; }
    .crit { margin-right: 6px; color: var(--mat-sys-on-surface-variant); }
    .crit-name { margin-right: 6px; }
    .crit-name::after { content: ':'; }
    .no-reasons { margin: 6px 0 0; color: var(--mat-sys-on-surface-variant); }

    .body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px 32px; padding: 12px 16px 14px; }
    .goods-text { font: 600 26px/34px system-ui, "Noto Sans KR", sans-serif; margin: 2px 0 12px; overflow-wrap: anywhere; white-space: pre-wrap; }
    .figures { display: grid; grid-template-columns: repeat(4, minmax(0, auto)); justify-content: start; gap: 4px 36px; margin: 0; }
    .figures dd { font: 600 20px/28px system-ui, sans-serif; white-space: nowrap; }
    .unit { font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
    .parties dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 8px 16px; margin: 4px 0 0; }
    .parties dl > div { display: contents; }
    .parties dd { font: var(--mat-sys-body-large); }
    .country { display: inline-block; margin-left: 4px; padding: 0 6px; border-radius: 6px; background: var(--mat-sys-surface-container-high); font: var(--mat-sys-label-large); }
    .address { margin-top: 2px; }
    .prior { margin: 12px 0 0; padding: 6px 10px; border-radius: 8px; background: var(--mat-sys-secondary-container); }

    .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-top: 12px; }
    .act { height: 48px; padding: 0 20px; font-size: 16px; }
    .act kbd { margin-right: 8px; }
    .act-RELEASE { --mat-button-filled-container-color: #1b6b34; --mat-button-filled-label-text-color: #fff; }
    .act-INSPECT { --mat-button-filled-container-color: #93000a; --mat-button-filled-label-text-color: #fff; }
    .act-HOLD { --mat-button-filled-container-color: var(--mat-sys-secondary-container); --mat-button-filled-label-text-color: var(--mat-sys-on-secondary-container); }
    .hint { margin: 0; padding: 6px 10px; border-radius: 8px; color: #93000a; background: #ffe9e6; font: var(--mat-sys-title-small); min-width: 0; }
    .hint.nudge { outline: 3px solid #93000a; animation: nudge 0.35s ease-in-out; }
    @keyframes nudge { 0%, 100% { transform: translateX(0); } 25% { transform: translateX(-6px); } 75% { transform: translateX(6px); } }
    .done { min-height: 24px; margin: 10px 0 0; font: var(--mat-sys-body-large); }
    .tick { color: #1b6b34; font-weight: 700; }
    .empty { padding: 24px 16px; border: 1px dashed var(--mat-sys-outline-variant); border-radius: 12px; }
    .empty p:first-child { font: var(--mat-sys-title-medium); margin-top: 0; }

    .held h2 { margin-top: 16px; }
    .held tr.current td { background: var(--mat-sys-secondary-container); }
    .goods-cell { overflow-wrap: anywhere; }
    .nowrap { white-space: nowrap; }
    .linkish { background: none; border: none; padding: 0; color: var(--mat-sys-primary); text-decoration: underline; cursor: pointer; }
    @media (max-width: 900px) { .body { grid-template-columns: minmax(0, 1fr); } .figures { grid-template-columns: repeat(2, minmax(0, auto)); } }
  `,
})
export class XrayPage {
  private readonly api = inject(XrayApi);
  protected readonly keys = DECISION_KEYS;
  protected readonly outcomeKey = outcomeKey;
  protected readonly blocked = releaseBlocked;

  protected readonly deck = signal<XrayDeck>(emptyDeck('PENDING'));
  /** The item on screen, as a list of at most one (`@for` re-creates the card per waybill, so its entry animation marks the change). */
  protected readonly currentAsList = computed(() => {
    const it = currentItem(this.deck());
    return it ? [it] : [];
  });
  protected readonly reasons = computed(() => {
    const it = currentItem(this.deck());
    return it ? reasonRows(it) : [];
  });
  /** The first answer of the list on screen has come. */
  protected readonly loaded = computed(() => this.deck().pending !== null && !this.deck().fetching);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly help = signal(false);
  protected readonly nudge = signal(false);
  /** The confirmation line of the last decision: its i18n key, waybill, and the inspection case it opened. */
  protected readonly last = signal<{ key: string; waybill: string; caseId: string | null } | null>(null);
  /** Bumped when the tab changes: answers for the list left behind touch nothing but the in-flight count. */
  private generation = 0;
  private nudgeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.fetch(true);
    const poll = setInterval(() => {
      if (!currentItem(this.deck())) this.fetch(true);
    }, EMPTY_POLL_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(poll);
      clearTimeout(this.nudgeTimer);
    });
  }

  protected score(it: XrayItem): string | null {
    return scoreText(it.riskScore);
  }

  /** The button label: on the Held list, H keeps the item held. */
  protected buttonKey(decision: XrayDecision): string {
    return decision === 'HOLD' && this.deck().state === 'HELD' ? 'xray.holdAgain' : decisionKey(decision);
  }

  /** The page's keys (see {@link keyAction}); a key it uses does nothing else. */
  protected onKey(e: KeyboardEvent): void {
    const action = keyAction(e, isTextField(e.target as HTMLElement | null));
    if (!action) return;
    if (action.kind === 'closeHelp') {
      if (this.help()) this.help.set(false);
      return;
    }
    e.preventDefault();
    if (action.kind === 'toggleHelp') this.help.set(!this.help());
    else this.take(action.decision);
  }

  /**
   * Decides the item on screen: the next one shows at once and the decision is sent; a refusal
   * shows the API's error and (after a failure to reach it) brings the item back. RELEASE of an
   * item selected for intrusive inspection only emphasises the hint.
   */
  protected take(decision: XrayDecision): void {
    const before = this.deck();
    const local = decide(before, decision);
    if (!local) {
      const it = currentItem(before);
      if (it && releaseBlocked(it)) this.flashHint();
      return;
    }
    this.deck.set(local.deck);
    this.error.set(null);
    const heldAgain = !local.send;
    this.last.set({ key: heldAgain ? 'xray.done.HOLD_AGAIN' : doneKey(decision), waybill: local.item.waybillNumber, caseId: null });
    if (!local.send) return;
    const generation = this.generation;
    this.api.interpret(local.item.waybillNumber, decision).subscribe({
      next: (r) => {
        this.deck.set(decisionAnswered(this.deck()));
        const l = this.last();
        if (r.caseId && l?.waybill === local.item.waybillNumber) this.last.set({ ...l, caseId: r.caseId });
        this.fetch();
      },
      error: (e: unknown) => {
        const err = toApiError(e);
        this.deck.set(generation === this.generation ? decisionRefused(this.deck(), local, restoreAfter(err.status)) : decisionAnswered(this.deck()));
        if (this.last()?.waybill === local.item.waybillNumber) this.last.set(null);
        this.error.set(err);
        this.fetch();
      },
    });
  }

  /**
   * Fetches the list when the deck is running low ({@link needsFetch}); `force` also when the last
   * answer was the end of the list (first load, refresh, the poll of an empty list).
   */
  protected fetch(force = false): void {
    const d = this.deck();
    if (!needsFetch(d, force)) return;
    const limit = fetchLimit(d);
    const generation = this.generation;
    this.deck.set(fetchStarted(d));
    this.api.queue(d.state, limit).subscribe({
      next: (q) => {
        if (generation !== this.generation) return;
        this.deck.set(fetchAnswered(this.deck(), q, limit));
        if (this.error()?.status === 0) this.error.set(null);
        this.fetch();
      },
      error: (e: unknown) => {
        if (generation !== this.generation) return;
        this.deck.set(fetchFailed(this.deck()));
        this.error.set(toApiError(e));
      },
    });
  }

  /** Shows the pending or the held list, loaded afresh (decisions still on their way keep the refill waiting). */
  protected switchTo(state: XrayQueueState): void {
    if (state === this.deck().state) return;
    this.generation += 1;
    this.deck.set({ ...emptyDeck(state), inFlight: this.deck().inFlight });
    this.error.set(null);
    this.last.set(null);
    this.fetch(true);
  }

  /** Makes a held item current (picked from the held list). */
  protected show(waybillNumber: string): void {
    this.deck.set(bringToFront(this.deck(), waybillNumber));
  }

  private flashHint(): void {
    this.nudge.set(false);
    clearTimeout(this.nudgeTimer);
    // Re-set on the next task so the animation runs again on every refused press.
    this.nudgeTimer = setTimeout(() => {
      this.nudge.set(true);
      this.nudgeTimer = setTimeout(() => this.nudge.set(false), NUDGE_MS);
    });
  }
}
