import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { maskApisPassenger, maskPnrRecord, type PnrRecord } from '@customs/domain';
import { PassengerRepository, type PassengerDecisionBody, type PassengerQueueRow } from '@customs/persistence';
import type { AuthUser } from '../../services/auth/auth-user';
import { assertSameOffice, scopeToOffice } from '../../services/auth/office-scope';
import type { BookingSummary, PassengerDecisionView, PassengerDetail, PassengerQueue, PassengerQueueItem } from './passengers.responses';

/** Whether a reader sees passengers masked: everyone but the passenger desk (issue 15, privacy by design). */
export function readsMasked(user: Pick<AuthUser, 'role'>): boolean {
  return user.role !== 'passenger_desk';
}

/**
 * Reads of passenger records: the arrival-hall queue of an airport office and one passenger's
 * records. Names, travel document numbers and dates of birth are masked for every role but the
 * passenger desk (`maskApisPassenger`, `maskPnrRecord`); every passenger shown is recorded in
 * `passenger_read` (who, role, masked or not, which view) before the answer leaves.
 * Officers, supervisors and the desk read their own office only.
 */
@Injectable()
export class PassengerRecordsService {
  constructor(private readonly passengers: PassengerRepository) {}

  /**
   * An office's arrival-hall queue: selected passengers whose case is not closed, RED first.
   * @throws ForbiddenException (403) for another office; BadRequestException (400) when a user bound to no office names none.
   */
  async queue(user: AuthUser, q: { office?: string; limit?: number }): Promise<PassengerQueue> {
    const officeId = scopeToOffice(user, q.office);
    if (!officeId) throw new BadRequestException('office is required for a user bound to no office: ?office=<office code>');
    const masked = readsMasked(user);
    const { total, rows } = await this.passengers.queue(officeId, q.limit ?? 50);
    await this.passengers.recordReads(rows.map((r) => r.apis.passengerId), user, masked, 'QUEUE');
    return { officeId, masked, total, items: rows.map((r) => queueItem(r, masked)) };
  }

  /**
   * One passenger: the APIS record, the matched PNR (depersonalised past its retention), every
   * screening oldest first, and the case.
   * @throws NotFoundException (404) for an unknown passenger; ForbiddenException (403) for another office's.
   */
  async detail(user: AuthUser, passengerId: string): Promise<PassengerDetail> {
    const apis = await this.passengers.apisOf(passengerId);
    if (!apis) throw new NotFoundException(`no passenger ${passengerId} has been screened`);
    assertSameOffice(user, apis.record.arrivalOfficeId, `passenger ${passengerId}`);
    const decisions = (await this.passengers.decisionsOf([passengerId])).get(passengerId) ?? [];
    const booking = decisions.at(-1)?.bookingReference ?? null;
    const pnr = booking ? (await this.passengers.pnrsByReference([booking])).get(booking) ?? null : null;
    const masked = readsMasked(user);
    await this.passengers.recordReads([passengerId], user, masked, 'DETAIL');
    return {
      passengerId,
      masked,
      apis: masked ? { ...maskApisPassenger(apis.record), passengerRecordId: passengerId } : apis.record,
      pnr: pnr ? (masked ? maskPnrRecord(pnr.record) : pnr.record) : null,
      pnrDepersonalised: pnr?.depersonalised ?? false,
      decisions: decisions.map(decisionView),
      caseId: await this.passengers.caseOf(passengerId),
    };
  }
}

function decisionView(d: PassengerDecisionBody): PassengerDecisionView {
  return {
    decisionId: d.decisionId, stage: d.stage, outcome: d.outcome, lane: d.lane, reasons: d.reasons, firedCriteria: d.firedCriteria.map((c) => c.id),
    companionLinks: d.companionLinks, supersedes: d.supersedes, criteriaSet: d.criteriaSet, decidedAt: d.decidedAt,
  };
}

function bookingSummary(pnr: PnrRecord, facts: PassengerDecisionBody['facts']): BookingSummary {
  return {
    bookingReference: pnr.bookingReference,
    bookingDate: pnr.bookingDate,
    bookingDaysBeforeDeparture: Number(facts['bookingDaysBeforeDeparture'] ?? 0),
    formOfPayment: pnr.formOfPayment,
    companions: pnr.passengers.length - 1,
    lengthOfStayDays: pnr.lengthOfStayDays,
    bags: pnr.bags,
    route: [pnr.itinerary[0].from, ...pnr.itinerary.map((s) => s.to)],
  };
}

function queueItem(r: PassengerQueueRow, masked: boolean): PassengerQueueItem {
  const a = masked ? maskApisPassenger(r.apis.record) : r.apis.record;
  const d = r.decision;
  return {
    passengerId: r.apis.passengerId,
    caseId: r.caseId,
    caseStatus: r.caseStatus,
    lane: d.lane,
    flightNumber: a.flightNumber,
    flightDate: a.flightDate,
    departureAirport: a.departureAirport,
    arrivalAirport: a.arrivalAirport,
    seat: a.seat,
    surname: a.surname,
    givenNames: a.givenNames,
    nationality: a.nationality,
    sex: a.sex,
    dateOfBirth: a.dateOfBirth,
    ageBand: String(d.facts['ageBand'] ?? ''),
    travelDocument: { type: a.travelDocument.type, number: a.travelDocument.number, issuingCountry: a.travelDocument.issuingCountry },
    stage: d.stage,
    reasons: d.reasons,
    firedCriteria: d.firedCriteria.map((c) => c.id),
    companionLinks: d.companionLinks,
    booking: r.pnr ? bookingSummary(r.pnr, d.facts) : null,
    decidedAt: d.decidedAt,
  };
}
