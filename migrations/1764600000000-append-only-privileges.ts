import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@customs/persistence';

/** Append-only tables created after the audit-chain migration (their triggers refuse changes too). */
const LATER_APPEND_ONLY = ['criteria_set', 'office_risk_policy', 'inspection_outcome', 'model_event'];

/**
 * The application role may only INSERT and SELECT the append-only tables of the later
 * migrations, as for the audited evidence tables: default privileges gave it full DML on them.
 * Privileges plus the `refuse_change()` triggers of their own migrations.
 */
export class AppendOnlyPrivileges1764600000000 implements MigrationInterface {
  name = 'AppendOnlyPrivileges1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of LATER_APPEND_ONLY) await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${table}" FROM PUBLIC, ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of LATER_APPEND_ONLY) await q.query(`GRANT UPDATE, DELETE ON "${table}" TO ${APP_ROLE}`);
  }
}
