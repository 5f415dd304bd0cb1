import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { PROMOTE_REASON, checkPromoteReason } from './promote-reason';

/** What the promote dialog is asked about. */
export interface PromoteDialogData {
  name: string;
  version: string;
  /** The version that decides now and will score in shadow after the promotion. */
  champion: string | null;
}

/**
 * Confirms a model promotion and asks why (required, 10-2000 characters, as the API checks).
 * Closes with the trimmed reason, or undefined when cancelled.
 */
@Component({
  selector: 'cr-promote-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'models.promoteTitle' | translate: { name: data.name, version: data.version } }}</h2>
    <form (ngSubmit)="confirm()">
      <mat-dialog-content>
        <p>{{ 'models.promoteWarning' | translate: { version: data.version, champion: data.champion ?? '—' } }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ 'models.reason' | translate }}</mat-label>
          <textarea matInput name="reason" rows="4" [maxlength]="max" [ngModel]="reason()" (ngModelChange)="reason.set($event); problem.set(null)" cdkFocusInitial></textarea>
          <mat-hint>{{ 'models.reasonHint' | translate: { min: min, max: max } }}</mat-hint>
        </mat-form-field>
        @if (problem(); as p) {
          <p class="api-error" role="alert">{{ p | translate: { min: min, max: max } }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'models.cancel' | translate }}</button>
        <button mat-flat-button type="submit">{{ 'models.confirmPromote' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.reason { width: 100%; min-width: 420px; }`,
})
export class PromoteDialogComponent {
  protected readonly data = inject<PromoteDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PromoteDialogComponent, string>>(MatDialogRef);
  protected readonly min = PROMOTE_REASON.min;
  protected readonly max = PROMOTE_REASON.max;
  protected readonly reason = signal('');
  protected readonly problem = signal<string | null>(null);

  protected confirm(): void {
    const checked = checkPromoteReason(this.reason());
    if ('problem' in checked) {
      this.problem.set(checked.problem);
      return;
    }
    this.ref.close(checked.reason);
  }
}
