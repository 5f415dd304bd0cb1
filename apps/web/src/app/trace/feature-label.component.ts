import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { featureLabelKey } from './feature-label-key';

/** A model feature's human-readable label in the current language; the raw name as a tooltip (or as the label when unknown). */
@Component({
  selector: 'cr-feature-label',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @if (label(); as l) {
      <span [attr.title]="name()">{{ l.key | translate: { part: l.partKey ? (l.partKey | translate) : '' } }}</span>
    } @else {
      <span class="mono">{{ name() }}</span>
    }
  `,
})
export class FeatureLabelComponent {
  readonly name = input.required<string>();
  protected readonly label = computed(() => featureLabelKey(this.name()));
}
