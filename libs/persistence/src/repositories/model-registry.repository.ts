import type { DataSource, EntityManager } from 'typeorm';
import { ModelEventEntity, ModelRegistrationEntity } from '../entities';

/** A model version's role: the CHAMPION decides, CHALLENGERs score in shadow, RETIRED ones are not loaded. */
export type ModelRole = 'CHAMPION' | 'CHALLENGER' | 'RETIRED';

/** One registered model version. */
export interface ModelRegistrationRow {
  version: string;
  name: string;
  role: ModelRole;
  registeredAt: Date;
  updatedAt: Date;
}

/** One audited change of a model's role as served (`occurredAt` an ISO timestamp, `id` a decimal string). */
export interface ModelEventView {
  id: string;
  version: string;
  /** REGISTERED, PROMOTED or DEMOTED. */
  type: string;
  fromRole: string | null;
  toRole: string;
  actor: string;
  reason: string;
  occurredAt: string;
}

/** A role change to record (see {@link ModelRegistryRepository.recordEvent}); it happens now. */
export type NewModelEvent = Omit<ModelEventView, 'id' | 'occurredAt'>;

/**
 * The model registry aggregate: `model_registration`, each model version known and its role
 * (exactly one CHAMPION, a partial unique index), and `model_event`, the append-only audit of
 * every role change. Times are the transaction's (`now()`).
 */
export class ModelRegistryRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get registrations() {
    return this.db.getRepository(ModelRegistrationEntity);
  }

  /**
   * Runs `work` in a transaction holding `model_registration` in EXCLUSIVE mode (readers go on,
   * other writers and lockers wait), so registrations and promotions by several API instances
   * take turns. `work` gets a repository over the transaction; its writes commit when it resolves.
   * @returns what `work` returns.
   */
  async withRegistryLocked<T>(work: (registry: ModelRegistryRepository) => Promise<T>): Promise<T> {
    const manager = 'manager' in this.db ? this.db.manager : this.db;
    return manager.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ${tx.getRepository(ModelRegistrationEntity).metadata.tableName} IN EXCLUSIVE MODE`);
      return work(new ModelRegistryRepository(tx));
    });
  }

  /** Every registered version, by version. */
  async all(): Promise<ModelRegistrationRow[]> {
    const rows = await this.registrations.find({ order: { version: 'ASC' } });
    return rows.map((r) => ({ version: r.version, name: r.name, role: r.role as ModelRole, registeredAt: r.registeredAt, updatedAt: r.updatedAt }));
  }

  /** Registers a version with its role (registered and updated now). Fails for a known version (primary key). */
  async register(version: string, name: string, role: ModelRole): Promise<void> {
    await this.registrations.insert({ version, name, role, registeredAt: () => 'now()', updatedAt: () => 'now()' });
  }

  /** Sets a version's role (updated now); an unknown version changes nothing. */
  async setRole(version: string, role: ModelRole): Promise<void> {
    await this.registrations.update({ version }, { role, updatedAt: () => 'now()' });
  }

  /** Appends one role change to `model_event` (append-only: inserted, never saved). */
  async recordEvent(e: NewModelEvent): Promise<void> {
    await this.db.getRepository(ModelEventEntity).insert({ ...e, occurredAt: () => 'now()' });
  }

  /** The role changes of one version (or of every version when `version` is omitted), newest first. */
  async events(version?: string): Promise<ModelEventView[]> {
    const rows = await this.db.getRepository(ModelEventEntity).find({ where: version == null ? {} : { version }, order: { id: 'DESC' } });
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      type: r.type,
      fromRole: r.fromRole,
      toRole: r.toRole,
      actor: r.actor,
      reason: r.reason,
      occurredAt: r.occurredAt.toISOString(),
    }));
  }
}
