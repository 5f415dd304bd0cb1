import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { loadRuntimeConfig } from '@customs/config';
import { runningStackEnv } from '../stack/running-stack';
import { sampleDeclaration } from '@customs/domain/testing';
import { runMigrations } from '@customs/migrations';

/**
 * `node -r @swc-node/register tools/audit/chain-cost.ts [batches] [batchSize] [writers]`: measures
 * what the hash-chain trigger costs on the screening service's batch insert (the same
 * `INSERT ... SELECT * FROM unnest(...)` statement, records of about the real size). Creates a
 * scratch database next to `DATABASE_OWNER_URL`'s, migrates it, inserts `batches` batches of
 * `batchSize` decision records from `writers` concurrent connections with the chain trigger on,
 * then the same with it disabled, prints rows/s for both and the ratio, and drops the database.
 */
async function main([batches = '40', batchSize = '500', writers = '4']: string[]): Promise<void> {
  const ownerUrl = loadRuntimeConfig(runningStackEnv()).databaseOwnerUrl;
  const name = `chain_cost_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: ownerUrl, max: 1 });
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  try {
    await runMigrations(url.toString());
    const db = new Pool({ connectionString: url.toString(), max: Number(writers) });
    try {
      const on = await measure(db, Number(batches), Number(batchSize), Number(writers), 'on');
      await db.query(`ALTER TABLE decision_record DISABLE TRIGGER decision_record_audit_chain`);
      // Without the trigger nothing fills the chain columns: give them constants.
      await db.query(`ALTER TABLE decision_record ALTER chain_seq DROP NOT NULL, ALTER prev_hash DROP NOT NULL, ALTER row_hash DROP NOT NULL,
                      DROP CONSTRAINT uq_decision_record_chain_seq`);
      const off = await measure(db, Number(batches), Number(batchSize), Number(writers), 'off');
      console.log(JSON.stringify({ batchSize: Number(batchSize), writers: Number(writers), rowsPerSecondChained: on, rowsPerSecondUnchained: off, cost: `${Math.round((1 - on / off) * 100)}%` }));
    } finally {
      await db.end();
    }
  } finally {
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Inserts `batches` batches from `writers` connections at once; returns rows per second. */
async function measure(db: Pool, batches: number, batchSize: number, writers: number, label: string): Promise<number> {
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: writers }, async () => {
    while (next < batches) {
      const batch = next++;
      await insertBatch(db, `${label}${batch}`, batchSize);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = Math.round((batches * batchSize) / seconds);
  console.log(`chain trigger ${label}: ${batches * batchSize} rows in ${seconds.toFixed(2)} s = ${rate} rows/s`);
  return rate;
}

async function insertBatch(db: Pool, prefix: string, size: number): Promise<void> {
  const ids = Array.from({ length: size }, (_, i) => `${prefix}-${i}`);
  const record = (id: string) => JSON.stringify({
    declarationId: id,
    declaration: sampleDeclaration({ declarationId: id }),
    lane: 'GREEN',
    firedCriteria: [{ id: 'CEN-WPN-001', version: 1, lane: 'RED', conditions: [{ fact: 'hsCode', operator: 'hsStartsWithAny', value: ['93'], actual: '930200', result: true }] }],
    model: { name: 'kcs-fraud-gbdt', version: '1', score: Math.random(), thresholds: { red: 0.9, yellow: 0.7 }, lane: 'GREEN' },
    controlSample: false,
    criteriaInForce: Array.from({ length: 20 }, (_, i) => ({ id: `CEN-X-${i}`, version: 1 })),
    summary: `Declaration ${id} was cleared automatically (GREEN): no criterion fired and the model score is below the YELLOW cut-off.`,
  });
  await db.query(
    `INSERT INTO decision_record (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
     SELECT * FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::varchar[], $5::float8[], $6::bool[], $7::jsonb[])
     ON CONFLICT ON CONSTRAINT uq_decision_record_declaration DO NOTHING`,
    [ids, ids.map(() => 'a'.repeat(64)), ids.map(() => '40'), ids.map(() => 'GREEN'), ids.map(() => Math.random()), ids.map(() => false), ids.map(record)],
  );
}

main(process.argv.slice(2)).catch((err) => {
  console.error(`chain-cost: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
