import { SelectivityEngine } from '@customs/selectivity';
import { drugCourierCriterion, splitShipmentCriterion } from '@customs/selectivity/testing';
import { expressSelection, passengerSelection } from './stream-selection';

const engine = SelectivityEngine.compile([splitShipmentCriterion, { ...drugCourierCriterion }]);
const waybill = {
  waybillNumber: 'EX1', consigneeKind: 'PERSONAL', declaredValueUsd: 140, addressWaybillsInManifest: 3, addressValueInManifestUsd: 410,
};
const passenger = { passengerRecordId: 'TG656-2026-12-06-THX1', bookingDaysBeforeDeparture: 2, companions: 0, lengthOfStayDays: 3, formOfPayment: 'CASH' };
const link = { travelDocumentNumber: 'X2', bookingReference: 'ABC123', watched: { travelDocumentNumber: 'X1', reason: 'a methamphetamine seizure', sourceId: 'IC-42' } };

describe('express selection', () => {
  it('flags a waybill for the X-ray interpreter with the criterion that fired, in words', () => {
    const fired = engine.evaluateFacts('EXPRESS_MANIFEST', waybill, '2026-12-06', '40').fired;
    const s = expressSelection('EX1', fired);
    expect(s).toMatchObject({ outcome: 'XRAY_FLAGGED', lane: 'YELLOW' });
    expect(s.summary).toBe(`Waybill EX1 was flagged for the X-ray interpreter (YELLOW): ${s.reasons[0]}.`);
    expect(s.reasons[0]).toContain('addressWaybillsInManifest 3 >= 2');
  });

  it('leaves an unselected waybill to the interpreter and sends a RED one to intrusive inspection', () => {
    expect(expressSelection('EX2', [])).toMatchObject({ outcome: 'RELEASE', lane: 'GREEN', summary: 'Waybill EX2 was left to the X-ray interpreter (no criterion fired).' });
    const fired = engine.evaluateFacts('EXPRESS_MANIFEST', waybill, '2026-12-06', '40').fired.map((f) => ({ ...f, lane: 'RED' as const }));
    expect(expressSelection('EX3', fired).outcome).toBe('INTRUSIVE_INSPECTION');
  });
});

describe('passenger selection', () => {
  it('selects on the courier criterion and links the decision to the earlier one on APIS', () => {
    const fired = engine.evaluateFacts('PASSENGER', passenger, '2026-12-06', '40').fired;
    const s = passengerSelection(passenger.passengerRecordId, fired, [], { decisionId: 'D-1', lane: 'GREEN' });
    expect(s).toMatchObject({ outcome: 'SELECTED', lane: 'RED', supersedes: 'D-1' });
    expect(s.summary).toMatch(/^Passenger TG656-2026-12-06-THX1 was selected for the arrival-hall inspection \(RED\): CEN-DRG-101 v1 \(RED\)/);
  });

  it('selects a companion of a watched person for at least YELLOW, naming the booking and the reason', () => {
    const s = passengerSelection('P2', [], [link]);
    expect(s).toMatchObject({ outcome: 'SELECTED', lane: 'YELLOW', supersedes: null });
    expect(s.reasons).toEqual(['shares booking ABC123 with a person watched for a methamphetamine seizure (IC-42)']);
  });

  it('never lowers the lane of the earlier screening, and clears a passenger nothing selects', () => {
    expect(passengerSelection('P3', [], [], { decisionId: 'D-3', lane: 'YELLOW' })).toMatchObject({ lane: 'YELLOW', outcome: 'SELECTED' });
    expect(passengerSelection('P4', [], [])).toMatchObject({ lane: 'GREEN', outcome: 'CLEARED', summary: 'Passenger P4 was cleared.' });
  });
});
