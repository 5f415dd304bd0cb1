/**
 * Intelligence shapes the intake page sends and reads: the API contract's schemas
 * (`@customs/api-contract`), under the names the page uses.
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

/** `POST /api/intelligence` answer: the report, its risk case and where routing sent it. */
export type IntakeResult = Schema<'IntakeResult'>;
/** One stored attachment of a report. */
export type Attachment = Schema<'AttachmentView'>;
/** `POST /api/intelligence/:id/attachments` answer. */
export type AttachmentAdded = Schema<'AttachmentUpload'>;
