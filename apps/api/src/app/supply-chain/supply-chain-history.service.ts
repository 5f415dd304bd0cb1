import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import { InspectionOutcomeRepository } from '@customs/persistence';
import type { Declaration } from '@customs/domain';
import { labelledOutcome, OutcomeHistory, type HistoryAggregate, type HistoryLookup, type KeyPart, type LabelledOutcome } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { PartyNetworkService } from '../party-network/party-network.service';

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

/** `POST /api/supply-chain/outcomes`: how many outcomes the request held and how many were new. */
export interface OutcomesImported {
  /** Outcomes in the request. */
  received: number;
  /** Outcomes stored by this request; those whose declaration id was already known are kept as they were and not counted. */
  inserted: number;
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
    private readonly outcomes: InspectionOutcomeRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly partyNetwork: PartyNetworkService,
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
  async importOutcomes(outcomes: ImportedOutcome[]): Promise<OutcomesImported> {
    if (outcomes.length === 0) return { received: 0, inserted: 0 };
    const inserted = await this.outcomes.importHistory(outcomes);
    // The past declarations join the party network too (idempotent per declaration id).
    await this.partyNetwork.record(outcomes.map((o) => o.declaration));
    await this.refresh();
    return { received: outcomes.length, inserted: inserted.length };
  }

  private async loadNew(): Promise<void> {
    let from = Math.max(0, this.lastSeq - SEQ_OVERLAP);
    for (;;) {
      const rows = await this.outcomes.after(from, PAGE);
      if (rows.length === 0) return;
      const outcomes: LabelledOutcome[] = [];
      for (const r of rows) {
        if (this.indexed.has(r.declarationId)) continue;
        this.indexed.add(r.declarationId);
        outcomes.push(labelledOutcome(r.declaration, { fraud: r.fraud, criticalFraud: r.criticalFraud }));
      }
      this.history.add(outcomes);
      from = Number(rows[rows.length - 1].seq);
      this.lastSeq = Math.max(this.lastSeq, from);
      if (rows.length < PAGE) return;
    }
  }
}
