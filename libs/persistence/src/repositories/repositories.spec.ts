import { CriterionRepository } from './criterion.repository';
import { IdempotencyKeyRepository } from './idempotency-key.repository';
import { InspectionCaseRepository } from './inspection-case.repository';
import { IntelligenceRepository } from './intelligence.repository';
import { ModelRegistryRepository } from './model-registry.repository';
import { recordingDataSource } from './recording-data-source.mock';
import { RiskCaseRepository, type RiskCaseProjection } from './risk-case.repository';

// What the repositories send, and in which transaction, on a fake connection (no PostgreSQL):
// filters, locks taken before the work, rollback on a refusal, append-only writes.

const sqls = (statements: Array<{ sql: string }>) => statements.map((s) => s.sql);

describe('InspectionCaseRepository', () => {
  it('filters the queue by the given filters only, counts with the same filter, and pages riskiest first', async () => {
    const { dataSource, statements } = await recordingDataSource();
    const page = await new InspectionCaseRepository(dataSource).page({ officeId: '40', status: undefined, lane: 'RED', assigneeId: null }, 20, 40);
    expect(page).toEqual({ cases: [], total: 0 });
    const [count, rows] = statements;
    expect(count.sql).toMatch(/^SELECT COUNT\(1\) .* FROM "inspection_case" "c" WHERE "c"."office_id" = \$1 AND "c"."lane" = \$2$/);
    expect(count.params).toEqual(['40', 'RED']);
    expect(rows.sql).toMatch(/WHERE "c"."office_id" = \$1 AND "c"."lane" = \$2 ORDER BY "c"."risk_score" DESC, "c"."opened_at" ASC, "c"."case_id" ASC LIMIT 20 OFFSET 40$/);
  });

  it('stores no verdicts as NULL and guards the update by seq', async () => {
    const { dataSource, statements } = await recordingDataSource();
    const progress = { status: 'ASSIGNED', assigneeId: 'officer-1', escalated: false, outcome: null, findings: null, verdicts: [] };
    await new InspectionCaseRepository(dataSource).applyState('inspection-case-1', 3, progress, new Date(0));
    expect(statements[0].sql).toContain('WHERE case_id = $1 AND last_seq < $8');
    expect(statements[0].params[6]).toBeNull();
  });

  it('reads a case raw, without its bookkeeping, and serves ISO timestamps', async () => {
    const at = new Date('2026-12-01T08:00:00Z');
    const stored = {
      caseId: 'inspection-case-D1', declarationId: 'D1', documentType: 'IMPORT_DECLARATION', officeId: '40', lane: 'RED', status: 'CLOSED', riskScore: 0.9, controlSample: false,
      firedCriteria: [], assigneeId: 'o', escalated: false, outcome: 'SEIZURE', findings: 'x', verdicts: null, openedAt: at, updatedAt: at, closedAt: at,
    };
    const { dataSource, statements } = await recordingDataSource((sql) => (sql.startsWith('SELECT') ? [stored] : undefined));
    const view = await new InspectionCaseRepository(dataSource).findView('inspection-case-D1');
    expect(statements[0].sql).toMatch(/^SELECT "c"."case_id" AS "caseId", .*"c"."closed_at" AS "closedAt" FROM "inspection_case" "c" WHERE "c"."case_id" = \$1$/);
    expect(statements[0].sql).not.toContain('last_seq');
    expect(view).toEqual({ ...stored, openedAt: at.toISOString(), updatedAt: at.toISOString(), closedAt: at.toISOString() });
  });
});

describe('RiskCaseRepository', () => {
  it('limits an office-bound page to the office, and to none when the office is null', async () => {
    const { dataSource, statements } = await recordingDataSource();
    const repo = new RiskCaseRepository(dataSource);
    await repo.page({ officeId: null }, 50, 0);
    expect(statements[0].sql).toContain(`WHERE "r"."office_ids" ? $1`);
    expect(statements[0].params).toEqual([null]);
    statements.length = 0;
    await repo.page({ officeId: undefined, status: 'ACTIVE' }, 50, 0);
    expect(statements[0].sql).not.toContain('office_ids');
  });

  it('filters by risk area, desk and age, counts each status without the status filter, and pages with it', async () => {
    const { dataSource, statements } = await recordingDataSource((sql) =>
      sql.includes('GROUP BY') ? [{ status: 'IDENTIFIED', count: 3 }, { status: 'ACTIVE', count: 2 }] : undefined,
    );
    const repo = new RiskCaseRepository(dataSource);
    const page = await repo.page({ riskArea: 'SMUGGLING', desk: '40', maxAgeDays: 7, status: 'ACTIVE' }, 50, 0);
    const [counts, rows] = statements;
    expect(counts.sql).toMatch(/WHERE "r"."risk_area" = \$1 AND "r"."office_ids" \? \$2 AND "r"."opened_at" > now\(\) - make_interval\(days => \$3\) GROUP BY "r"."status"$/);
    expect(counts.params).toEqual(['SMUGGLING', '40', 8]);
    expect(rows.sql).toContain(`AND "r"."status" = $4`);
    expect(rows.sql).toContain(`r.state->>'smugglingSubtype' AS "smugglingSubtype"`);
    expect(page).toEqual({ riskCases: [], total: 2, counts: { IDENTIFIED: 3, ACTIVE: 2 } });

    statements.length = 0;
    expect((await repo.page({ desk: 'CBTC' }, 50, 0)).total).toBe(5);
    expect(statements[0].sql).toContain(`WHERE "r"."route" = 'CBTC' GROUP BY`);
  });

  const projection = (linkedCriterionId?: string): RiskCaseProjection => ({
    riskCaseId: 'risk-case-1', seq: 2, type: linkedCriterionId ? 'CRITERION_LINKED' : 'ASSESSED', actor: 'analyst-1', payload: {},
    status: 'TARGETING', riskArea: 'SMUGGLING', route: 'CBTC', officeIds: ['40'], riskLevel: 'HIGH', windowEndsAt: null, state: {},
    linkedCriterionId, at: new Date(0),
  });

  it('projects the event, the read model and a criterion link in one transaction', async () => {
    const { dataSource, statements } = await recordingDataSource();
    await new RiskCaseRepository(dataSource).project(projection('CEN-1'));
    const sql = sqls(statements);
    expect(sql[0]).toBe('START TRANSACTION');
    expect(sql[1]).toMatch(/^INSERT INTO risk_case_event .* ON CONFLICT ON CONSTRAINT uq_risk_case_event_seq DO NOTHING$/);
    expect(sql[2]).toMatch(/^INSERT INTO risk_case .* WHERE risk_case.last_seq < EXCLUDED.last_seq$/);
    expect(sql[3]).toMatch(/^INSERT INTO risk_case_criterion .* ON CONFLICT DO NOTHING$/);
    expect(sql[4]).toBe('COMMIT');
  });

  it('links no criterion for other events', async () => {
    const { dataSource, statements } = await recordingDataSource();
    await new RiskCaseRepository(dataSource).project(projection());
    expect(sqls(statements).some((s) => s.includes('risk_case_criterion'))).toBe(false);
  });
});

describe('IntelligenceRepository inbox', () => {
  const answer = (sql: string) => (sql.startsWith('SELECT count(*)::int AS total') ? [{ total: 0 }] : undefined);

  it('applies every filter set, to the count and to the page alike, newest first', async () => {
    const { dataSource, statements } = await recordingDataSource(answer);
    await new IntelligenceRepository(dataSource).inbox(
      { visibleToOffice: '20', desk: '40', riskArea: 'SMUGGLING', sourceType: 'FOREIGN_CUSTOMS', from: '2026-12-01', to: '2026-12-06', linked: true },
      25,
      50,
    );
    const [count, page] = statements;
    expect(count.params).toEqual(['20', '40', 'SMUGGLING', 'FOREIGN_CUSTOMS', '2026-12-01', '2026-12-06', true]);
    const where = `WHERE c.office_ids ? $1 AND (r.report->'routing'->'officeIds' ? $2 OR c.office_ids ? $2) AND r.report->>'riskArea' = $3 AND r.report->'source'->>'type' = $4 AND r.received_at >= ($5::date AT TIME ZONE 'UTC') AND r.received_at < (($6::date + 1) AT TIME ZONE 'UTC') AND r.duplicate = $7`;
    expect(count.sql).toContain(where);
    expect(page.sql).toContain(`${where} ORDER BY r.received_at DESC, r.report_id ASC LIMIT $8 OFFSET $9`);
    expect(page.params).toEqual(['20', '40', 'SMUGGLING', 'FOREIGN_CUSTOMS', '2026-12-01', '2026-12-06', true, 25, 50]);
  });

  it('limits an office-bound user with no office to nothing, and CBTC to the CBTC route', async () => {
    const { dataSource, statements } = await recordingDataSource(answer);
    await new IntelligenceRepository(dataSource).inbox({ visibleToOffice: null, desk: 'CBTC' }, 50, 0);
    expect(statements[0].sql).toContain(`WHERE c.office_ids ? $1 AND r.route = 'CBTC'`);
    expect(statements[0].params).toEqual(['']);
    statements.length = 0;
    await new IntelligenceRepository(dataSource).inbox({}, 50, 0);
    expect(statements[0].sql).not.toContain('WHERE');
  });
});

describe('exclusive sections', () => {
  it('CriterionRepository takes the criterion lock before the work and commits after it', async () => {
    const { dataSource, statements } = await recordingDataSource((sql) => (sql.includes('AS "next"') ? [{ next: 3 }] : undefined));
    const next = await new CriterionRepository(dataSource).withCriterionLock('CEN-1', (criteria) => criteria.nextVersion('CEN-1'));
    expect(next).toBe(3);
    expect(sqls(statements)).toEqual([
      'START TRANSACTION',
      'SELECT pg_advisory_xact_lock(hashtext($1))',
      expect.stringMatching(/^SELECT coalesce\(max\("c"."version"\), 0\) \+ 1 AS "next" FROM "selectivity_criterion" "c" WHERE "c"."id" = \$1$/),
      'COMMIT',
    ]);
    expect(statements[1].params).toEqual(['CEN-1']);
  });

  it('CriterionRepository rolls the work back when it throws, and rethrows', async () => {
    const { dataSource, statements } = await recordingDataSource();
    const refusal = new Error('superseded');
    await expect(new CriterionRepository(dataSource).withCriterionLock('CEN-1', async (criteria) => {
      await criteria.approve('CEN-1', 1, 'supervisor-1');
      throw refusal;
    })).rejects.toBe(refusal);
    expect(sqls(statements)[0]).toBe('START TRANSACTION');
    expect(sqls(statements).at(-1)).toBe('ROLLBACK');
    expect(sqls(statements)).not.toContain('COMMIT');
  });

  it('IntelligenceRepository serialises intakes with one advisory lock', async () => {
    const { dataSource, statements } = await recordingDataSource();
    await new IntelligenceRepository(dataSource).withIntakeLock(async () => undefined);
    expect(sqls(statements)).toEqual(['START TRANSACTION', 'SELECT pg_advisory_xact_lock(hashtext($1))', 'COMMIT']);
    expect(statements[1].params).toEqual(['intelligence-intake']);
  });

  it('ModelRegistryRepository locks the registry table in EXCLUSIVE mode first', async () => {
    const { dataSource, statements } = await recordingDataSource();
    await new ModelRegistryRepository(dataSource).withRegistryLocked((registry) => registry.setRole('v2', 'CHAMPION'));
    expect(sqls(statements)).toEqual([
      'START TRANSACTION',
      'LOCK TABLE model_registration IN EXCLUSIVE MODE',
      expect.stringMatching(/^UPDATE "model_registration" SET "role" = \$1, "updated_at" = now\(\) WHERE "version" = \$2/),
      'COMMIT',
    ]);
  });
});

describe('append-only and in-flight writes', () => {
  it('records approvals and model events by INSERT only', async () => {
    const { dataSource, statements } = await recordingDataSource();
    await new CriterionRepository(dataSource).approve('CEN-1', 2, 'analyst-2');
    await new ModelRegistryRepository(dataSource).recordEvent({ version: 'v2', type: 'PROMOTED', fromRole: 'CHALLENGER', toRole: 'CHAMPION', actor: 'a', reason: 'r' });
    expect(sqls(statements)).toEqual([expect.stringMatching(/^INSERT INTO "criterion_approval"\(/), expect.stringMatching(/^INSERT INTO "model_event"\(/)]);
  });

  it('IdempotencyKeyRepository releases only a key still in flight', async () => {
    const { dataSource, statements } = await recordingDataSource();
    await new IdempotencyKeyRepository(dataSource).release('officer-1', 'key-1');
    expect(statements[0].sql).toBe('DELETE FROM "idempotency_key" WHERE ("caller" = $1 AND "key" = $2 AND "status" IS NULL)');
  });
});
