import { loadRuntimeConfig } from './runtime-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/customs' };

describe('loadRuntimeConfig', () => {
  it('applies defaults', () => {
    const c = loadRuntimeConfig(base);
    expect(c.port).toBe(3000);
    expect(c.temporalAddress).toBe('127.0.0.1:7233');
    expect(c.redTopShare).toBeLessThanOrEqual(c.yellowTopShare);
  });
  it('takes the schema owner\'s connection from DATABASE_OWNER_URL, else DATABASE_URL', () => {
    expect(loadRuntimeConfig(base).databaseOwnerUrl).toBe(base.DATABASE_URL);
    const owner = 'postgres://owner:pw@127.0.0.1:5432/customs';
    expect(loadRuntimeConfig({ ...base, DATABASE_OWNER_URL: owner })).toMatchObject({ databaseUrl: base.DATABASE_URL, databaseOwnerUrl: owner });
    expect(() => loadRuntimeConfig({ ...base, DATABASE_OWNER_URL: 'not a url' })).toThrow(/DATABASE_OWNER_URL/);
  });
  it('logs JSON at info by default, takes LOG_FORMAT and LOG_LEVEL, refuses others', () => {
    expect(loadRuntimeConfig(base).log).toEqual({ format: 'json', level: 'info' });
    expect(loadRuntimeConfig({ ...base, LOG_FORMAT: 'pretty', LOG_LEVEL: 'warn' }).log).toEqual({ format: 'pretty', level: 'warn' });
    expect(() => loadRuntimeConfig({ ...base, LOG_FORMAT: 'text' })).toThrow(/LOG_FORMAT/);
    expect(() => loadRuntimeConfig({ ...base, LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });
  it('names a missing DATABASE_URL', () => {
    expect(() => loadRuntimeConfig({})).toThrow(/DATABASE_URL/);
  });
  it('rejects a share outside 0..1', () => {
    expect(() => loadRuntimeConfig({ ...base, CONTROL_SHARE: '1.5' })).toThrow(/CONTROL_SHARE/);
  });
  it('takes the risk window in days (default 15) and refuses one outside 1-366 or fractional', () => {
    expect(loadRuntimeConfig(base).riskWindowDays).toBe(15);
    expect(loadRuntimeConfig({ ...base, RISK_WINDOW_DAYS: '30' }).riskWindowDays).toBe(30);
    expect(() => loadRuntimeConfig({ ...base, RISK_WINDOW_DAYS: '0' })).toThrow(/RISK_WINDOW_DAYS/);
    expect(() => loadRuntimeConfig({ ...base, RISK_WINDOW_DAYS: '367' })).toThrow(/RISK_WINDOW_DAYS/);
    expect(() => loadRuntimeConfig({ ...base, RISK_WINDOW_DAYS: '1.5' })).toThrow(/RISK_WINDOW_DAYS/);
    expect(() => loadRuntimeConfig({ ...base, RISK_WINDOW_DAYS: 'two weeks' })).toThrow(/RISK_WINDOW_DAYS/);
  });
  it('limits attachments to 10 MiB by default, configurable up to 100 MiB', () => {
    expect(loadRuntimeConfig(base).attachmentMaxBytes).toBe(10 * 1024 * 1024);
    expect(loadRuntimeConfig({ ...base, ATTACHMENT_MAX_BYTES: '1048576' }).attachmentMaxBytes).toBe(1048576);
    expect(() => loadRuntimeConfig({ ...base, ATTACHMENT_MAX_BYTES: '0' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => loadRuntimeConfig({ ...base, ATTACHMENT_MAX_BYTES: String(200 * 1024 * 1024) })).toThrow(/ATTACHMENT_MAX_BYTES/);
  });
  it('keeps the worker metrics server off by default; its SDK exporter defaults to the next port', () => {
    expect(loadRuntimeConfig(base)).toMatchObject({ workerMetricsPort: 0, workerSdkMetricsPort: 0 });
    expect(loadRuntimeConfig({ ...base, WORKER_METRICS_PORT: '9464' })).toMatchObject({ workerMetricsPort: 9464, workerSdkMetricsPort: 9465 });
    expect(loadRuntimeConfig({ ...base, WORKER_METRICS_PORT: '9464', WORKER_SDK_METRICS_PORT: '9500' })).toMatchObject({ workerSdkMetricsPort: 9500 });
    expect(() => loadRuntimeConfig({ ...base, WORKER_METRICS_PORT: '70000' })).toThrow(/WORKER_METRICS_PORT/);
    expect(() => loadRuntimeConfig({ ...base, WORKER_METRICS_PORT: '9464', WORKER_SDK_METRICS_PORT: '9464' })).toThrow(/must differ/);
  });
  it('bounds the scoring threads', () => {
    expect(loadRuntimeConfig(base)).toMatchObject({ scoringThreads: 1 });
    expect(loadRuntimeConfig({ ...base, SCORING_THREADS: '0' })).toMatchObject({ scoringThreads: 0 });
    expect(loadRuntimeConfig({ ...base, SCORING_THREADS: '4' })).toMatchObject({ scoringThreads: 4 });
    expect(() => loadRuntimeConfig({ ...base, SCORING_THREADS: '17' })).toThrow(/SCORING_THREADS must be a whole number from 0 to 16, got 17/);
    expect(() => loadRuntimeConfig({ ...base, SCORING_THREADS: '1.5' })).toThrow(/SCORING_THREADS/);
  });
  it('bounds the case-start outbox dispatcher settings', () => {
    expect(loadRuntimeConfig(base)).toMatchObject({ caseStartConcurrency: 128, caseStartPollMs: 1000 });
    expect(loadRuntimeConfig({ ...base, CASE_START_CONCURRENCY: '64', CASE_START_POLL_MS: '50' })).toMatchObject({ caseStartConcurrency: 64, caseStartPollMs: 50 });
    expect(() => loadRuntimeConfig({ ...base, CASE_START_CONCURRENCY: '0' })).toThrow(/CASE_START_CONCURRENCY/);
    expect(() => loadRuntimeConfig({ ...base, CASE_START_CONCURRENCY: '2.5' })).toThrow(/CASE_START_CONCURRENCY/);
    expect(() => loadRuntimeConfig({ ...base, CASE_START_POLL_MS: '0' })).toThrow(/CASE_START_POLL_MS/);
  });
  it('allows no cross-origin caller by default, and takes bare http(s) origins only', () => {
    expect(loadRuntimeConfig(base).corsOrigins).toEqual([]);
    expect(loadRuntimeConfig({ ...base, CORS_ORIGINS: 'https://ops.customs.example, http://localhost:4200' }).corsOrigins).toEqual([
      'https://ops.customs.example',
      'http://localhost:4200',
    ]);
    expect(() => loadRuntimeConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS: "\*" is not an origin/);
    expect(() => loadRuntimeConfig({ ...base, CORS_ORIGINS: 'https://ops.customs.example/' })).toThrow(/bare http\(s\) origin/);
    expect(() => loadRuntimeConfig({ ...base, CORS_ORIGINS: 'ftp://files.example' })).toThrow(/CORS_ORIGINS/);
  });
  it('rate-limits login and ingest by default, service accounts generously, and refuses nonsense limits', () => {
    expect(loadRuntimeConfig(base).rateLimits).toEqual({ windowSeconds: 60, login: 20, ingest: 600, ingestService: 60_000 });
    expect(loadRuntimeConfig({ ...base, RATE_LIMIT_LOGIN: '0' }).rateLimits.login).toBe(0);
    expect(() => loadRuntimeConfig({ ...base, RATE_LIMIT_LOGIN: '-1' })).toThrow(/RATE_LIMIT_LOGIN/);
    expect(() => loadRuntimeConfig({ ...base, RATE_LIMIT_INGEST: '2.5' })).toThrow(/RATE_LIMIT_INGEST/);
    expect(() => loadRuntimeConfig({ ...base, RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
  });
  it('rejects YELLOW share below RED share', () => {
    expect(() => loadRuntimeConfig({ ...base, RED_TOP_SHARE: '0.2', YELLOW_TOP_SHARE: '0.1' })).toThrow(/YELLOW_TOP_SHARE/);
  });

  describe('auth', () => {
    it('defaults to the development IdP outside production, with pinned asymmetric algorithms', () => {
      const c = loadRuntimeConfig(base);
      expect(c.auth).toMatchObject({ devIdp: true, jwksUrl: '', algorithms: ['ES256', 'RS256'], roleClaim: 'role', officeClaim: 'office_id' });
      expect(loadRuntimeConfig({ ...base, NODE_ENV: 'production' }).auth.devIdp).toBe(false);
      expect(loadRuntimeConfig({ ...base, NODE_ENV: 'production', AUTH_DEV_IDP: 'true' }).auth.devIdp).toBe(true);
    });
    it('takes an external OIDC issuer by configuration', () => {
      const c = loadRuntimeConfig({
        ...base,
        AUTH_ISSUER: 'https://idp.example/realms/customs',
        AUTH_AUDIENCE: 'customs-api',
        AUTH_JWKS_URL: 'https://idp.example/realms/customs/certs',
        AUTH_ROLE_CLAIM: 'realm_access.roles',
        AUTH_ALGORITHMS: 'RS256',
      });
      expect(c.auth).toMatchObject({ issuer: 'https://idp.example/realms/customs', audience: 'customs-api', jwksUrl: 'https://idp.example/realms/customs/certs', roleClaim: 'realm_access.roles', algorithms: ['RS256'] });
    });
    it('refuses symmetric or unknown algorithms, a malformed JWKS URL and a non-PEM signing key', () => {
      expect(() => loadRuntimeConfig({ ...base, AUTH_ALGORITHMS: 'HS256' })).toThrow(/AUTH_ALGORITHMS: HS256 not accepted/);
      expect(() => loadRuntimeConfig({ ...base, AUTH_ALGORITHMS: 'none' })).toThrow(/AUTH_ALGORITHMS/);
      expect(() => loadRuntimeConfig({ ...base, AUTH_JWKS_URL: 'not a url' })).toThrow(/AUTH_JWKS_URL/);
      expect(() => loadRuntimeConfig({ ...base, AUTH_DEV_SIGNING_KEY: 'secret' })).toThrow(/AUTH_DEV_SIGNING_KEY/);
    });
  });
  it('takes the Temporal web UI from TEMPORAL_UI_URL without a trailing slash, none by default', () => {
    expect(loadRuntimeConfig(base).temporalUiUrl).toBeNull();
    expect(loadRuntimeConfig({ ...base, TEMPORAL_UI_URL: 'http://127.0.0.1:8233/' }).temporalUiUrl).toBe('http://127.0.0.1:8233');
    expect(() => loadRuntimeConfig({ ...base, TEMPORAL_UI_URL: 'not a url' })).toThrow(/TEMPORAL_UI_URL/);
  });

  it('refuses an overlap share outside 0.5-1', () => {
    expect(loadRuntimeConfig(base).criteriaOverlapShare).toBe(0.8);
    expect(() => loadRuntimeConfig({ ...base, CRITERIA_OVERLAP_SHARE: '0.2' })).toThrow(/CRITERIA_OVERLAP_SHARE/);
  });
});
