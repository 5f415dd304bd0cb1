import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { PartiesApi } from './parties.api';
import { PartyGraphComponent } from './party-graph.component';
import { BAND_COLOURS, RISK_BANDS, partyLink, reasonText, riskBand, todayUtc } from './party-view';
import type { PartyView } from './party.types';

/**
 * The party page (`/parties/:partyKey?asOf=`), for analysts, supervisors and auditors: a
 * declarant, importer, seller or courier of the party network as of a date (default today) -
 * its propagated seizure risk with the reasons (`GET /api/parties/:partyKey`), its neighbourhood
 * drawn (cytoscape.js, `PartyGraphComponent`) and the seized parties within 2 hops as a table.
 * Only declarations dated, and seizures known, strictly before the date count. Linked from the
 * decision trace (each party of the declaration).
 */
@Component({
  selector: 'cr-party-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ApiErrorComponent, PartyGraphComponent],
  template: `
    <div class="page party">
      <header class="head">
        <h1>
          {{ 'party.title' | translate }}
          @if (key(); as k) { <span class="mono key" data-testid="party-key">{{ k }}</span> }
        </h1>
        <form class="as-of" (ngSubmit)="applyAsOf()">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'party.asOf' | translate }}</mat-label>
            <input matInput type="date" name="asOf" [(ngModel)]="asOfInput" data-testid="party-as-of" />
          </mat-form-field>
          <button mat-stroked-button type="submit">{{ 'party.show' | translate }}</button>
        </form>
      </header>
      <p class="muted lead">{{ 'party.lead' | translate }}</p>

      <cr-api-error [error]="error()" />
      @if (loading()) { <p class="muted">{{ 'common.loading' | translate }}</p> }

      @if (view(); as v) {
        <section class="summary" data-testid="party-summary">
          <div class="score-card band-{{ band(v.score) }}">
            <span class="label">{{ 'party.score' | translate }}</span>
            <strong class="score" data-testid="party-score">{{ v.score | number: '1.3-3' }}</strong>
            <span class="band">{{ 'party.band.' + band(v.score) | translate }}</span>
          </div>
          <dl class="facts">
            <div><dt>{{ 'party.roleLabel' | translate }}</dt><dd>{{ 'party.role.' + v.party.role | translate }} <span class="mono">{{ v.party.id }}</span></dd></div>
            <div><dt>{{ 'party.asOf' | translate }}</dt><dd>{{ v.asOf }}</dd></div>
            <div><dt>{{ 'party.ownSeizures' | translate }}</dt><dd>{{ v.seizures }}</dd></div>
            <div><dt>{{ 'party.nearest' | translate }}</dt><dd>{{ v.hopsToNearestSeizure === null ? ('party.none' | translate) : v.hopsToNearestSeizure === 0 ? ('party.itself' | translate) : ('party.hops' | translate: { n: v.hopsToNearestSeizure }) }}</dd></div>
            <div><dt>{{ 'party.counterparties' | translate }}</dt><dd>{{ v.counterparties }}</dd></div>
            <div><dt>{{ 'party.network' | translate }}</dt><dd>{{ 'party.networkSize' | translate: v.network }}</dd></div>
          </dl>
        </section>

        <section class="why" data-testid="party-why">
          <h2>{{ 'party.why' | translate }}</h2>
          <ul>
            @for (r of v.reasons; track $index) {
              @let t = reason(r);
              <li [attr.data-code]="r.code" [title]="r.text">{{ t.key | translate: t.params }}</li>
            }
          </ul>
        </section>

        <div class="grid">
          <section class="network">
            <h2>{{ 'party.neighbourhood' | translate }}</h2>
            @if (v.neighbourhood.nodes.length > 0) {
              <cr-party-graph [view]="v" [label]="'party.graphLabel' | translate: { n: v.neighbourhood.nodes.length }" />
              <div class="legend" aria-hidden="true">
                @for (b of bands; track b) { <span class="swatch"><i [style.background]="colours[b]"></i>{{ 'party.band.' + b | translate }}</span> }
                <span class="swatch"><i class="diamond"></i>{{ 'party.seizedMark' | translate }}</span>
              </div>
              @if (v.neighbourhood.truncated) {
                <p class="muted" data-testid="party-truncated">{{ 'party.truncated' | translate: { shown: v.neighbourhood.nodes.length - 1, total: v.neighbourhood.total } }}</p>
              }
            } @else {
              <p class="muted">{{ 'party.noNeighbourhood' | translate }}</p>
            }
          </section>

          <section class="seized">
            <h2>{{ 'party.seizedNeighbours' | translate }} ({{ v.seizedNeighbours.length }})</h2>
            <table class="plain" data-testid="party-seized">
              <thead>
                <tr>
                  <th scope="col">{{ 'party.col.party' | translate }}</th>
                  <th scope="col" class="num">{{ 'party.col.hops' | translate }}</th>
                  <th scope="col" class="num">{{ 'party.col.shared' | translate }}</th>
                  <th scope="col" class="num">{{ 'party.col.seizures' | translate }}</th>
                  <th scope="col" class="num">{{ 'party.col.score' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (s of v.seizedNeighbours; track s.key) {
                  <tr data-testid="party-seized-row">
                    <td>
                      <span class="role">{{ 'party.role.' + s.role | translate }}</span>
                      <a class="mono" [routerLink]="link(s.role, s.id)" [queryParams]="{ asOf: v.asOf }">{{ s.id }}</a>
                    </td>
                    <td class="num">{{ s.hops }}</td>
                    <td class="num">{{ s.sharedDeclarations }}</td>
                    <td class="num">{{ s.seizures }}</td>
                    <td class="num">{{ s.score | number: '1.3-3' }}</td>
                  </tr>
                } @empty {
                  <tr><td colspan="5" class="muted">{{ 'party.noSeized' | translate }}</td></tr>
                }
              </tbody>
            </table>
          </section>
        </div>
      }
    </div>
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px; }
    .head h1 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin: 8px 0; min-width: 0; }
    .key { font-size: 16px; overflow-wrap: anywhere; }
    .as-of { display: flex; align-items: center; gap: 8px; }
    .lead { margin-top: 0; }
    .summary { display: flex; flex-wrap: wrap; gap: 16px; align-items: stretch; margin: 8px 0 16px; }
    .score-card { display: flex; flex-direction: column; justify-content: center; min-width: 150px; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); border-left: 8px solid #c4c7c5; }
    .score-card.band-LOW { border-left-color: #f9c9a8; }
    .score-card.band-MEDIUM { border-left-color: #f08a5d; }
    .score-card.band-HIGH { border-left-color: #c62828; }
    .score { font: var(--mat-sys-headline-medium); }
    .label, .band { color: var(--mat-sys-on-surface-variant); }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 24px; flex: 1; margin: 0; min-width: 0; }
    .facts div { min-width: 0; }
    .facts dt { color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .why ul { margin: 4px 0 16px; padding-left: 20px; }
    .why li { margin: 2px 0; overflow-wrap: anywhere; }
    .grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; }
    @media (max-width: 1000px) { .grid { grid-template-columns: minmax(0, 1fr); } }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-top: 6px; font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .swatch { display: inline-flex; align-items: center; gap: 6px; }
    .swatch i { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 1px solid #5f6368; }
    .swatch i.diamond { border-radius: 0; transform: rotate(45deg); border: 2px solid #1f1f1f; width: 9px; height: 9px; background: #c62828; }
    .seized td:first-child { overflow-wrap: anywhere; }
    .num { text-align: right; }
    .role { display: block; font-size: 11px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class PartyPage {
  private readonly api = inject(PartiesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly key = signal<string | null>(null);
  protected readonly view = signal<PartyView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** The date field (YYYY-MM-DD); applied on submit. */
  protected asOfInput = todayUtc();
  protected readonly bands = RISK_BANDS;
  protected readonly colours = BAND_COLOURS;
  protected readonly band = riskBand;
  protected readonly reason = reasonText;
  protected readonly link = partyLink;
  /** Bumped on every load: an answer for an earlier party or date is dropped. */
  private generation = 0;
  /** `<key>|<asOf>` of the last load. */
  private requested = '';

  constructor() {
    // The page is reused when a node or link leads to another party or date: follow the URL.
    const subs = [this.route.paramMap.subscribe(() => this.sync()), this.route.queryParamMap.subscribe(() => this.sync())];
    inject(DestroyRef).onDestroy(() => subs.forEach((s) => s.unsubscribe()));
  }

  /** Loads the party and date of the URL unless they are the ones last asked for. */
  private sync(): void {
    const key = this.route.snapshot.paramMap.get('partyKey') ?? '';
    const asOf = this.route.snapshot.queryParamMap.get('asOf');
    const wanted = `${key}|${asOf ?? ''}`;
    if (wanted === this.requested) return;
    this.requested = wanted;
    this.asOfInput = asOf ?? todayUtc();
    this.load(key, asOf);
  }

  /** Shows the party as of the date in the field (the URL keeps it: `?asOf=`). */
  protected applyAsOf(): void {
    const asOf = /^\d{4}-\d{2}-\d{2}$/.test(this.asOfInput) ? this.asOfInput : null;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { asOf }, replaceUrl: true });
  }

  private load(key: string, asOf: string | null): void {
    const generation = ++this.generation;
    this.key.set(key);
    this.loading.set(true);
    this.error.set(null);
    this.view.set(null);
    this.api.party(key, asOf).subscribe({
      next: (v) => {
        if (generation !== this.generation) return;
        this.view.set(v);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        if (generation !== this.generation) return;
        this.loading.set(false);
        this.error.set(toApiError(e));
      },
    });
  }
}
