/**
 * Intelligence shapes the intake page sends and reads: the API contract's schemas
 * (`@customs/api-contract`), under the names the page uses.
 */
import type { Schema, operations } from '@customs/api-contract';

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

/** `GET /api/intelligence` answer: one page of a desk's inbox and how many reports match. */
export type IntelligenceInbox = Schema<'IntelligenceInbox'>;
/** One report of the inbox, with its routing and its risk case's status. */
export type InboxItem = Schema<'IntelligenceInboxItem'>;
/** `GET /api/intelligence` query: desk (`CBTC` or an office code), risk area, source type, received dates, linked, paging. */
export type InboxQuery = NonNullable<operations['IntelligenceController_list']['parameters']['query']>;
/** A desk: `CBTC` or a customs office code. */
export type Desk = NonNullable<InboxQuery['desk']>;
