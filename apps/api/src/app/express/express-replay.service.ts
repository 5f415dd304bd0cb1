import { Injectable, NotFoundException } from '@nestjs/common';
import { expressSelection } from '@customs/decision';
import { ExpressRepository } from '@customs/persistence';
import { CriteriaSetService } from '../criteria/criteria-set.service';
import { CriteriaService } from '../criteria/criteria.service';
import type { ExpressReplayResult, ExpressSelectionOutline } from './express.responses';

/**
 * Replays a waybill's selection for an auditor: its recorded facts (the waybill with the
 * manifest-wide tallies as they stood) against exactly the criterion versions in force at the
 * decision (the record's criteria set), the outcome decided again (`expressSelection`). Writes nothing.
 */
@Injectable()
export class ExpressReplayService {
  constructor(
    private readonly express: ExpressRepository,
    private readonly criteria: CriteriaService,
    private readonly criteriaSets: CriteriaSetService,
  ) {}

  /**
   * @throws NotFoundException (404) when the waybill was never screened or its criteria set is not stored.
   */
  async replay(waybillNumber: string): Promise<ExpressReplayResult> {
    const n = waybillNumber.toUpperCase();
    const stored = (await this.express.decisionsOf([n])).get(n);
    if (!stored) throw new NotFoundException(`no waybill ${n} has been screened`);
    const r = stored.record;
    const inForce = r.criteriaSet ? await this.criteriaSets.versionsOf(r.criteriaSet) : [];
    const { engine } = await this.criteria.engineForVersions(inForce);
    const fired = engine.evaluateFacts('EXPRESS_MANIFEST', r.facts, r.manifest.arrivalAt.slice(0, 10), r.centreId).fired;
    const again = expressSelection(n, fired);
    const recorded: ExpressSelectionOutline = { outcome: r.outcome, lane: r.lane, firedCriteria: r.firedCriteria.map((c) => `${c.id}@${c.version}`) };
    const replayed: ExpressSelectionOutline = { outcome: again.outcome, lane: again.lane, firedCriteria: fired.map((c) => `${c.id}@${c.version}`) };
    return {
      waybillNumber: n,
      recorded,
      replayed,
      identical: recorded.outcome === replayed.outcome && recorded.lane === replayed.lane && recorded.firedCriteria.join() === replayed.firedCriteria.join(),
      criteriaVersions: inForce,
    };
  }
}
