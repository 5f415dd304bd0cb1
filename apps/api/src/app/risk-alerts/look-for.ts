import { LOOK_FOR_MAX, type LookFor, type LookForSubject } from './risk-alerts.responses';

/** The parts of a stored intelligence report body (`CreateIntelligenceDto`) an alert summarises; all optional. */
export interface ReportParts {
  subjects?: Array<{ kind?: string; name?: string | null; idType?: string | null; value?: string | null }>;
  goods?: Array<{ hsCode?: string | null; description?: string | null }>;
  routes?: Array<{ originCountry?: string | null; departureCountry?: string | null }>;
}

const SUBJECT_KINDS = ['PERSON', 'COMPANY', 'IDENTIFIER'] as const;

/** Keeps the first of each key, at most `LOOK_FOR_MAX`. */
function distinct<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const t of items) {
    const k = key(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
    if (out.length === LOOK_FOR_MAX) break;
  }
  return out;
}

const text = (v: string | null | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * What to look for, from a risk case's intelligence reports (in order): subjects (names, or
 * identifiers as `<idType> <value>` with both parts; an identifier without a value is dropped), goods (HS code, description) and routes (origin, departure),
 * empty entries dropped, repeats (compared case-insensitively) removed, at most `LOOK_FOR_MAX` each.
 * Pure; unknown subject kinds and malformed entries are skipped, never thrown on.
 */
export function lookFor(reports: ReportParts[]): LookFor {
  const subjects: LookForSubject[] = [];
  const goods: LookFor['goods'] = [];
  const routes: LookFor['routes'] = [];
  for (const r of reports) {
    for (const s of r.subjects ?? []) {
      const kind = SUBJECT_KINDS.find((k) => k === s?.kind);
      if (!kind) continue;
      if (kind === 'IDENTIFIER') {
        const idType = text(s.idType);
        const value = text(s.value);
        if (value) subjects.push({ kind, label: [idType, value].filter(Boolean).join(' '), idType, value });
      } else {
        const name = text(s.name);
        if (name) subjects.push({ kind, label: name, idType: null, value: null });
      }
    }
    for (const g of r.goods ?? []) {
      const item = { hsCode: text(g?.hsCode), description: text(g?.description) };
      if (item.hsCode || item.description) goods.push(item);
    }
    for (const x of r.routes ?? []) {
      const item = { originCountry: text(x?.originCountry), departureCountry: text(x?.departureCountry) };
      if (item.originCountry || item.departureCountry) routes.push(item);
    }
  }
  return {
    subjects: distinct(subjects, (s) => `${s.kind}:${s.label.toLowerCase().replace(/\s+/g, ' ')}`),
    goods: distinct(goods, (g) => `${g.hsCode ?? ''}|${(g.description ?? '').toLowerCase()}`),
    routes: distinct(routes, (x) => `${x.originCountry ?? ''}|${x.departureCountry ?? ''}`),
  };
}
