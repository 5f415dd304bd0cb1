import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Role } from '../core/api.types';
import { reasonRows, sourceLink } from './passenger-view';
import type { CompanionLinkView } from './passengers.types';

/**
 * Why a passenger was selected, one line each: the fired criteria (lane, `ID vN`, the facts in
 * the API's words), the earlier selection on the passenger list a PNR screening kept, and, set
 * apart, the companion links: the booking shared with a watched person, why that person is
 * watched and the seizure or risk case it comes from (a link when the reader may open it).
 */
@Component({
  selector: 'cr-passenger-reasons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    @if (rows().length || links().length) {
      <ul class="reasons" data-testid="pax-reasons">
        @for (r of rows(); track $index) {
          @switch (r.kind) {
            @case ('criterion') {
              <li class="criterion" data-testid="criterion-reason">
                <span class="lane lane-{{ r.lane }}">{{ 'lane.' + r.lane | translate }}</span>
                <span class="crit mono">{{ r.criterion }}</span>
                <span class="text" lang="en">{{ r.text }}</span>
              </li>
            }
            @case ('earlier') {
              <li class="earlier">
                {{ 'pax.reason.earlier' | translate: { lane: ('lane.' + r.lane | translate) } }}
                <span class="mono muted">{{ r.decisionId }}</span>
              </li>
            }
            @default {
              <li class="text" lang="en">{{ r.text }}</li>
            }
          }
        }
        @for (l of links(); track $index) {
          <li class="companion" data-testid="companion-link">
            <span class="tag">{{ 'pax.companion.tag' | translate }}</span>
            {{ 'pax.companion.text' | translate: { booking: l.bookingReference } }}
            <strong class="watched">{{ watched(l) }}</strong>
            <span class="source">
              {{ 'pax.companion.source' | translate }}
              @if (link(l.sourceId); as to) {
                <a class="mono" [routerLink]="to">{{ l.sourceId }}</a>
              } @else {
                <span class="mono">{{ l.sourceId }}</span>
              }
            </span>
          </li>
        }
      </ul>
    } @else {
      <p class="none muted">{{ 'pax.reason.none' | translate }}</p>
    }
  `,
  styles: `
    :host { display: block; min-width: 0; }
    .reasons { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
    li { overflow-wrap: anywhere; line-height: 20px; }
    .lane { min-width: 0; margin-right: 4px; }
    .crit { margin-right: 4px; color: var(--mat-sys-on-surface-variant); }
    .companion { padding: 4px 8px; border-left: 4px solid #8c4a00; border-radius: 4px; background: #fff1e0; }
    .companion .tag { display: inline-block; margin-right: 4px; padding: 0 6px; border-radius: 6px; background: #8c4a00; color: #fff; font: var(--mat-sys-label-medium); }
    .companion .source { color: var(--mat-sys-on-surface-variant); }
    .mono { overflow-wrap: anywhere; }
    .none { margin: 0; }
  `,
})
export class PassengerReasonsComponent {
  /** A queue item or a recorded screening: its reasons and companion links. */
  readonly decision = input.required<{ reasons: readonly string[]; companionLinks: readonly CompanionLinkView[] }>();
  /** The reader's role: whether a companion link's source is a page they may open. */
  readonly role = input<Role | null>(null);
  protected readonly rows = computed(() => reasonRows(this.decision()));
  protected readonly links = computed(() => this.decision().companionLinks);
  private readonly i18n = inject(TranslateService);

  /** Why the other traveller is watched, in the UI's language (a seizure and its day, or an open risk case and its area). */
  protected watched(l: CompanionLinkView): string {
    if (l.watchedKind === 'SEIZURE') return this.i18n.instant('pax.watched.SEIZURE', { since: l.watchedSince ?? '' });
    const area = l.watchedRiskArea ? this.i18n.instant(`riskArea.${l.watchedRiskArea}`) : '';
    return this.i18n.instant(area ? 'pax.watched.OPEN_RISK_CASE_AREA' : 'pax.watched.OPEN_RISK_CASE', { area });
  }

  protected link(sourceId: string): string[] | null {
    return sourceLink(sourceId, this.role());
  }
}
