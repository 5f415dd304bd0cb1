import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { IntelligenceApi } from './intelligence.api';
import { ATTACHMENT_ACCEPT, blankIntelligenceForm, blankSubject, intelligenceBody, sizeLabel, type IntelligenceForm } from './intelligence-form';
import { INTEL_RISK_AREAS, SMUGGLING_SUBTYPES, SOURCE_TYPES, SUBJECT_ID_TYPES, type Attachment, type IntakeResult } from './intelligence.types';

/**
 * Intelligence intake (step 1 of the risk lifecycle): source, risk area (with the smuggling
 * subtype), subjects, goods, routes, text and offices; once saved, where routing sent it (desk
 * and deciding rule) with a link to its risk case, and the report's attachments (upload and
 * list, with size and SHA-256).
 */
@Component({
  selector: 'cr-intelligence-intake-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <p><a routerLink="/risk-cases">← {{ 'riskCase.back' | translate }}</a></p>
      <h1>{{ 'intel.title' | translate }}</h1>
      @if (!result()) {
        <form (ngSubmit)="save()" novalidate class="intake">
          <fieldset>
            <legend>{{ 'intel.source' | translate }}</legend>
            <div class="row">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
                <mat-label>{{ 'intel.organisation' | translate }}</mat-label>
                <input matInput [(ngModel)]="f.organisation" name="organisation" required />
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'intel.sourceTypeLabel' | translate }}</mat-label>
                <mat-select [(ngModel)]="f.sourceType" name="sourceType">
                  @for (s of sourceTypes; track s) { <mat-option [value]="s">{{ 'intel.sourceType.' + s | translate }}</mat-option> }
                </mat-select>
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="country">
                <mat-label>{{ 'intel.sourceCountry' | translate }}</mat-label>
                <input matInput [(ngModel)]="f.sourceCountry" name="sourceCountry" maxlength="2" [required]="f.sourceType === 'FOREIGN_CUSTOMS'" />
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'intel.riskArea' | translate }}</mat-label>
                <mat-select [(ngModel)]="f.riskArea" name="riskArea">
                  @for (a of riskAreas; track a) { <mat-option [value]="a">{{ 'riskArea.' + a | translate }}</mat-option> }
                </mat-select>
              </mat-form-field>
              @if (f.riskArea === 'SMUGGLING') {
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'intel.subtypeLabel' | translate }}</mat-label>
                  <mat-select [(ngModel)]="f.smugglingSubtype" name="subtype">
                    @for (s of subtypes; track s) { <mat-option [value]="s">{{ 'intel.subtype.' + s | translate }}</mat-option> }
                  </mat-select>
                </mat-form-field>
              }
            </div>
          </fieldset>

          <fieldset>
            <legend>{{ 'intel.subjects' | translate }}</legend>
            @for (s of f.subjects; track $index; let i = $index) {
              <div class="row">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'intel.kind' | translate }}</mat-label>
                  <mat-select [(ngModel)]="s.kind" [name]="'kind' + i">
                    @for (k of kinds; track k) { <mat-option [value]="k">{{ 'intel.subjectKind.' + k | translate }}</mat-option> }
                  </mat-select>
                </mat-form-field>
                @if (s.kind === 'IDENTIFIER') {
                  <mat-form-field appearance="outline" subscriptSizing="dynamic">
                    <mat-label>{{ 'intel.idType' | translate }}</mat-label>
                    <mat-select [(ngModel)]="s.idType" [name]="'idType' + i">
                      @for (t of idTypes; track t) { <mat-option [value]="t">{{ 'intel.idTypes.' + t | translate }}</mat-option> }
                    </mat-select>
                  </mat-form-field>
                  <mat-form-field appearance="outline" subscriptSizing="dynamic">
                    <mat-label>{{ 'intel.idValue' | translate }}</mat-label>
                    <input matInput [(ngModel)]="s.value" [name]="'value' + i" />
                  </mat-form-field>
                } @else {
                  <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
                    <mat-label>{{ 'intel.name' | translate }}</mat-label>
                    <input matInput [(ngModel)]="s.name" [name]="'name' + i" />
                  </mat-form-field>
                }
                @if (f.subjects.length > 1) {
                  <button mat-button type="button" (click)="f.subjects.splice(i, 1)">{{ 'intel.remove' | translate }}</button>
                }
              </div>
            }
            <button mat-stroked-button type="button" (click)="f.subjects.push(blankSubject())">{{ 'intel.addSubject' | translate }}</button>
          </fieldset>

          <fieldset>
            <legend>{{ 'intel.goods' | translate }} · {{ 'intel.routes' | translate }}</legend>
            @for (g of f.goods; track $index; let i = $index) {
              <div class="row">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'intel.hsCode' | translate }}</mat-label>
                  <input matInput [(ngModel)]="g.hsCode" [name]="'hs' + i" inputmode="numeric" />
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
                  <mat-label>{{ 'intel.goodsDescription' | translate }}</mat-label>
                  <input matInput [(ngModel)]="g.description" [name]="'desc' + i" />
                </mat-form-field>
              </div>
            }
            @for (r of f.routes; track $index; let i = $index) {
              <div class="row">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'intel.origin' | translate }}</mat-label>
                  <input matInput [(ngModel)]="r.originCountry" [name]="'origin' + i" maxlength="2" />
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'intel.departure' | translate }}</mat-label>
                  <input matInput [(ngModel)]="r.departureCountry" [name]="'departure' + i" maxlength="2" />
                </mat-form-field>
              </div>
            }
            <div class="row">
              <button mat-stroked-button type="button" (click)="f.goods.push({ hsCode: '', description: '' })">{{ 'intel.addGoods' | translate }}</button>
              <button mat-stroked-button type="button" (click)="f.routes.push({ originCountry: '', departureCountry: '' })">{{ 'intel.addRoute' | translate }}</button>
            </div>
          </fieldset>

          <fieldset>
            <legend>{{ 'intel.report' | translate }}</legend>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
              <mat-label>{{ 'intel.text' | translate }}</mat-label>
              <textarea matInput rows="5" [(ngModel)]="f.text" name="text" required></textarea>
            </mat-form-field>
            <div class="row">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'intel.reportingOffice' | translate }}</mat-label>
                <input matInput [(ngModel)]="f.reportingOfficeId" name="reportingOfficeId" />
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'intel.portOffice' | translate }}</mat-label>
                <input matInput [(ngModel)]="f.portOfficeId" name="portOfficeId" />
              </mat-form-field>
            </div>
          </fieldset>
          @if (problems().length) {
            <ul class="api-error" role="alert">@for (p of problems(); track p) { <li>{{ p | translate }}</li> }</ul>
          }
          <cr-api-error [error]="error()" />
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'intel.save' | translate }}</button>
        </form>
      } @else {
        @let r = result()!;
        <section class="ok" role="status" data-testid="routed">
          <p><strong>{{ (r.duplicate ? 'intel.linked' : 'intel.saved') | translate: { report: r.reportId } }}</strong></p>
          <p>{{ 'intel.routedTo' | translate }}
            <strong>{{ r.routing.route === 'CBTC' ? ('board.cbtc' | translate) : ('riskCase.offices' | translate: { offices: r.routing.officeIds.join(', ') }) }}</strong>
            · {{ 'riskCase.rule' | translate }} <span class="mono">{{ r.routing.ruleId }}</span></p>
          <p class="muted">{{ r.routing.reason }}</p>
          <p><a [routerLink]="['/risk-cases', r.riskCaseId]">{{ 'intel.openCase' | translate }}</a></p>
        </section>
        <section aria-labelledby="att-h">
          <h2 id="att-h">{{ 'intel.attachments' | translate }}</h2>
          <div class="row">
            <label class="file">{{ 'intel.chooseFile' | translate }}
              <input type="file" [accept]="accept" (change)="upload($any($event.target))" [disabled]="busy()" />
            </label>
            <span class="muted">{{ 'intel.fileTypes' | translate }}</span>
          </div>
          <cr-api-error [error]="error()" />
          <table class="plain">
            <thead><tr><th>{{ 'intel.fileName' | translate }}</th><th>{{ 'intel.contentType' | translate }}</th><th>{{ 'intel.size' | translate }}</th><th>SHA-256</th><th>{{ 'intel.uploaded' | translate }}</th></tr></thead>
            <tbody>
              @for (a of attachments(); track a.sha256) {
                <tr><td>{{ a.fileName }}</td><td>{{ a.contentType }}</td><td>{{ size(a.sizeBytes) }}</td><td class="mono sha">{{ a.sha256 }}</td>
                  <td>{{ a.uploadedBy }} · {{ a.uploadedAt | date: 'yyyy-MM-dd HH:mm' }}</td></tr>
              } @empty {
                <tr><td colspan="5" class="muted">{{ 'intel.noAttachments' | translate }}</td></tr>
              }
            </tbody>
          </table>
        </section>
      }
    </div>
  `,
  styles: `
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; margin: 0 0 12px; padding: 8px 12px 12px; display: flex; flex-direction: column; gap: 8px; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    .wide { flex: 1 1 320px; } .country { width: 110px; } .full { width: 100%; }
    .ok { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
    .sha { overflow-wrap: anywhere; max-width: 420px; }
    .file input { margin-left: 8px; }
  `,
})
export class IntelligenceIntakePage {
  private readonly api = inject(IntelligenceApi);
  protected readonly sourceTypes = SOURCE_TYPES;
  protected readonly riskAreas = INTEL_RISK_AREAS;
  protected readonly subtypes = SMUGGLING_SUBTYPES;
  protected readonly idTypes = SUBJECT_ID_TYPES;
  protected readonly kinds = ['IDENTIFIER', 'COMPANY', 'PERSON'] as const;
  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly blankSubject = blankSubject;
  protected readonly size = sizeLabel;
  protected readonly f: IntelligenceForm = blankIntelligenceForm();
  protected readonly problems = signal<string[]>([]);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly result = signal<IntakeResult | null>(null);
  protected readonly attachments = signal<Attachment[]>([]);

  protected save(): void {
    const { body, problems } = intelligenceBody(this.f);
    this.problems.set(problems);
    if (!body) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.register(body).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.result.set(r);
        this.loadAttachments(r.reportId);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(err));
      },
    });
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    const r = this.result();
    if (!file || !r) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.attach(r.reportId, file).subscribe({
      next: () => {
        this.busy.set(false);
        input.value = '';
        this.loadAttachments(r.reportId);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(err));
      },
    });
  }

  private loadAttachments(reportId: string): void {
    this.api.attachments(reportId).subscribe({
      next: (res) => this.attachments.set(res.attachments),
      error: (err: unknown) => this.error.set(toApiError(err)),
    });
  }
}
