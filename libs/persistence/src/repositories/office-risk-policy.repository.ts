import type { DataSource, EntityManager } from 'typeorm';
import type { DerivedThresholds, OfficePolicyVersion } from '@customs/decision';
import { OfficeRiskPolicyEntity } from '../entities';

/** One stored version of an office's risk policy, as the API shows it. */
export interface PolicyVersionView extends OfficePolicyVersion {
  officeId: string;
  /** What was derived when the version was written, for the model deciding then. */
  derivedAtWrite: DerivedThresholds & { model: { name: string; version: string } };
  createdBy: string;
  reason: string;
  /** ISO timestamp. */
  createdAt: string;
}

/** The figures of a new version (see {@link OfficeRiskPolicyRepository.append}). */
export type NewPolicyVersion = Omit<PolicyVersionView, 'version' | 'createdAt'>;

const view = (e: OfficeRiskPolicyEntity): PolicyVersionView => ({
  officeId: e.officeId,
  version: e.version,
  dailyPhysicalCapacity: e.dailyPhysicalCapacity,
  dailyDocumentCapacity: e.dailyDocumentCapacity,
  expectedDailyDeclarations: e.expectedDailyDeclarations,
  expectedDailyDeclarationsSource: e.expectedDailyDeclarationsSource as PolicyVersionView['expectedDailyDeclarationsSource'],
  controlShare: e.controlShare,
  explorationShare: e.explorationShare,
  derivedAtWrite: e.derived as unknown as PolicyVersionView['derivedAtWrite'],
  createdBy: e.createdBy,
  reason: e.reason,
  createdAt: e.createdAt.toISOString(),
});

/**
 * The risk policies aggregate: `office_risk_policy`, append-only versions per office (a trigger
 * refuses UPDATE, DELETE and TRUNCATE; rows are only inserted).
 */
export class OfficeRiskPolicyRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get repo() {
    return this.db.getRepository(OfficeRiskPolicyEntity);
  }

  /** Every version of an office's policy, newest first. */
  async history(officeId: string): Promise<PolicyVersionView[]> {
    return (await this.repo.find({ where: { officeId }, order: { version: 'DESC' } })).map(view);
  }

  /** The newest version of an office's policy, or null when it has none. */
  async newest(officeId: string): Promise<PolicyVersionView | null> {
    const e = await this.repo.findOne({ where: { officeId }, order: { version: 'DESC' } });
    return e ? view(e) : null;
  }

  /** The newest version of every office's policy. */
  async newestOfEachOffice(): Promise<Map<string, PolicyVersionView>> {
    const rows = await this.repo.createQueryBuilder('p').distinctOn(['p.officeId']).orderBy('p.officeId').addOrderBy('p.version', 'DESC').getMany();
    return new Map(rows.map((e) => [e.officeId, view(e)]));
  }

  /** A value that changes whenever a version is added (row count and highest id), to tell when to re-read. */
  async fingerprint(): Promise<string> {
    const r = await this.repo.createQueryBuilder('p').select('count(*)', 'n').addSelect('max(p.id)', 'maxId').getRawOne<{ n: string; maxId: string | null }>();
    return `${r?.n ?? 0}:${r?.maxId ?? ''}`;
  }

  /**
   * Adds the office's next version (newest + 1), written by `derivedAtWrite.model`.
   * Two writers taking the same next version: the unique key refuses one, which then retries
   * with the next number (up to 5 attempts).
   * @returns the version number written.
   */
  async append(v: NewPolicyVersion): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [row]: Array<{ version: number }> = await this.db.query(
          `INSERT INTO ${this.repo.metadata.tableName} (office_id, version, daily_physical_capacity, daily_document_capacity, expected_daily_declarations,
             expected_daily_declarations_source, control_share, exploration_share, derived, model_name, model_version, created_by, reason)
           SELECT $1::varchar, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
           FROM ${this.repo.metadata.tableName} WHERE office_id = $1::varchar
           RETURNING version`,
          [v.officeId, v.dailyPhysicalCapacity, v.dailyDocumentCapacity, v.expectedDailyDeclarations, v.expectedDailyDeclarationsSource, v.controlShare,
            v.explorationShare, JSON.stringify(v.derivedAtWrite), v.derivedAtWrite.model.name, v.derivedAtWrite.model.version, v.createdBy, v.reason],
        );
        return row.version;
      } catch (err) {
        if ((err as { code?: string }).code === '23505' && attempt < 5) continue;
        throw err;
      }
    }
  }
}
