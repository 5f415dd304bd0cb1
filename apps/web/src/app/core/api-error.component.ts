import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ApiError } from './api-error';
import { apiErrorHeading } from './api-error-body';

/** Shows an API error next to the form that caused it; announced to screen readers. */
@Component({
  selector: 'cr-api-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as e) {
      <div class="api-error" role="alert" aria-live="assertive">
        <strong>{{ heading(e) }}</strong>
        @if (e.messages.length === 1) {
          <div>{{ e.messages[0] }}</div>
        } @else {
          <ul>
            @for (m of e.messages; track $index) {
              <li>{{ m }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class ApiErrorComponent {
  readonly error = input<ApiError | null>(null);
  protected readonly heading = apiErrorHeading;
}
