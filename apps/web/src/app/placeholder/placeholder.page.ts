import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * PLACEHOLDER for pages whose API is being written now: the criteria builder
 * (`POST /api/criteria`) and the dashboard (stats endpoints). Shows a notice, no fake data.
 */
@Component({
  selector: 'cr-placeholder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <div class="page">
      <h1>{{ 'placeholder.' + feature() + '.title' | translate }}</h1>
      <p role="status">{{ 'placeholder.' + feature() + '.body' | translate }}</p>
    </div>
  `,
})
export class PlaceholderPage {
  /** From the route's `data`. */
  readonly feature = input<'builder' | 'dashboard'>('dashboard');
}
