import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import type { Declaration } from '@customs/domain';
import { labelledOutcome, OutcomeHistory, type HistoryAggregate, type HistoryLookup, type KeyPart, type LabelledOutcome } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';

/** Rows read per query while loading the history. */
const PAGE = 20_000;
/**
 * Sequence numbers re-read behind the last one seen: identity values are taken at insert
 * but become visible at commit, so a slow transaction can commit a lower `seq` after a
 * higher one was read. Rows already indexed are skipped by declaration id.
 */
const SEQ_OVERLAP = 1000;

/** One labelled outcome to import (`POST /api/supply-chain/outcomes`). */
export interface ImportedOutcome {
  declaration: Declaration;
  /** KCS Fraud 0/1. */
  fraud: 0 | 1;
  /** KCS Critical Fraud 0/1/2 (2 = a threat to public safety). */
  criticalFraud: 0 | 1 | 2;
}

/**
 * The supply-chain history in the API: every labelled outcome of `inspection_outcome`,
 * indexed in memory ({@link OutcomeHistory}) for the key definitions of the loaded models, and
 * kept current by reading the rows added since the last load every `HISTORY_REFRESH_MS`
 * (results recorded by the case worker, imports from any API instance).
 *
 * Postgres is the source of truth; this index is a cache the same rule reads in training:
 * only outcomes dated strictly before a declaration's date count for it.
 */
@Injectable()
export class SupplyChainHistoryService implements HistoryLookup, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SupplyChainHistoryService.name);
  private keys: KeyPart[][] = [];
  private history = new OutcomeHistory([]);
  private lastSeq = 0;
  private readonly indexed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.timer = setInterval(() => void this.refresh().catch((e) => this.logger.warn(`history refresh failed: ${(e as Error).message}`)), this.config.historyRefreshMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Makes sure the given key definitions are indexed (rebuilding the index from Postgres
   * when a new one appears, e.g. a newly registered model version).
   */
  async ensureKeys(keyDefinitions: ReadonlyArray<readonly KeyPart[]>): Promise<void> {
    const known = new Set(this.keys.map((k) => k.join('+')));
    const missing = keyDefinitions.filter((k) => !known.has(k.join('+')));
    if (missing.length === 0) return;
    this.keys = [...this.keys, ...missing.map((k) => [...k])];
    this.history = new OutcomeHistory(this.keys);
    this.lastSeq = 0;
    this.indexed.clear();
    await this.refresh();
  }

  /** Loads the outcomes added since the last load. Concurrent calls share one load. */
  refresh(): Promise<void> {
    if (!this.loading) {
      this.loading = this.loadNew().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** Number of outcomes in the index. */
  get size(): number {
    return this.history.size;
  }

  aggregate(parts: readonly KeyPart[], key: string, date: string): HistoryAggregate {
    return this.history.aggregate(parts, key, date);
  }

  /**
   * Imports labelled outcomes of the past (source `HISTORY`). Idempotent on the declaration
   * id: an outcome already recorded (imported or inspected) is left as it is.
   * @returns how many were new.
   */
  async importOutcomes(outcomes: ImportedOutcome[]): Promise<{ received: number; inserted: number }> {
    if (outcomes.length === 0) return { received: 0, inserted: 0 };
    const rows: Array<{ declaration_id: string }> = await this.db.query(
      `INSERT INTO inspection_outcome (declaration_id, declaration_date, declaration, fraud, critical_fraud, source, case_id, recorded_at)
       SELECT id, d::date, decl, f, c, 'HISTORY', NULL, now()
       FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[], $4::smallint[], $5::smallint[]) AS t(id, d, decl, f, c)
       ON CONFLICT ON CONSTRAINT uq_inspection_outcome_declaration DO NOTHING
       RETURNING declaration_id`,
      [
        outcomes.map((o) => o.declaration.declarationId),
        outcomes.map((o) => o.declaration.date),
        outcomes.map((o) => JSON.stringify(o.declaration)),
        outcomes.map((o) => o.fraud),
        outcomes.map((o) => o.criticalFraud),
      ],
    );
    await this.refresh();
    return { received: outcomes.length, inserted: rows.length };
  }

  private async loadNew(): Promise<void> {
    let from = Math.max(0, this.lastSeq - SEQ_OVERLAP);
    for (;;) {
      const rows: Array<{ seq: string; declaration_id: string; declaration: Declaration; fraud: number; critical_fraud: number }> = await this.db.query(
        `SELECT seq, declaration_id, declaration, fraud, critical_fraud FROM inspection_outcome WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`,
        [from],
      );
      if (rows.length === 0) return;
      const outcomes: LabelledOutcome[] = [];
      for (const r of rows) {
        if (this.indexed.has(r.declaration_id)) continue;
        this.indexed.add(r.declaration_id);
        outcomes.push(labelledOutcome(r.declaration, { fraud: r.fraud, criticalFraud: r.critical_fraud }));
      }
      this.history.add(outcomes);
      from = Number(rows[rows.length - 1].seq);
      this.lastSeq = Math.max(this.lastSeq, from);
      if (rows.length < PAGE) return;
    }
  }
}
