import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { KCS_OFFICE_CODES } from '@customs/domain/kcs-codes';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { PassengerReasonsComponent } from './passenger-reasons.component';
import {
  MAX_QUEUE_LIMIT,
  QUEUE_LIMIT,
  bookingPhrases,
  caseLink,
  caseStatusKey,
  countedKey,
  decisionChain,
  fullName,
  isMasked,
  paymentKey,
  queueOffice,
  routeText,
  stageKey,
  type ChainStep,
  type Phrase,
} from './passenger-view';
import { PassengersApi } from './passengers.api';
import type { PassengerDetail, PassengerQueue, PassengerQueueItem } from './passengers.types';

/** A queue item with what the table shows of it worked out once. */
interface QueueRow {
  item: PassengerQueueItem;
  name: string;
  nameMasked: boolean;
  booking: Phrase[] | null;
  route: string | null;
  statusKey: string | null;
  caseLink: string[] | null;
}

/** The expanded details of one passenger: loading, loaded (with its decision chain), or refused. */
type DetailState = { state: 'loading' } | { state: 'done'; detail: PassengerDetail; chain: ChainStep[] } | { state: 'error'; error: ApiError };

/**
 * The arrival-hall queue of an airport office (`/passengers`): the selected passengers with an
 * open inspection case, riskiest then earliest flight first (`GET /api/passengers/queue`). Each
 * row: lane, flight with date, route and seat, the passenger (name or masked initials,
 * nationality, sex, age band, travel document), why (fired criteria; companion links set apart
 * with the watched person's reason and source), the booking facts when the PNR has come, the
 * stage screened (APIS or APIS + PNR), the case status and a link to the case page (where local
 * officers record the result). A row opens to the passenger's records and every screening
 * (`GET /api/passengers/:id`): the APIS decision and the PNR decision that supersedes it.
 * Names, document numbers and dates of birth are masked by the API for every role but the
 * passenger desk; the banner says which, and that every view is recorded in the audit trail.
 * Analysts and auditors choose the office (`?office=`, default Incheon Airport 40). Not polled:
 * every read is an audit entry, so the list is read again on Refresh only.
 */
@Component({
  selector: 'cr-passengers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NgTemplateOutlet, RouterLink, MatButtonModule, MatFormFieldModule, MatSelectModule, TranslatePipe, ApiErrorComponent, PassengerReasonsComponent],
  template: `
    <div class="page pax">
      <div class="head">
        <h1>{{ 'pax.title' | translate }}@if (shownOffice(); as o) { · {{ 'pax.office' | translate: { office: o } }}}</h1>
        @if (office() !== null) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="office">
            <mat-label>{{ 'pax.officeLabel' | translate }}</mat-label>
            <mat-select [value]="office()" (valueChange)="selectOffice($event)" name="office" data-testid="office-select">
              @for (o of officeCodes; track o) { <mat-option [value]="o">{{ o }}</mat-option> }
            </mat-select>
          </mat-form-field>
        }
        <span class="spacer"></span>
        @if (queue(); as q) {
          <span class="count" role="status" data-testid="pax-count">{{ 'pax.count' | translate: { shown: q.items.length, total: q.total } }}</span>
        }
        <button mat-stroked-button type="button" (click)="load()" [disabled]="loading()">{{ 'common.refresh' | translate }}</button>
      </div>

      @if (queue(); as q) {
        <p class="privacy" [class.unmasked]="!q.masked" data-testid="pax-privacy" [attr.data-masked]="q.masked">
          <span class="privacy-head">{{ 'pax.masked.' + q.masked | translate }}</span>
          <span class="audit-note">{{ 'pax.auditNote' | translate }}</span>
        </p>
      }

      <cr-api-error [error]="error()" />

      <table class="plain queue" [attr.aria-busy]="loading()" data-testid="pax-queue">
        <colgroup>
          <col class="c-lane" /><col class="c-flight" /><col class="c-person" /><col class="c-why" /><col class="c-booking" /><col class="c-case" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{{ 'pax.col.lane' | translate }}</th>
            <th scope="col">{{ 'pax.col.flight' | translate }}</th>
            <th scope="col">{{ 'pax.col.passenger' | translate }}</th>
            <th scope="col">{{ 'pax.col.why' | translate }}</th>
            <th scope="col">{{ 'pax.col.booking' | translate }}</th>
            <th scope="col">{{ 'pax.col.case' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.item.passengerId) {
            <tr class="item" [class.open]="isOpen(r.item.passengerId)" data-testid="pax-row" [attr.data-passenger]="r.item.passengerId" [attr.data-lane]="r.item.lane"
                (click)="toggle(r.item.passengerId, $event)">
              <td><span class="lane lane-{{ r.item.lane }}">{{ 'lane.' + r.item.lane | translate }}</span></td>
              <td class="flight">
                <div class="flight-no">{{ r.item.flightNumber }}</div>
                <div>{{ r.item.flightDate }}</div>
                <div class="route">{{ r.item.departureAirport }} → {{ r.item.arrivalAirport }}</div>
                <div class="muted">{{ 'pax.seat' | translate }} {{ r.item.seat ?? ('common.none' | translate) }}</div>
              </td>
              <td class="person">
                <button type="button" class="expand" [attr.aria-expanded]="isOpen(r.item.passengerId)" [attr.aria-controls]="'pax-detail-' + $index"
                        [attr.aria-label]="(isOpen(r.item.passengerId) ? 'pax.collapse' : 'pax.expand') | translate: { name: r.name }">
                  <span class="chevron" aria-hidden="true">{{ isOpen(r.item.passengerId) ? '▾' : '▸' }}</span>
                  <span class="name" [class.masked]="r.nameMasked" data-testid="pax-name">{{ r.name }}</span>
                </button>
                <div class="facts">{{ r.item.nationality }} · {{ 'pax.sex.' + r.item.sex | translate }} · {{ 'pax.ageBand' | translate: { band: r.item.ageBand } }}</div>
                <div class="doc">
                  {{ 'pax.docType.' + r.item.travelDocument.type | translate }}
                  <span class="mono" [class.masked]="masked(r.item.travelDocument.number)" data-testid="pax-document">{{ r.item.travelDocument.number }}</span>
                  · {{ r.item.travelDocument.issuingCountry }}
                </div>
                <div class="muted">{{ 'pax.born' | translate }} <span [class.masked]="masked(r.item.dateOfBirth)" data-testid="pax-dob">{{ r.item.dateOfBirth }}</span></div>
              </td>
              <td class="why"><cr-passenger-reasons [decision]="r.item" [role]="role()" /></td>
              <td class="booking">
                @if (r.item.booking; as b) {
                  <div><span class="mono">{{ b.bookingReference }}</span> · {{ 'pax.bookedOn' | translate: { date: b.bookingDate } }}</div>
                  <ul class="phrases">
                    @for (p of r.booking; track $index) { <li>{{ p.key | translate: p.params }}</li> }
                  </ul>
                  @if (r.route) { <div class="muted itinerary">{{ r.route }}</div> }
                } @else {
                  <span class="muted">{{ 'pax.noBooking' | translate }}</span>
                }
              </td>
              <td class="case">
                <span class="stage stage-{{ r.item.stage }}" data-testid="pax-stage">{{ stageKey(r.item.stage) | translate }}</span>
                <div>{{ r.statusKey ? (r.statusKey | translate) : r.item.caseStatus }}</div>
                @if (r.caseLink) {
                  <a [routerLink]="r.caseLink" [title]="r.item.caseId" data-testid="case-link">{{ 'pax.openCase' | translate }}</a>
                } @else {
                  <span class="mono case-id">{{ r.item.caseId }}</span>
                }
                <div class="muted">{{ r.item.decidedAt | date: 'MM-dd HH:mm' }}</div>
              </td>
            </tr>
            @if (isOpen(r.item.passengerId)) {
              <tr class="detail" [id]="'pax-detail-' + $index" data-testid="pax-detail" [attr.data-passenger]="r.item.passengerId">
                <td colspan="6">
                  @switch (details()[r.item.passengerId]?.state) {
                    @case ('done') { <ng-container *ngTemplateOutlet="detailView; context: { $implicit: detailOf(r.item.passengerId) }" /> }
                    @case ('error') { <cr-api-error [error]="errorOf(r.item.passengerId)" /> }
                    @default { <p class="muted">{{ 'common.loading' | translate }}</p> }
                  }
                </td>
              </tr>
            }
          } @empty {
            <tr><td colspan="6" class="empty">{{ (loading() ? 'common.loading' : 'pax.empty') | translate }}</td></tr>
          }
        </tbody>
      </table>

      @if (canShowMore()) {
        <button mat-stroked-button type="button" class="more" (click)="showMore()">{{ 'pax.showMore' | translate: { n: maxLimit } }}</button>
      }
    </div>

    <ng-template #detailView let-d>
      @if (d) {
        <div class="detail-grid">
          <section class="chain" [attr.aria-label]="'pax.detail.screenings' | translate">
            <h3>{{ 'pax.detail.screenings' | translate }}</h3>
            <ol class="steps" data-testid="pax-decisions">
              @for (s of d.chain; track s.decision.decisionId) {
                <li class="step" [class.current]="s.current" [class.superseded]="!s.current" data-testid="pax-decision" [attr.data-stage]="s.decision.stage">
                  <div class="step-head">
                    <span class="stage stage-{{ s.decision.stage }}">{{ stageKey(s.decision.stage) | translate }}</span>
                    <span class="lane lane-{{ s.decision.lane }}">{{ 'lane.' + s.decision.lane | translate }}</span>
                    <strong>{{ 'pax.outcome.' + s.decision.outcome | translate }}</strong>
                    <span class="muted">{{ s.decision.decidedAt | date: 'yyyy-MM-dd HH:mm:ss' }}</span>
                    @if (s.current) { <span class="badge in-force">{{ 'pax.detail.inForce' | translate }}</span> }
                  </div>
                  <cr-passenger-reasons [decision]="s.decision" [role]="role()" />
                  <div class="ids">
                    <span>{{ 'pax.detail.decision' | translate }} <span class="mono">{{ s.decision.decisionId }}</span></span>
                    @if (s.decision.supersedes) { <span data-testid="supersedes">{{ 'pax.detail.supersedes' | translate }} <span class="mono">{{ s.decision.supersedes }}</span></span> }
                    @if (s.supersededBy) { <span>{{ 'pax.detail.supersededBy' | translate }} <span class="mono">{{ s.supersededBy }}</span></span> }
                  </div>
                </li>
              } @empty {
                <li class="muted">{{ 'pax.detail.noScreening' | translate }}</li>
              }
            </ol>
          </section>
          <section class="records">
            <h3>{{ 'pax.detail.apis' | translate }}</h3>
            <dl>
              <div><dt>{{ 'pax.col.passenger' | translate }}</dt><dd [class.masked]="masked(d.detail.apis.surname)">{{ name(d.detail.apis) }}</dd></div>
              <div><dt>{{ 'pax.born' | translate }}</dt><dd>{{ d.detail.apis.dateOfBirth }} · {{ 'pax.sex.' + d.detail.apis.sex | translate }} · {{ d.detail.apis.nationality }}</dd></div>
              <div><dt>{{ 'pax.document' | translate }}</dt><dd>{{ 'pax.docType.' + d.detail.apis.travelDocument.type | translate }} <span class="mono">{{ d.detail.apis.travelDocument.number }}</span> · {{ d.detail.apis.travelDocument.issuingCountry }} · {{ 'pax.expires' | translate: { date: d.detail.apis.travelDocument.expiry } }}</dd></div>
              <div><dt>{{ 'pax.col.flight' | translate }}</dt><dd>{{ d.detail.apis.flightNumber }} {{ d.detail.apis.flightDate }} · {{ d.detail.apis.departureAirport }} → {{ d.detail.apis.arrivalAirport }} · {{ 'pax.seat' | translate }} {{ d.detail.apis.seat ?? ('common.none' | translate) }}</dd></div>
              <div><dt>{{ 'pax.detail.passengerId' | translate }}</dt><dd class="mono">{{ d.detail.passengerId }}</dd></div>
              <div><dt>{{ 'pax.col.case' | translate }}</dt><dd class="mono">{{ d.detail.caseId ?? ('common.none' | translate) }}</dd></div>
            </dl>
            <h3>{{ 'pax.detail.pnr' | translate }}</h3>
            @if (d.detail.pnr; as p) {
              @if (d.detail.pnrDepersonalised) { <p class="note" data-testid="pnr-depersonalised">{{ 'pax.detail.depersonalised' | translate }}</p> }
              <dl>
                <div><dt>{{ 'pax.detail.booking' | translate }}</dt><dd><span class="mono">{{ p.bookingReference }}</span> · {{ 'pax.bookedOn' | translate: { date: p.bookingDate } }} · {{ paymentKey(p.formOfPayment) | translate }}</dd></div>
                <div><dt>{{ 'pax.detail.travellers' | translate }}</dt>
                  <dd><ul class="plain-list">@for (t of p.passengers; track $index) { <li>{{ name(t) }} @if (t.travelDocumentNumber) { <span class="mono">{{ t.travelDocumentNumber }}</span> }</li> }</ul></dd></div>
                <div><dt>{{ 'pax.detail.itinerary' | translate }}</dt>
                  <dd><ul class="plain-list">@for (s of p.itinerary; track $index) { <li>{{ s.flightNumber }} {{ s.departureDate }} · {{ s.from }} ({{ s.fromCountry }}) → {{ s.to }} ({{ s.toCountry }})</li> }</ul></dd></div>
                <div><dt>{{ 'pax.detail.stay' | translate }}</dt><dd>{{ p.lengthOfStayDays === null ? ('pax.booking.oneWay' | translate) : (counted('pax.booking.stay', p.lengthOfStayDays) | translate: { n: p.lengthOfStayDays }) }} · {{ counted('pax.booking.bags', p.bags) | translate: { n: p.bags } }}</dd></div>
              </dl>
            } @else {
              <p class="muted">{{ 'pax.noBooking' | translate }}</p>
            }
          </section>
        </div>
      }
    </ng-template>
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-bottom: 8px; }
    .head h1 { margin: 4px 0 !important; }
    .office { width: 140px; }
    .count { font: var(--mat-sys-title-small); white-space: nowrap; }
    .privacy { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; margin: 0 0 8px; padding: 8px 12px; border-radius: 8px;
               background: var(--mat-sys-surface-container); border-left: 4px solid var(--mat-sys-outline); }
    .privacy.unmasked { background: #fff6d6; border-left-color: #c99700; }
    .privacy-head { font: var(--mat-sys-title-small); }
    .audit-note { color: var(--mat-sys-on-surface-variant); }

    table.queue { table-layout: fixed; width: 100%; }
    .c-lane { width: 96px; }
    .c-flight { width: 132px; }
    .c-person { width: 208px; }
    .c-booking { width: 212px; }
    .c-case { width: 144px; }
    table.queue td { overflow-wrap: anywhere; }
    table.queue th { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    tr.item { cursor: pointer; }
    tr.item:hover td { background: var(--mat-sys-surface-container-low); }
    tr.item.open td { background: var(--mat-sys-secondary-container); border-bottom-color: transparent; }
    .lane { min-width: 0; }
    .flight-no, .route { font-weight: 600; }
    .expand { display: flex; align-items: baseline; gap: 4px; max-width: 100%; padding: 0; border: none; background: none; font: inherit; color: inherit; text-align: left; cursor: pointer; }
    .chevron { flex: 0 0 auto; width: 12px; color: var(--mat-sys-on-surface-variant); }
    .name { font: var(--mat-sys-title-small); overflow-wrap: anywhere; min-width: 0; }
    .masked { letter-spacing: 0.5px; color: var(--mat-sys-on-surface-variant); }
    .facts, .doc { margin-top: 2px; }
    .phrases { list-style: none; margin: 2px 0; padding: 0; }
    .phrases li { line-height: 18px; }
    .itinerary { font-size: 12px; }
    .stage { display: inline-block; padding: 1px 6px; border-radius: 6px; font: var(--mat-sys-label-medium); background: var(--mat-sys-surface-container-high); }
    .stage-APIS_PNR { background: #dde3ff; color: #0c2a78; }
    .case a { font-weight: 600; }
    .case-id { font-size: 11px; }
    .empty { padding: 16px; }
    .more { margin-top: 12px; }

    tr.detail > td { background: var(--mat-sys-surface-container-low); padding: 8px 16px 16px; }
    .detail-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px 32px; }
    .detail-grid h3 { font: var(--mat-sys-title-small); margin: 8px 0 6px; }
    .steps { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    .step { padding: 8px 12px; border-radius: 8px; border: 1px solid var(--mat-sys-outline-variant); background: var(--mat-sys-surface); }
    .step.superseded { opacity: 0.8; border-style: dashed; }
    .step.current { border-color: var(--mat-sys-primary); }
    .step-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; margin-bottom: 6px; }
    .in-force { background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); }
    .ids { display: flex; flex-wrap: wrap; gap: 2px 16px; margin-top: 6px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .ids .mono, .records .mono { overflow-wrap: anywhere; }
    .records dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 0; }
    .records dl > div { display: contents; }
    .records dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .records dd { margin: 0; overflow-wrap: anywhere; }
    .plain-list { list-style: none; margin: 0; padding: 0; }
    .note { margin: 0 0 6px; padding: 4px 8px; border-radius: 6px; background: var(--mat-sys-secondary-container); }
    @media (max-width: 1100px) { .detail-grid { grid-template-columns: minmax(0, 1fr); } }
  `,
})
export class PassengersPage {
  private readonly api = inject(PassengersApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly officeCodes = KCS_OFFICE_CODES;
  protected readonly maxLimit = MAX_QUEUE_LIMIT;
  protected readonly stageKey = stageKey;
  protected readonly paymentKey = paymentKey;
  protected readonly masked = isMasked;
  protected readonly name = fullName;
  protected readonly counted = countedKey;

  protected readonly role = computed(() => this.auth.user()?.role ?? null);
  /** The office chosen by an analyst or auditor; null for a user bound to their own office. */
  protected readonly office = signal<string | null>(queueOffice(this.auth.user(), this.route.snapshot.queryParamMap.get('office')));
  private readonly limit = signal(QUEUE_LIMIT);
  protected readonly queue = signal<PassengerQueue | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** The passengers whose row is open. */
  private readonly open = signal<ReadonlySet<string>>(new Set());
  protected readonly details = signal<Readonly<Record<string, DetailState>>>({});
  /** Bumped on every load: an answer for an earlier office or limit is dropped. */
  private generation = 0;

  /** The office in the heading: the answer's, or the one asked for while it loads. */
  protected readonly shownOffice = computed(() => this.queue()?.officeId ?? this.office());
  protected readonly rows = computed<QueueRow[]>(() =>
    (this.queue()?.items ?? []).map((item) => ({
      item,
      name: fullName(item),
      nameMasked: isMasked(item.surname),
      booking: item.booking ? bookingPhrases(item.booking) : null,
      route: item.booking && item.booking.route.length > 2 ? routeText(item.booking.route) : null,
      statusKey: caseStatusKey(item.caseStatus),
      caseLink: caseLink(item.caseId, this.role()),
    })),
  );
  protected readonly canShowMore = computed(() => {
    const q = this.queue();
    return !!q && q.total > q.items.length && this.limit() < MAX_QUEUE_LIMIT;
  });

  constructor() {
    this.load();
  }

  /** Reads the queue again (Refresh, another office, more rows); open rows stay open and their details are read again when reopened. */
  protected load(): void {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    this.api.queue(this.limit(), this.office()).subscribe({
      next: (q) => {
        if (generation !== this.generation) return;
        this.queue.set(q);
        this.loading.set(false);
        this.details.set({});
        for (const id of this.open()) if (q.items.some((i) => i.passengerId === id)) this.loadDetail(id);
      },
      error: (e: unknown) => {
        if (generation !== this.generation) return;
        this.queue.set(null);
        this.loading.set(false);
        this.error.set(toApiError(e));
      },
    });
  }

  /** An analyst or auditor picks an office: the URL keeps it (`?office=`), the queue is read for it. */
  protected selectOffice(office: string): void {
    if (office === this.office()) return;
    this.office.set(office);
    this.open.set(new Set());
    this.limit.set(QUEUE_LIMIT);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { office }, replaceUrl: true });
    this.load();
  }

  protected showMore(): void {
    this.limit.set(MAX_QUEUE_LIMIT);
    this.load();
  }

  protected isOpen(passengerId: string): boolean {
    return this.open().has(passengerId);
  }

  /** Opens or closes a row (a click on a link inside it only follows the link); opening reads the passenger's details. */
  protected toggle(passengerId: string, event: Event): void {
    if ((event.target as HTMLElement | null)?.closest('a')) return;
    const open = new Set(this.open());
    if (open.delete(passengerId)) {
      this.open.set(open);
      return;
    }
    open.add(passengerId);
    this.open.set(open);
    if (this.details()[passengerId]?.state !== 'done') this.loadDetail(passengerId);
  }

  protected detailOf(passengerId: string): { detail: PassengerDetail; chain: ChainStep[] } | null {
    const d = this.details()[passengerId];
    return d?.state === 'done' ? d : null;
  }
  protected errorOf(passengerId: string): ApiError | null {
    const d = this.details()[passengerId];
    return d?.state === 'error' ? d.error : null;
  }

  private loadDetail(passengerId: string): void {
    this.details.update((d) => ({ ...d, [passengerId]: { state: 'loading' } }));
    this.api.detail(passengerId).subscribe({
      next: (detail) => this.details.update((d) => ({ ...d, [passengerId]: { state: 'done', detail, chain: decisionChain(detail.decisions) } })),
      error: (e: unknown) => this.details.update((d) => ({ ...d, [passengerId]: { state: 'error', error: toApiError(e) } })),
    });
  }
}
