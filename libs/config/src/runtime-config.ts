import { bool, cleanEnv, num, port, str, url } from 'envalid';

/**
 * Runtime configuration of the API, the worker and the tools, read from the
 * environment once at boot. Nothing else in the code base reads `process.env`.
 *
 * The stack launcher (`tools/stack`) sets `DATABASE_URL` and `TEMPORAL_ADDRESS`
 * for the embedded services; in production they point at any PostgreSQL and any
 * Temporal cluster.
 */
export interface RuntimeConfig {
  /** HTTP port of the API (default 3000). */
  port: number;
  /** PostgreSQL connection string, e.g. `postgres://user:pw@127.0.0.1:5432/customs`. */
  databaseUrl: string;
  /** Temporal frontend `host:port`, e.g. `127.0.0.1:7233`. */
  temporalAddress: string;
  /** Temporal namespace (default `default`). */
  temporalNamespace: string;
  /** Use TLS to reach Temporal (production clusters, Temporal Cloud). */
  temporalTls: boolean;
  /** Task queue shared by the API (client) and the worker. */
  taskQueue: string;
  /** Folder with the seed selectivity criteria (`rules/`). */
  rulesDir: string;
  /**
   * Share (0..1) of all declarations the model sends to RED: the RED threshold is the
   * model's score quantile at 1 - share on its validation months (see the model card).
   */
  redTopShare: number;
  /** Share (0..1) the model sends to YELLOW or worse; must be >= `redTopShare`. */
  yellowTopShare: number;
  /** Share (0..1) of otherwise-GREEN declarations selected at random as control sample (YELLOW). */
  controlShare: number;
  /** Seed of the deterministic control sampling (a hash of seed + declaration id). */
  controlSeed: string;
  /** Milliseconds a case may stay QUEUED before it is escalated (default 4 h). */
  caseEscalateAfterMs: number;
  /** Largest accepted batch of declarations in one request. */
  maxBatchSize: number;
  /** Largest accepted JSON body, e.g. `5mb`. */
  bodyLimit: string;
}

/**
 * Validates the environment and returns the typed configuration.
 * @param env the variables to read (default `process.env`)
 * @throws Error (from envalid) naming every missing or malformed variable.
 */
export function loadRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const e = cleanEnv(
    env,
    {
      PORT: port({ default: 3000 }),
      DATABASE_URL: url({ desc: 'PostgreSQL connection string' }),
      TEMPORAL_ADDRESS: str({ default: '127.0.0.1:7233' }),
      TEMPORAL_NAMESPACE: str({ default: 'default' }),
      TEMPORAL_TLS: bool({ default: false }),
      TEMPORAL_TASK_QUEUE: str({ default: 'customs-cases' }),
      RULES_DIR: str({ default: '' }),
      RED_TOP_SHARE: num({ default: 0.02 }),
      YELLOW_TOP_SHARE: num({ default: 0.1 }),
      CONTROL_SHARE: num({ default: 0.01 }),
      CONTROL_SEED: str({ default: 'control-v1' }),
      CASE_ESCALATE_AFTER_MS: num({ default: 4 * 60 * 60 * 1000 }),
      MAX_BATCH_SIZE: num({ default: 1000 }),
      BODY_LIMIT: str({ default: '10mb' }),
    },
    { reporter: throwingReporter },
  );
  const config: RuntimeConfig = {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    temporalTls: e.TEMPORAL_TLS,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    rulesDir: e.RULES_DIR,
    redTopShare: e.RED_TOP_SHARE,
    yellowTopShare: e.YELLOW_TOP_SHARE,
    controlShare: e.CONTROL_SHARE,
    controlSeed: e.CONTROL_SEED,
    caseEscalateAfterMs: e.CASE_ESCALATE_AFTER_MS,
    maxBatchSize: e.MAX_BATCH_SIZE,
    bodyLimit: e.BODY_LIMIT,
  };
  const shares: Array<[string, number]> = [
    ['RED_TOP_SHARE', config.redTopShare],
    ['YELLOW_TOP_SHARE', config.yellowTopShare],
    ['CONTROL_SHARE', config.controlShare],
  ];
  for (const [name, value] of shares) {
    if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be a share between 0 and 1, got ${value}`);
  }
  if (config.yellowTopShare < config.redTopShare) {
    throw new Error('YELLOW_TOP_SHARE must be >= RED_TOP_SHARE (YELLOW includes everything the model sends to RED)');
  }
  if (!(config.caseEscalateAfterMs > 0)) throw new Error('CASE_ESCALATE_AFTER_MS must be a positive number of milliseconds');
  if (!(config.maxBatchSize >= 1 && config.maxBatchSize <= 100_000)) {
    throw new Error('MAX_BATCH_SIZE must be between 1 and 100000');
  }
  return config;
}

function throwingReporter({ errors }: { errors: Partial<Record<string, Error>> }): void {
  const problems = Object.entries(errors).map(([name, err]) => `${name}: ${err?.message ?? 'invalid'}`);
  if (problems.length > 0) throw new Error(`Invalid environment: ${problems.join('; ')}`);
}
