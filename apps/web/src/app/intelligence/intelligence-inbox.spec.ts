import { caseLink, caseRef, deskChoices, desksOfReport, inboxQuery, moreSubjects, subjectText } from './intelligence-inbox';
import type { InboxItem } from './intelligence.types';

function item(over: Partial<InboxItem> = {}): InboxItem {
  return {
    reportId: 'intel-1', receivedAt: '2026-12-06T01:00:00Z', reportedBy: 'analyst-kim',
    source: { type: 'FOREIGN_CUSTOMS', organisation: 'Japan Customs', country: null },
    riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS',
    subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: 'IMP1' }], subjectCount: 1,
    route: 'CBTC', officeIds: [], routeRule: 'RT-CBTC-SECURITY', duplicate: false,
    riskCaseId: 'risk-case-1f2e3d4c-0000-4000-8000-000000000000', caseStatus: 'IDENTIFIED', caseOpen: true, ...over,
  };
}

describe('inboxQuery', () => {
  it('sends only the filters set, and linked=true only for "linked only"', () => {
    expect(inboxQuery({ desk: '', riskArea: '', sourceType: '', linkedOnly: false })).toEqual({ limit: 100 });
    expect(inboxQuery({ desk: '40', riskArea: 'SMUGGLING', sourceType: 'LOCAL_CUSTOMS', linkedOnly: true }, 0, 20)).toEqual({
      desk: '40', riskArea: 'SMUGGLING', sourceType: 'LOCAL_CUSTOMS', linked: 'true', limit: 20,
    });
  });

  it('asks for the next page after the reports shown', () => {
    expect(inboxQuery({ desk: 'CBTC', riskArea: '', sourceType: '', linkedOnly: false }, 100)).toEqual({ desk: 'CBTC', limit: 100, offset: 100 });
  });
});

describe('subjects', () => {
  it('names identifiers by type and value, people and companies by name, and counts those not shown', () => {
    expect(subjectText({ kind: 'IDENTIFIER', idType: 'importerId', value: 'IMP1' })).toBe('importerId IMP1');
    expect(subjectText({ kind: 'COMPANY', name: 'Acme Trading' })).toBe('Acme Trading');
    expect(moreSubjects(item({ subjectCount: 5, subjects: [{ kind: 'PERSON', name: 'A' }, { kind: 'PERSON', name: 'B' }, { kind: 'PERSON', name: 'C' }] }))).toBe(2);
    expect(moreSubjects(item())).toBe(0);
  });
});

describe('case link', () => {
  it('tells a report linked to an open case from one that opened its case, and ended cases from open ones', () => {
    expect(caseLink(item({ duplicate: true }))).toBe('linkedOpen');
    expect(caseLink(item({ duplicate: true, caseOpen: false, caseStatus: 'CLOSED' }))).toBe('linkedEnded');
    expect(caseLink(item())).toBe('opened');
    expect(caseLink(item({ caseOpen: false, caseStatus: 'DISMISSED' }))).toBe('openedEnded');
  });

  it('names a case RC- and its first eight hex digits', () => {
    expect(caseRef('risk-case-1f2e3d4c-0000-4000-8000-000000000000')).toBe('RC-1f2e3d4c');
  });
});

describe('desks', () => {
  it('names the CBTC desk for central reports and the offices for local ones', () => {
    expect(desksOfReport(item())).toEqual(['CBTC']);
    expect(desksOfReport(item({ route: 'LOCAL', officeIds: ['40'] }))).toEqual(['40']);
  });

  it('keeps the desks seen before and adds new offices, CBTC first, offices by number', () => {
    expect(deskChoices([], [])).toEqual(['CBTC']);
    expect(deskChoices(['CBTC', '40'], [item({ route: 'LOCAL', officeIds: ['120'] }), item({ route: 'LOCAL', officeIds: ['20', '40'] })])).toEqual(['CBTC', '20', '40', '120']);
  });
});
