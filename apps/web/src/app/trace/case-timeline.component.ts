import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { CaseEvent } from '../core/api.types';
import { timelineEntries } from './case-timeline-format';

/** A case's append-only history: when, who, what, with the event's details. */
@Component({
  selector: 'cr-case-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <ol class="timeline">
      @for (e of entries(); track e.seq) {
        <li>
          <span class="when">{{ e.when }}</span>
          <strong>{{ e.type }}</strong>
          <span>{{ 'timeline.by' | translate }} {{ e.actor === 'system' ? ('timeline.system' | translate) : e.actor }}</span>
          @if (e.details !== null) {
            <details><summary>{{ 'timeline.details' | translate }}</summary><pre class="json">{{ e.details }}</pre></details>
          }
        </li>
      } @empty {
        <li class="muted">{{ 'timeline.empty' | translate }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; padding: 0; margin: 0; }
    .timeline li { padding: 6px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); display: flex; gap: 12px; flex-wrap: wrap; align-items: baseline; }
    .when { font-family: ui-monospace, monospace; font-size: 12px; }
    details { flex-basis: 100%; }
  `,
})
export class CaseTimelineComponent {
  readonly events = input<CaseEvent[]>([]);
  protected readonly entries = computed(() => timelineEntries(this.events()));
}
