import { type AuthUser } from '../core/api.types';
import { passengerDecisionMock, passengerDetailMock, passengerItemMock } from './passenger.mock';
import {
  DEFAULT_AIRPORT_OFFICE,
  bookingPhrases,
  caseLink,
  caseStatusKey,
  countedKey,
  decisionChain,
  fullName,
  isMasked,
  passengerComposedKeys,
  paymentKey,
  queueOffice,
  reasonRows,
  routeText,
  sourceLink,
  stageKey,
} from './passenger-view';

const user = (role: AuthUser['role'], officeId: string | null): AuthUser => ({ id: 'u', name: 'u', role, officeId });

describe('passenger view', () => {
  it('asks for the own office of office-bound users, and the URL\'s (or Incheon Airport) for analysts and auditors', () => {
    expect(queueOffice(user('local_officer', '40'), '20')).toBeNull();
    expect(queueOffice(user('passenger_desk', '40'), null)).toBeNull();
    expect(queueOffice(user('cbtc_analyst', null), '20')).toBe('20');
    expect(queueOffice(user('auditor', null), ' 30 ')).toBe('30');
    expect(queueOffice(user('auditor', null), null)).toBe(DEFAULT_AIRPORT_OFFICE);
    expect(queueOffice(user('auditor', null), 'x; drop')).toBe(DEFAULT_AIRPORT_OFFICE);
    expect(queueOffice(null, null)).toBe(DEFAULT_AIRPORT_OFFICE);
  });

  it('takes a criterion reason apart into its id, lane and the facts that fired it', () => {
    expect(reasonRows(passengerItemMock())).toEqual([
      { kind: 'criterion', criterion: 'CEN-DRG-101 v1', lane: 'RED', text: 'bookingDaysBeforeDeparture lessThanInclusive 4 (actual 1); companions equal 0 (actual 0)' },
    ]);
  });

  it('leaves out the reason a companion link writes when the link is shown apart, keeps the earlier selection and other reasons', () => {
    const item = passengerItemMock({
      reasons: [
        'shares booking GWLBX7 with a person watched for open risk case: drug courier (risk-case-1)',
        'shares booking ZZZZZZ with a person watched for seizure 2026-11-02 (inspection-case-PAX-1)',
        'selected YELLOW on the passenger list before (pax-decision-1)',
        'a reason in other words',
      ],
      companionLinks: [{ bookingReference: 'GWLBX7', watchedReason: 'an open risk case (SMUGGLING)', sourceId: 'risk-case-1', watchedKind: 'OPEN_RISK_CASE', watchedSince: null, watchedRiskArea: 'SMUGGLING' }],
    });
    expect(reasonRows(item)).toEqual([
      { kind: 'text', text: 'shares booking ZZZZZZ with a person watched for seizure 2026-11-02 (inspection-case-PAX-1)' },
      { kind: 'earlier', lane: 'YELLOW', decisionId: 'pax-decision-1' },
      { kind: 'text', text: 'a reason in other words' },
    ]);
    expect(reasonRows({ reasons: [], companionLinks: [] })).toEqual([]);
  });

  it('says the booking facts in the order an officer reads them, counted', () => {
    expect(bookingPhrases(passengerItemMock().booking!)).toEqual([
      { key: 'pax.booking.daysBefore.one', params: { n: 1 } },
      { key: 'pax.payment.CASH' },
      { key: 'pax.booking.alone' },
      { key: 'pax.booking.stay.other', params: { n: 3 } },
      { key: 'pax.booking.bags.other', params: { n: 0 } },
    ]);
    const group = { ...passengerItemMock().booking!, bookingDaysBeforeDeparture: 12, formOfPayment: 'VOUCHER', companions: 1, lengthOfStayDays: null, bags: 1 };
    expect(bookingPhrases(group)).toEqual([
      { key: 'pax.booking.daysBefore.other', params: { n: 12 } },
      { key: 'pax.payment.OTHER' },
      { key: 'pax.booking.companions.one', params: { n: 1 } },
      { key: 'pax.booking.oneWay' },
      { key: 'pax.booking.bags.one', params: { n: 1 } },
    ]);
    expect(countedKey('pax.booking.bags', 2)).toBe('pax.booking.bags.other');
    expect(paymentKey('MILES')).toBe('pax.payment.MILES');
    expect(routeText(['YYZ', 'LAX', 'ICN'])).toBe('YYZ → LAX → ICN');
  });

  it('names stages and known case statuses, and tells masked values and full names', () => {
    expect(stageKey('APIS_PNR')).toBe('pax.stage.APIS_PNR');
    expect(caseStatusKey('RESULT_RECORDED')).toBe('status.RESULT_RECORDED');
    expect(caseStatusKey('SOMETHING_NEW')).toBeNull();
    expect(isMasked('K***')).toBe(true);
    expect(isMasked('***214')).toBe(true);
    expect(isMasked('1991-**-**')).toBe(true);
    expect(isMasked('KIM')).toBe(false);
    expect(fullName({ surname: 'YOON', givenNames: 'JIHOON' })).toBe('YOON JIHOON');
    expect(fullName({ surname: 'SUKARNO', givenNames: '' })).toBe('SUKARNO');
  });

  it('links the case page and a companion link\'s source only for the roles that may open them', () => {
    const caseId = 'inspection-case-PAX-0123456789ABCDEF';
    expect(caseLink(caseId, 'local_officer')).toEqual(['/cases', caseId]);
    expect(caseLink(caseId, 'passenger_desk')).toBeNull();
    expect(caseLink(caseId, 'cbtc_analyst')).toBeNull();
    expect(caseLink(null, 'local_officer')).toBeNull();
    expect(sourceLink('risk-case-1', 'cbtc_analyst')).toEqual(['/risk-cases', 'risk-case-1']);
    expect(sourceLink('risk-case-1', 'passenger_desk')).toBeNull();
    expect(sourceLink('inspection-case-PAX-1', 'supervisor')).toEqual(['/cases', 'inspection-case-PAX-1']);
    expect(sourceLink('something-else', 'auditor')).toBeNull();
    expect(sourceLink('risk-case-1', null)).toBeNull();
  });

  it('marks which screening the later one superseded, and the one in force', () => {
    const [apis, pnr] = passengerDetailMock().decisions;
    expect(decisionChain([apis, pnr])).toEqual([
      { decision: apis, supersededBy: pnr.decisionId, current: false },
      { decision: pnr, supersededBy: null, current: true },
    ]);
    const alone = passengerDecisionMock({ outcome: 'SELECTED', lane: 'YELLOW' });
    expect(decisionChain([alone])).toEqual([{ decision: alone, supersededBy: null, current: true }]);
    expect(decisionChain([])).toEqual([]);
  });

  it('names the i18n keys it composes', () => {
    expect(passengerComposedKeys()).toEqual(
      expect.arrayContaining(['pax.stage.APIS', 'pax.outcome.SELECTED', 'pax.docType.I', 'pax.sex.X', 'pax.payment.INVOICE', 'pax.booking.companions.other', 'pax.masked.true', 'pax.masked.false']),
    );
  });
});
