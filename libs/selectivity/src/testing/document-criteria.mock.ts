import type { SelectivityCriterion } from '../criterion';
import { mockCriterion } from './declaration.mock';

/** Split shipments: two or more parcels to one delivery address in a manifest, each under the USD 150 duty-free threshold, together over it. */
export const splitShipmentCriterion: SelectivityCriterion = mockCriterion({
  id: 'CEN-EXP-001',
  lane: 'YELLOW',
  riskArea: 'TAX_EVASION',
  targetDocument: 'EXPRESS_MANIFEST',
  conditions: {
    all: [
      { fact: 'consigneeKind', operator: 'equal', value: 'PERSONAL' },
      { fact: 'declaredValueUsd', operator: 'lessThan', value: 150 },
      { fact: 'addressWaybillsInManifest', operator: 'greaterThanInclusive', value: 2 },
      { fact: 'addressValueInManifestUsd', operator: 'greaterThan', value: 150 },
    ],
  },
});

/** The drug-courier pattern of KCS detection cases, on the PNR's facts: booked days before boarding, travelling alone, a short stay, paid in cash. */
export const drugCourierCriterion: SelectivityCriterion = mockCriterion({
  id: 'CEN-DRG-101',
  lane: 'RED',
  riskArea: 'SMUGGLING_DRUGS',
  targetDocument: 'PASSENGER',
  conditions: {
    all: [
      { fact: 'bookingDaysBeforeDeparture', operator: 'lessThanInclusive', value: 4 },
      { fact: 'companions', operator: 'equal', value: 0 },
      { fact: 'lengthOfStayDays', operator: 'lessThanInclusive', value: 4 },
      { fact: 'formOfPayment', operator: 'equal', value: 'CASH' },
    ],
  },
});
