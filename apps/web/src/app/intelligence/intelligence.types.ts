/**
 * Intelligence shapes the intake page sends and reads. The body is the API's schema; the
 * answers of `POST /api/intelligence` and its attachments routes have no named schema in the
 * OpenAPI document yet, so they are typed here from `IntelligenceService` and
 * `IntelligenceAttachmentsService`.
 */
import type { Schema } from '@customs/api-contract';

/** `POST /api/intelligence` body. */
export type IntelligenceBody = Schema<'CreateIntelligenceDto'>;
export type IntelligenceSubject = Schema<'IntelligenceSubjectDto'>;
export type SourceType = Schema<'IntelligenceSourceDto'>['type'];
export type IntelRiskArea = IntelligenceBody['riskArea'];
export type SmugglingSubtype = NonNullable<IntelligenceBody['smugglingSubtype']>;
export type SubjectIdType = NonNullable<IntelligenceSubject['idType']>;
export type OfficeCode = NonNullable<IntelligenceBody['portOfficeId']>;

export const SOURCE_TYPES: readonly SourceType[] = ['FOREIGN_CUSTOMS', 'DOMESTIC_AGENCY', 'INTELLIGENCE_SERVICE', 'ENFORCEMENT', 'LOCAL_CUSTOMS'];
export const INTEL_RISK_AREAS: readonly IntelRiskArea[] = [
  'TAX_EVASION', 'UNFAIR_TRADE', 'ENVIRONMENT', 'NATIONAL_SECURITY', 'PUBLIC_HEALTH', 'ILLEGAL_FOREIGN_EXCHANGE', 'SMUGGLING', 'ORIGIN_FRAUD', 'UNDERVALUATION',
];
export const SMUGGLING_SUBTYPES: readonly SmugglingSubtype[] = ['DRUGS', 'WEAPONS', 'CULTURAL_PROPERTY', 'ENDANGERED_SPECIES', 'COUNTERFEIT', 'OTHER'];
export const SUBJECT_ID_TYPES: readonly SubjectIdType[] = ['importerId', 'declarantId', 'sellerId', 'courierId', 'businessNumber', 'passportNumber'];

// TODO(contract): replace with Schema<'IntakeResult'> once the API names it.
/** `POST /api/intelligence` answer (`IntakeResult`): the report, its risk case and where routing sent it. */
export interface IntakeResult {
  reportId: string;
  riskCaseId: string;
  /** True when the report was linked to the open case about the same subjects. */
  duplicate: boolean;
  routing: { route: 'CBTC' | 'LOCAL'; officeIds: string[]; ruleId: string; reason: string };
}

// TODO(contract): replace with Schema<'AttachmentView'> once the API names it.
/** One attachment of a report (`AttachmentView`; no bytes). */
export interface Attachment {
  reportId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

// TODO(contract): replace with Schema<'AttachmentAdded'> once the API names it.
/** `POST /api/intelligence/:id/attachments` answer: false `created` when the same bytes were already attached. */
export interface AttachmentAdded {
  created: boolean;
  attachment: Attachment;
}
