import type { IntelRiskArea, IntelligenceBody, IntelligenceSubject, OfficeCode, SmugglingSubtype, SourceType, SubjectIdType } from './intelligence.types';

/** One subject row of the form: a person or company by name, or an identifier by type and value. */
export interface SubjectRow {
  kind: IntelligenceSubject['kind'];
  name: string;
  idType: SubjectIdType;
  value: string;
}

/** The intake form as the page holds it (strings; empty = not given). */
export interface IntelligenceForm {
  organisation: string;
  sourceType: SourceType;
  /** The sender's country, ISO 3166-1 alpha-2 (required for a foreign customs administration). */
  sourceCountry: string;
  riskArea: IntelRiskArea;
  smugglingSubtype: SmugglingSubtype | '';
  subjects: SubjectRow[];
  goods: Array<{ hsCode: string; description: string }>;
  routes: Array<{ originCountry: string; departureCountry: string }>;
  text: string;
  reportingOfficeId: string;
  portOfficeId: string;
}

/** A blank form: foreign customs, smuggling of weapons, one identifier subject, one goods and one route row. */
export function blankIntelligenceForm(): IntelligenceForm {
  return {
    organisation: '', sourceType: 'FOREIGN_CUSTOMS', sourceCountry: '', riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS',
    subjects: [blankSubject()], goods: [{ hsCode: '', description: '' }], routes: [{ originCountry: '', departureCountry: '' }],
    text: '', reportingOfficeId: '', portOfficeId: '',
  };
}

export function blankSubject(): SubjectRow {
  return { kind: 'IDENTIFIER', name: '', idType: 'importerId', value: '' };
}

/**
 * The `POST /api/intelligence` body of a form, or the i18n keys of what is missing or malformed
 * (checked as the API does: organisation and text required, the country of a foreign customs
 * administration required (the API takes it optionally, from any source), a subtype with SMUGGLING and none
 * otherwise, at least one complete subject, HS 2-10 digits, countries two letters, offices
 * 2-3 digits). Blank goods and route rows are left out; values are trimmed, countries upper-cased.
 */
export function intelligenceBody(f: IntelligenceForm): { body: IntelligenceBody | null; problems: string[] } {
  const problems: string[] = [];
  const t = (s: string) => s.trim();
  if (!t(f.organisation)) problems.push('intel.error.organisation');
  const sourceCountry = t(f.sourceCountry).toUpperCase();
  if (f.sourceType === 'FOREIGN_CUSTOMS' && !sourceCountry) problems.push('intel.error.sourceCountry');
  else if (sourceCountry && !/^[A-Z]{2}$/.test(sourceCountry)) problems.push('intel.error.country');
  if (!t(f.text)) problems.push('intel.error.text');
  if (f.riskArea === 'SMUGGLING' && !f.smugglingSubtype) problems.push('intel.error.subtype');
  const subjects: IntelligenceSubject[] = [];
  for (const s of f.subjects) {
    if (s.kind === 'IDENTIFIER') {
      if (!t(s.value)) continue;
      if (!/^[A-Za-z0-9-]{1,40}$/.test(t(s.value))) problems.push('intel.error.identifier');
      subjects.push({ kind: 'IDENTIFIER', idType: s.idType, value: t(s.value) });
    } else if (t(s.name)) {
      subjects.push({ kind: s.kind, name: t(s.name) });
    }
  }
  if (subjects.length === 0) problems.push('intel.error.subjects');
  const goods = f.goods.filter((g) => t(g.hsCode) || t(g.description)).map((g) => ({ ...(t(g.hsCode) ? { hsCode: t(g.hsCode) } : {}), ...(t(g.description) ? { description: t(g.description) } : {}) }));
  if (goods.some((g) => g.hsCode !== undefined && !/^\d{2,10}$/.test(g.hsCode))) problems.push('intel.error.hsCode');
  const routes = f.routes
    .filter((r) => t(r.originCountry) || t(r.departureCountry))
    .map((r) => ({ ...(t(r.originCountry) ? { originCountry: t(r.originCountry).toUpperCase() } : {}), ...(t(r.departureCountry) ? { departureCountry: t(r.departureCountry).toUpperCase() } : {}) }));
  if (routes.some((r) => [r.originCountry, r.departureCountry].some((c) => c !== undefined && !/^[A-Z]{2}$/.test(c)))) problems.push('intel.error.country');
  const offices = [t(f.reportingOfficeId), t(f.portOfficeId)];
  if (offices.some((o) => o && !/^\d{2,3}$/.test(o))) problems.push('intel.error.office');
  if (problems.length > 0) return { body: null, problems: [...new Set(problems)] };
  const body = {
    source: { organisation: t(f.organisation), type: f.sourceType, ...(sourceCountry ? { country: sourceCountry } : {}) },
    riskArea: f.riskArea,
    ...(f.riskArea === 'SMUGGLING' ? { smugglingSubtype: f.smugglingSubtype as SmugglingSubtype } : {}),
    subjects,
    ...(goods.length ? { goods } : {}),
    ...(routes.length ? { routes } : {}),
    text: t(f.text),
    ...(offices[0] ? { reportingOfficeId: offices[0] as OfficeCode } : {}),
    ...(offices[1] ? { portOfficeId: offices[1] as OfficeCode } : {}),
  } as IntelligenceBody;
  return { body, problems: [] };
}

/** Attachment types the API accepts (checked again by their bytes there). */
export const ATTACHMENT_ACCEPT = 'application/pdf,image/png,image/jpeg,text/plain,.pdf,.png,.jpg,.jpeg,.txt';

/** A size in bytes as people read it: "512 B", "12.3 KiB", "4.5 MiB". */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
