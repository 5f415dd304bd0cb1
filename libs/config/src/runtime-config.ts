import { bool, cleanEnv, num, port, str, url } from 'envalid';
import { parseOfficeMinLanes, type DataQualityRule } from '@customs/decision';

/** Items per batch request (`MAX_BATCH_SIZE`) unless configured: declarations, past outcomes. */
export const DEFAULT_MAX_BATCH_SIZE = 1000;

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
  /**
   * PostgreSQL connection string of the API and the worker, e.g. `postgres://app:pw@127.0.0.1:5432/customs`:
   * a login that is a member of the `customs_app` role (INSERT and SELECT only on the append-only tables).
   */
  databaseUrl: string;
  /**
   * Connection string of the schema owner (`DATABASE_OWNER_URL`, default `DATABASE_URL`): migrations,
   * `npm run backup` and `npm run restore` use it; the API and the worker never do.
   */
  databaseOwnerUrl: string;
  /** Folder with `pg_dump` and `pg_restore` of the server's major version (`PG_BIN_DIR`); empty: `.tools/pg-client`, else PATH. */
  pgBinDir: string;
  /** Temporal frontend `host:port`, e.g. `127.0.0.1:7233`. */
  temporalAddress: string;
  /** Temporal namespace (default `default`). */
  temporalNamespace: string;
  /**
   * Base URL of the Temporal web UI (`TEMPORAL_UI_URL`, e.g. `http://127.0.0.1:8233`), for links
   * from a case to its workflow; null when unset (no links). `npm start` sets it to its dev server's UI.
   */
  temporalUiUrl: string | null;
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
  /**
   * The built-in data-quality rule: a declaration with a code not in the reference lists gets at
   * least `minLane` (`DATA_QUALITY_MIN_LANE`, default YELLOW; GREEN turns it off), or its office's
   * lane from `DATA_QUALITY_OFFICE_MIN_LANES` (`"<office>:<lane>,..."`, e.g. `"101:RED,40:GREEN"`).
   */
  dataQuality: DataQualityRule;
  /**
   * Share (0..1) of declarations the critical-fraud (public safety) model sends to RED on
   * its own (`CRITICAL_RED_TOP_SHARE`, default 0.01): its score quantile at 1 - share.
   */
  criticalRedTopShare: number;
  /**
   * Model version that decides when the registry has no champion yet (first start):
   * `RISK_MODEL_CHAMPION`, default: the library's `DEFAULT_MODEL_VERSION`. Later changes go
   * through the audited promotion API, not this variable.
   */
  championModel: string;
  /** Milliseconds between reloads of new supply-chain outcomes and model roles (`HISTORY_REFRESH_MS`, default 2000). */
  historyRefreshMs: number;
  /** Seed of the deterministic control sampling (a hash of seed + declaration id). */
  controlSeed: string;
  /** Milliseconds a case may stay QUEUED before it is escalated (default 4 h). */
  caseEscalateAfterMs: number;
  /**
   * Months a PNR is kept with the passengers' names and documents before it is depersonalised
   * (`PNR_RETENTION_MONTHS`, 1-120, default 6: EU PNR Directive (EU) 2016/681, art. 12(2)).
   */
  pnrRetentionMonths: number;
  /** Milliseconds between the API's looks for PNRs past their retention (`PNR_RETENTION_CHECK_MS`, 100 ms-1 day, default 1 h). */
  pnrRetentionCheckMs: number;
  /**
   * Share of a criterion's selections that another criterion of the other scope (central vs
   * local) also made, from which the two are flagged as overlapping (`CRITERIA_OVERLAP_SHARE`,
   * 0.5-1, default 0.8: the local one adds little, or the central one already covers it).
   */
  criteriaOverlapShare: number;
  /**
   * Default validity window of a risk case's criteria, whole days 1-366 (`RISK_WINDOW_DAYS`,
   * default 15: CBTC practice). The API passes it to each new risk-case workflow
   * (`RiskCaseInput.defaultWindowMs`); a drafted criterion may name its own window.
   */
  riskWindowDays: number;
  /** Largest accepted attachment of an intelligence report, bytes (`ATTACHMENT_MAX_BYTES`, default 10 MiB; larger: 413). */
  attachmentMaxBytes: number;
  /** Largest accepted batch of declarations in one request. */
  maxBatchSize: number;
  /**
   * Inspection-case workflow starts in flight at once per API process, draining the case-start
   * outbox (`CASE_START_CONCURRENCY`, default 128, 1-512). A start is one short RPC whose time
   * is mostly Temporal's persistence: at 32 the outbox drained at about 110 starts/s on the
   * 2-core machine with CPU to spare, at 128 it keeps up with 1,200 declarations/s (issue 16).
   */
  caseStartConcurrency: number;
  /**
   * Worker threads per API process that run the ONNX models and TreeSHAP, off the event loop
   * (`SCORING_THREADS`, default 1, 0-16; 0 scores on the event loop, as before issue 16).
   */
  scoringThreads: number;
  /**
   * Milliseconds between two looks at the case-start outbox when nothing nudged the dispatcher
   * (`CASE_START_POLL_MS`, default 1000): picks up rows written by other API processes and retries.
   */
  caseStartPollMs: number;
  /** Largest accepted JSON body, e.g. `5mb`. */
  bodyLimit: string;
  /** Folder of the built web app (`npx nx build web`) served at `/`; empty = `dist/apps/web/browser`. */
  webDistDir: string;
  /** Who issues and who verifies the API's bearer tokens (see `AuthConfig`). */
  auth: AuthConfig;
  /** Browser origins allowed to call the API cross-origin, e.g. `https://ops.customs.example` (`CORS_ORIGINS`, comma-separated; default none: same-origin only). */
  corsOrigins: string[];
  /** Request rate limits (see `RateLimitConfig`). */
  rateLimits: RateLimitConfig;
  /**
   * Port of the worker's metrics and health server (`WORKER_METRICS_PORT`: `/metrics`,
   * `/health/live`, `/health/ready`); 0 (the default) turns it off.
   */
  workerMetricsPort: number;
  /**
   * Port, on 127.0.0.1, of the Temporal SDK runtime's own Prometheus exporter, which the worker's
   * `/metrics` appends (`WORKER_SDK_METRICS_PORT`; default `WORKER_METRICS_PORT` + 1; unused when
   * the metrics server is off).
   */
  workerSdkMetricsPort: number;
  /** Log output of the API and the worker (see `LogConfig`). */
  log: LogConfig;
}

/** Line formats of the logs: one JSON object per line, or human-readable text (pino-pretty). */
export const LOG_FORMAT_CHOICES = ['json', 'pretty'] as const;
/** Log levels, most verbose first; `silent` writes nothing. */
export const LOG_LEVEL_CHOICES = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** Log output of the API and the worker (JSON lines on stdout, see README "Logs"). */
export interface LogConfig {
  /** `json` (default: production, tests) or `pretty` (`LOG_FORMAT`; `npm start` sets `pretty` unless given). */
  format: (typeof LOG_FORMAT_CHOICES)[number];
  /** Least severe level written (`LOG_LEVEL`, default `info`; the tests use `warn` or `error`). */
  level: (typeof LOG_LEVEL_CHOICES)[number];
}

/**
 * Request rate limits, each a number of requests per window (`RATE_LIMIT_WINDOW_SECONDS`);
 * a request over the limit is answered 429 with `Retry-After`. 0 turns a limit off.
 */
export interface RateLimitConfig {
  /** Length of the window, seconds (`RATE_LIMIT_WINDOW_SECONDS`, default 60). */
  windowSeconds: number;
  /** Login attempts (`POST /api/auth/token`) per client address and username per window (`RATE_LIMIT_LOGIN`, default 20). */
  login: number;
  /** Ingest requests (`POST /api/declarations`, `/batch`) per authenticated user per window (`RATE_LIMIT_INGEST`, default 600: ten a second). */
  ingest: number;
  /** The same for `service` accounts, the ingest pipeline's machine clients (`RATE_LIMIT_INGEST_SERVICE`, default 60000: a thousand a second). */
  ingestService: number;
}

/** JWS algorithms a token may be signed with: asymmetric only, never `none` or a shared secret. */
export const AUTH_ALGORITHM_CHOICES = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/**
 * Bearer-token settings of the API. Tokens are verified against the keys of
 * `jwksUrl` (an external OIDC issuer) and/or the built-in development identity provider.
 */
export interface AuthConfig {
  /** Built-in development identity provider (`POST /api/auth/token`, demo users): default on unless NODE_ENV=production (`AUTH_DEV_IDP`). */
  devIdp: boolean;
  /** PKCS#8 PEM private key (EC P-256 or RSA) the development IdP signs with; empty: a new key at each boot (`AUTH_DEV_SIGNING_KEY`). */
  devSigningKey: string;
  /** Required `iss` of every token (`AUTH_ISSUER`; the development IdP issues with it). */
  issuer: string;
  /** Required `aud` of every token (`AUTH_AUDIENCE`). */
  audience: string;
  /** JWKS of an external OIDC issuer, e.g. `https://idp.example/realms/customs/protocol/openid-connect/certs`; empty: none (`AUTH_JWKS_URL`). */
  jwksUrl: string;
  /** Accepted JWS algorithms, pinned (`AUTH_ALGORITHMS`, comma-separated; default `ES256,RS256`). */
  algorithms: string[];
  /** Claim holding the role, a string or an array of strings; a dotted path reaches nested claims, e.g. `realm_access.roles` (`AUTH_ROLE_CLAIM`). */
  roleClaim: string;
  /** Claim holding the customs office of officers and supervisors (`AUTH_OFFICE_CLAIM`). */
  officeClaim: string;
  /** Claim holding the display name (`AUTH_NAME_CLAIM`). */
  nameClaim: string;
  /** Lifetime in seconds of a development-IdP token (`AUTH_TOKEN_TTL_SECONDS`, default 8 h: one shift). */
  tokenTtlSeconds: number;
}

/** Every environment variable the API, the worker and the tools read, with its rule and default (envalid). */
const ENV_SPEC = {
  PORT: port({ default: 3000 }),
  DATABASE_URL: url({ desc: 'PostgreSQL connection string' }),
  DATABASE_OWNER_URL: url({ default: undefined, desc: 'PostgreSQL connection string of the schema owner (migrations, backup, restore)' }),
  PG_BIN_DIR: str({ default: '' }),
  TEMPORAL_ADDRESS: str({ default: '127.0.0.1:7233' }),
  TEMPORAL_NAMESPACE: str({ default: 'default' }),
  TEMPORAL_UI_URL: url({ default: undefined, desc: 'Temporal web UI base URL, for links from cases to their workflows' }),
  TEMPORAL_TLS: bool({ default: false }),
  TEMPORAL_TASK_QUEUE: str({ default: 'customs-cases' }),
  RULES_DIR: str({ default: '' }),
  RED_TOP_SHARE: num({ default: 0.02 }),
  YELLOW_TOP_SHARE: num({ default: 0.1 }),
  CONTROL_SHARE: num({ default: 0.01 }),
  CONTROL_SEED: str({ default: 'control-v1' }),
  DATA_QUALITY_MIN_LANE: str({ default: 'YELLOW', choices: ['GREEN', 'YELLOW', 'RED'], desc: 'least lane of a declaration with a code not in the reference lists' }),
  DATA_QUALITY_OFFICE_MIN_LANES: str({ default: '', desc: 'per-office overrides of DATA_QUALITY_MIN_LANE: <office>:<lane>,...' }),
  CRITICAL_RED_TOP_SHARE: num({ default: 0.01 }),
  RISK_MODEL_CHAMPION: str({ default: '' }),
  HISTORY_REFRESH_MS: num({ default: 2000 }),
  CASE_ESCALATE_AFTER_MS: num({ default: 4 * 60 * 60 * 1000 }),
  PNR_RETENTION_MONTHS: num({ default: 6, desc: 'months a PNR keeps names and documents before it is depersonalised (1-120; EU PNR Directive art. 12)' }),
  PNR_RETENTION_CHECK_MS: num({ default: 60 * 60 * 1000, desc: 'ms between looks for PNRs past their retention (100-86400000)' }),
  CRITERIA_OVERLAP_SHARE: num({ default: 0.8, desc: 'share of selections from which a central and a local criterion are flagged as overlapping (0.5-1)' }),
  ATTACHMENT_MAX_BYTES: num({ default: 10 * 1024 * 1024, desc: 'largest intelligence attachment, bytes (1 to 100 MiB)' }),
  RISK_WINDOW_DAYS: num({ default: 15, desc: 'default validity window of a risk case, days (1-366)' }),
  MAX_BATCH_SIZE: num({ default: DEFAULT_MAX_BATCH_SIZE }),
  CASE_START_CONCURRENCY: num({ default: 128, desc: 'case-workflow starts in flight at once per API process (1-512)' }),
  SCORING_THREADS: num({ default: 1, desc: 'worker threads per API process running the ONNX models and TreeSHAP (0-16; 0 = on the event loop)' }),
  CASE_START_POLL_MS: num({ default: 1000, desc: 'ms between looks at the case-start outbox when idle (10-60000)' }),
  BODY_LIMIT: str({ default: '10mb' }),
  WEB_DIST_DIR: str({ default: '' }),
  AUTH_DEV_IDP: bool({ default: undefined, desc: 'built-in development identity provider (default: on unless NODE_ENV=production)' }),
  NODE_ENV: str({ default: '' }),
  AUTH_DEV_SIGNING_KEY: str({ default: '' }),
  AUTH_ISSUER: str({ default: 'urn:customs-risk:dev-idp' }),
  AUTH_AUDIENCE: str({ default: 'customs-risk-api' }),
  AUTH_JWKS_URL: str({ default: '' }),
  AUTH_ALGORITHMS: str({ default: 'ES256,RS256' }),
  AUTH_ROLE_CLAIM: str({ default: 'role' }),
  AUTH_OFFICE_CLAIM: str({ default: 'office_id' }),
  AUTH_NAME_CLAIM: str({ default: 'name' }),
  AUTH_TOKEN_TTL_SECONDS: num({ default: 8 * 60 * 60 }),
  CORS_ORIGINS: str({ default: '', desc: 'comma-separated browser origins allowed cross-origin; empty: same-origin only' }),
  RATE_LIMIT_WINDOW_SECONDS: num({ default: 60 }),
  RATE_LIMIT_LOGIN: num({ default: 20 }),
  RATE_LIMIT_INGEST: num({ default: 600 }),
  RATE_LIMIT_INGEST_SERVICE: num({ default: 60_000 }),
  LOG_FORMAT: str({ default: 'json', choices: LOG_FORMAT_CHOICES, desc: 'json (one object per line) or pretty (human-readable)' }),
  LOG_LEVEL: str({ default: 'info', choices: LOG_LEVEL_CHOICES, desc: 'least severe level logged' }),
  WORKER_METRICS_PORT: num({ default: 0, desc: 'port of the worker metrics and health server; 0: off' }),
  WORKER_SDK_METRICS_PORT: num({ default: 0, desc: 'loopback port of the Temporal SDK metrics exporter; 0: WORKER_METRICS_PORT + 1' }),
};

/** The names of every variable {@link loadRuntimeConfig} reads (for checking deployment manifests against it). */
export const RUNTIME_ENV_VARIABLES: readonly string[] = Object.keys(ENV_SPEC);

/**
 * Validates the environment and returns the typed configuration.
 * @param env the variables to read (default `process.env`)
 * @throws Error (from envalid) naming every missing or malformed variable.
 */
export function loadRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const e = cleanEnv(
    env,
    ENV_SPEC,
    { reporter: throwingReporter },
  );
  const config: RuntimeConfig = {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    pgBinDir: e.PG_BIN_DIR,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    temporalUiUrl: e.TEMPORAL_UI_URL ? e.TEMPORAL_UI_URL.replace(/\/+$/, '') : null,
    temporalTls: e.TEMPORAL_TLS,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    rulesDir: e.RULES_DIR,
    redTopShare: e.RED_TOP_SHARE,
    yellowTopShare: e.YELLOW_TOP_SHARE,
    controlShare: e.CONTROL_SHARE,
    controlSeed: e.CONTROL_SEED,
    dataQuality: { minLane: e.DATA_QUALITY_MIN_LANE as DataQualityRule['minLane'], officeMinLanes: parseOfficeMinLanes(e.DATA_QUALITY_OFFICE_MIN_LANES) },
    criticalRedTopShare: e.CRITICAL_RED_TOP_SHARE,
    championModel: e.RISK_MODEL_CHAMPION,
    historyRefreshMs: e.HISTORY_REFRESH_MS,
    caseEscalateAfterMs: e.CASE_ESCALATE_AFTER_MS,
    pnrRetentionMonths: e.PNR_RETENTION_MONTHS,
    pnrRetentionCheckMs: e.PNR_RETENTION_CHECK_MS,
    criteriaOverlapShare: e.CRITERIA_OVERLAP_SHARE,
    riskWindowDays: e.RISK_WINDOW_DAYS,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    maxBatchSize: e.MAX_BATCH_SIZE,
    caseStartConcurrency: e.CASE_START_CONCURRENCY,
    caseStartPollMs: e.CASE_START_POLL_MS,
    scoringThreads: e.SCORING_THREADS,
    bodyLimit: e.BODY_LIMIT,
    webDistDir: e.WEB_DIST_DIR,
    auth: {
      devIdp: e.AUTH_DEV_IDP ?? e.NODE_ENV !== 'production',
      // Env files often carry a PEM on one line with literal \n.
      devSigningKey: e.AUTH_DEV_SIGNING_KEY.replace(/\\n/g, '\n'),
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      jwksUrl: e.AUTH_JWKS_URL,
      algorithms: e.AUTH_ALGORITHMS.split(',').map((a) => a.trim()).filter((a) => a !== ''),
      roleClaim: e.AUTH_ROLE_CLAIM,
      officeClaim: e.AUTH_OFFICE_CLAIM,
      nameClaim: e.AUTH_NAME_CLAIM,
      tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
    },
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o !== ''),
    rateLimits: {
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      login: e.RATE_LIMIT_LOGIN,
      ingest: e.RATE_LIMIT_INGEST,
      ingestService: e.RATE_LIMIT_INGEST_SERVICE,
    },
    log: { format: e.LOG_FORMAT, level: e.LOG_LEVEL },
    workerMetricsPort: e.WORKER_METRICS_PORT,
    workerSdkMetricsPort: e.WORKER_SDK_METRICS_PORT || (e.WORKER_METRICS_PORT > 0 ? e.WORKER_METRICS_PORT + 1 : 0),
  };
  const shares: Array<[string, number]> = [
    ['RED_TOP_SHARE', config.redTopShare],
    ['YELLOW_TOP_SHARE', config.yellowTopShare],
    ['CONTROL_SHARE', config.controlShare],
    ['CRITICAL_RED_TOP_SHARE', config.criticalRedTopShare],
  ];
  for (const [name, value] of shares) {
    if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be a share between 0 and 1, got ${value}`);
  }
  if (config.yellowTopShare < config.redTopShare) {
    throw new Error('YELLOW_TOP_SHARE must be >= RED_TOP_SHARE (YELLOW includes everything the model sends to RED)');
  }
  if (!(config.historyRefreshMs >= 100 && config.historyRefreshMs <= 600_000)) {
    throw new Error(`HISTORY_REFRESH_MS must be between 100 and 600000 milliseconds, got ${config.historyRefreshMs}`);
  }
  if (!(Number.isInteger(config.caseStartConcurrency) && config.caseStartConcurrency >= 1 && config.caseStartConcurrency <= 512)) {
    throw new Error(`CASE_START_CONCURRENCY must be a whole number from 1 to 512, got ${config.caseStartConcurrency}`);
  }
  if (!(Number.isInteger(config.scoringThreads) && config.scoringThreads >= 0 && config.scoringThreads <= 16)) {
    throw new Error(`SCORING_THREADS must be a whole number from 0 to 16, got ${config.scoringThreads}`);
  }
  if (!(config.caseStartPollMs >= 10 && config.caseStartPollMs <= 60_000)) {
    throw new Error(`CASE_START_POLL_MS must be from 10 to 60000 milliseconds, got ${config.caseStartPollMs}`);
  }
  if (!(config.caseEscalateAfterMs > 0)) throw new Error('CASE_ESCALATE_AFTER_MS must be a positive number of milliseconds');
  if (!(Number.isInteger(config.pnrRetentionMonths) && config.pnrRetentionMonths >= 1 && config.pnrRetentionMonths <= 120)) {
    throw new Error(`PNR_RETENTION_MONTHS must be a whole number of months from 1 to 120, got ${config.pnrRetentionMonths}`);
  }
  if (!(config.pnrRetentionCheckMs >= 100 && config.pnrRetentionCheckMs <= 86_400_000)) {
    throw new Error(`PNR_RETENTION_CHECK_MS must be from 100 to 86400000 milliseconds, got ${config.pnrRetentionCheckMs}`);
  }
  if (!(config.criteriaOverlapShare >= 0.5 && config.criteriaOverlapShare <= 1)) {
    throw new Error(`CRITERIA_OVERLAP_SHARE must be from 0.5 to 1, got ${config.criteriaOverlapShare}`);
  }
  if (!(Number.isInteger(config.riskWindowDays) && config.riskWindowDays >= 1 && config.riskWindowDays <= 366)) {
    throw new Error(`RISK_WINDOW_DAYS must be a whole number of days from 1 to 366, got ${config.riskWindowDays}`);
  }
  if (!(Number.isInteger(config.attachmentMaxBytes) && config.attachmentMaxBytes >= 1 && config.attachmentMaxBytes <= 100 * 1024 * 1024)) {
    throw new Error(`ATTACHMENT_MAX_BYTES must be a whole number of bytes from 1 to 104857600 (100 MiB), got ${config.attachmentMaxBytes}`);
  }
  if (!(config.maxBatchSize >= 1 && config.maxBatchSize <= 100_000)) {
    throw new Error('MAX_BATCH_SIZE must be between 1 and 100000');
  }
  for (const [name, value] of [['WORKER_METRICS_PORT', config.workerMetricsPort], ['WORKER_SDK_METRICS_PORT', config.workerSdkMetricsPort]] as const) {
    if (!(Number.isInteger(value) && value >= 0 && value <= 65_535)) throw new Error(`${name} must be a port from 0 to 65535, got ${value}`);
  }
  if (config.workerMetricsPort > 0 && config.workerSdkMetricsPort === config.workerMetricsPort) {
    throw new Error('WORKER_SDK_METRICS_PORT must differ from WORKER_METRICS_PORT');
  }
  checkAuth(config.auth);
  checkCorsOrigins(config.corsOrigins);
  checkRateLimits(config.rateLimits);
  return config;
}

function checkCorsOrigins(origins: string[]): void {
  for (const origin of origins) {
    let u: URL;
    try {
      u = new URL(origin);
    } catch {
      throw new Error(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin such as https://ops.customs.example`);
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== origin) {
      throw new Error(`CORS_ORIGINS: ${JSON.stringify(origin)} must be a bare http(s) origin (scheme, host, optional port; no path or trailing slash), e.g. ${u.origin}`);
    }
  }
}

function checkRateLimits(limits: RateLimitConfig): void {
  if (!(Number.isInteger(limits.windowSeconds) && limits.windowSeconds >= 1 && limits.windowSeconds <= 86_400)) {
    throw new Error(`RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400, got ${limits.windowSeconds}`);
  }
  for (const [name, value] of [['RATE_LIMIT_LOGIN', limits.login], ['RATE_LIMIT_INGEST', limits.ingest], ['RATE_LIMIT_INGEST_SERVICE', limits.ingestService]] as const) {
    if (!(Number.isInteger(value) && value >= 0)) throw new Error(`${name} must be a whole number of requests (0: no limit), got ${value}`);
  }
}

function checkAuth(auth: AuthConfig): void {
  if (auth.algorithms.length === 0) throw new Error('AUTH_ALGORITHMS must name at least one algorithm');
  const refused = auth.algorithms.filter((a) => !(AUTH_ALGORITHM_CHOICES as readonly string[]).includes(a));
  if (refused.length > 0) {
    throw new Error(`AUTH_ALGORITHMS: ${refused.join(', ')} not accepted; choose from ${AUTH_ALGORITHM_CHOICES.join(', ')} (asymmetric only)`);
  }
  if (auth.jwksUrl !== '') {
    let u: URL;
    try {
      u = new URL(auth.jwksUrl);
    } catch {
      throw new Error(`AUTH_JWKS_URL must be a URL, got ${auth.jwksUrl}`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('AUTH_JWKS_URL must be an http(s) URL');
  }
  if (auth.devSigningKey !== '' && !auth.devSigningKey.includes('-----BEGIN PRIVATE KEY-----')) {
    throw new Error('AUTH_DEV_SIGNING_KEY must be a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)');
  }
  for (const [name, value] of [['AUTH_ISSUER', auth.issuer], ['AUTH_AUDIENCE', auth.audience], ['AUTH_ROLE_CLAIM', auth.roleClaim], ['AUTH_OFFICE_CLAIM', auth.officeClaim], ['AUTH_NAME_CLAIM', auth.nameClaim]]) {
    if (value.trim() === '') throw new Error(`${name} must not be empty`);
  }
  if (!(Number.isInteger(auth.tokenTtlSeconds) && auth.tokenTtlSeconds >= 60 && auth.tokenTtlSeconds <= 7 * 24 * 3600)) {
    throw new Error('AUTH_TOKEN_TTL_SECONDS must be a whole number of seconds from 60 to 604800');
  }
}

function throwingReporter({ errors }: { errors: Partial<Record<string, Error>> }): void {
  const problems = Object.entries(errors).map(([name, err]) => `${name}: ${err?.message ?? 'invalid'}`);
  if (problems.length > 0) throw new Error(`Invalid environment: ${problems.join('; ')}`);
}
