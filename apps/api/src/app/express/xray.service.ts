import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { ExpressDecisionRecord } from '@customs/decision';
import { ExpressRepository, type StoredInterpretation, type XrayDecision, type XrayQueueRow } from '@customs/persistence';
import { expressDocumentId, inspectionCaseId } from '@customs/workflows/messages';
import type { AuthUser } from '../../services/auth/auth-user';
import { assertSameOffice, scopeToOffice } from '../../services/auth/office-scope';
import { CaseStartOutbox } from '../case-start/case-start-outbox.service';
import { ExpressScreeningService } from './express-screening.service';
import type { ExpressWaybillDetail, XrayInterpretation, XrayItem, XrayQueue } from './express.responses';

/** Waybill numbers as stored: 8-20 letters or digits, upper-cased. */
const WAYBILL_NUMBER = /^[A-Za-z0-9]{8,20}$/;

/**
 * The X-ray interpretation queue of each express logistics centre and the interpreters'
 * decisions. Every screened waybill waits in its centre's queue in conveyor order until an
 * interpreter releases it, sends it to inspection (which queues an inspection case, document
 * type EXPRESS_WAYBILL, in the same transaction) or holds it for a second look. Decisions are
 * append-only with who and when; a final decision (RELEASE or INSPECT) is given once: the same
 * one again is answered as recorded (idempotent), another is refused (409). A waybill selected
 * for intrusive inspection cannot be released (its case is already queued).
 * Officers and supervisors work on their own office's centre only.
 */
@Injectable()
export class XrayService {
  constructor(
    private readonly express: ExpressRepository,
    private readonly screening: ExpressScreeningService,
    private readonly outbox: CaseStartOutbox,
  ) {}

  /**
   * The next items of a centre's queue and its counts.
   * @throws ForbiddenException (403) when an officer or supervisor asks for another centre;
   *   BadRequestException (400) when a user bound to no office names no centre.
   */
  async queue(user: AuthUser, q: { centre?: string; state?: 'PENDING' | 'HELD'; limit?: number }): Promise<XrayQueue> {
    const centreId = scopeToOffice(user, q.centre);
    if (!centreId) throw new BadRequestException('centre is required for a user bound to no office: ?centre=<office code>');
    const state = q.state ?? 'PENDING';
    const [rows, counts] = await Promise.all([this.express.queue(centreId, state, q.limit ?? 20), this.express.queueCounts(centreId)]);
    return { centreId, state, pending: counts.pending, held: counts.held, items: rows.map(item) };
  }

  /**
   * A waybill with its selection, the criteria traces and every interpretation.
   * @throws NotFoundException (404) for an unknown waybill; ForbiddenException (403) for another centre's.
   */
  async detail(user: AuthUser, waybillNumber: string): Promise<ExpressWaybillDetail> {
    const record = await this.record(user, waybillNumber);
    const [interpretations, caseId] = await Promise.all([this.express.interpretations(record.waybillNumber), this.express.caseOf(record.waybillNumber)]);
    const latest = interpretations.at(-1) ?? null;
    return {
      ...item({ record, interpretation: latest, caseId }),
      trace: record.firedCriteria.map((c) => ({
        id: c.id, version: c.version, lane: c.lane, reason: c.reason,
        conditions: c.conditions.map((t) => ({ fact: t.fact, operator: t.operator, value: t.value, actual: t.actual, result: t.result })),
      })),
      interpretations: interpretations.map(view),
      criteriaSet: record.criteriaSet,
      decidedAt: record.decidedAt,
    };
  }

  /**
   * Records an interpreter's decision. INSPECT queues the waybill's inspection case (RED, its
   * fired criteria to be given verdicts) in the same transaction.
   * @returns the interpretation and whether it was recorded now (false: the same final decision was recorded before).
   * @throws NotFoundException (404), ForbiddenException (403) as {@link detail}; ConflictException
   *   (409) when another final decision was recorded, or RELEASE of a waybill selected for intrusive inspection.
   */
  async interpret(user: AuthUser, waybillNumber: string, decision: XrayDecision, note: string | undefined): Promise<{ interpretation: XrayInterpretation; created: boolean }> {
    const record = await this.record(user, waybillNumber);
    const n = record.waybillNumber;
    const final = (await this.express.interpretations(n)).find((i) => i.decision !== 'HOLD');
    if (final) return this.repeated(final, decision);
    if (decision === 'RELEASE' && record.outcome === 'INTRUSIVE_INSPECTION') {
      throw new ConflictException(`waybill ${n} was selected for intrusive inspection (${record.firedCriteria.map((c) => c.id).join(', ')}); it cannot be released from the X-ray queue: send it to inspection`);
    }
    const input = decision === 'INSPECT' ? this.screening.caseInput(record) : null;
    const stored = await this.express.interpret({
      waybillNumber: n,
      decision,
      note: note?.trim() ? note.trim() : null,
      interpretedBy: user.id,
      caseStart: input ? { caseId: input.caseId, declarationId: input.declarationId, input } : null,
    });
    if (!stored) {
      // Another interpreter's final decision landed meanwhile.
      const now = (await this.express.interpretations(n)).find((i) => i.decision !== 'HOLD')!;
      return this.repeated(now, decision);
    }
    if (input) this.outbox.nudge();
    return { interpretation: view(stored), created: true };
  }

  private repeated(final: StoredInterpretation, decision: XrayDecision): { interpretation: XrayInterpretation; created: boolean } {
    if (final.decision === decision) return { interpretation: view(final), created: false };
    throw new ConflictException(
      `waybill ${final.waybillNumber} was already ${final.decision === 'RELEASE' ? 'released' : 'sent to inspection'} by ${final.interpretedBy} at ${final.interpretedAt}; ${decision} refused`,
    );
  }

  private async record(user: AuthUser, waybillNumber: string): Promise<ExpressDecisionRecord> {
    if (!WAYBILL_NUMBER.test(waybillNumber)) throw new NotFoundException(`no waybill ${waybillNumber}: a waybill number is 8-20 letters or digits`);
    const n = waybillNumber.toUpperCase();
    const stored = (await this.express.decisionsOf([n])).get(n);
    if (!stored) throw new NotFoundException(`no waybill ${n} has been screened`);
    assertSameOffice(user, stored.record.centreId, `waybill ${n}`);
    return stored.record;
  }
}

function view(i: StoredInterpretation): XrayInterpretation {
  return { waybillNumber: i.waybillNumber, decision: i.decision, note: i.note, interpretedBy: i.interpretedBy, interpretedAt: i.interpretedAt, caseId: i.caseId };
}

function item(row: XrayQueueRow): XrayItem {
  const r = row.record;
  return {
    waybillNumber: r.waybillNumber,
    manifestId: r.manifestId,
    transportMode: r.manifest.transportMode,
    voyage: r.manifest.voyage,
    arrivalAt: r.manifest.arrivalAt,
    centreId: r.centreId,
    waybill: r.waybill,
    outcome: r.outcome,
    lane: r.lane,
    reasons: r.reasons,
    summary: r.summary,
    firedCriteria: r.firedCriteria.map((c) => ({ id: c.id, version: c.version, name: c.reason, lane: c.lane })),
    riskScore: r.riskScore,
    interpretation: row.interpretation ? view(row.interpretation) : null,
    caseId: row.caseId ?? (r.outcome === 'INTRUSIVE_INSPECTION' ? inspectionCaseId(expressDocumentId(r.waybillNumber)) : null),
  };
}
