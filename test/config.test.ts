import { projectPath } from '../src/project';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('gives typed defaults for an empty environment', () => {
    expect(loadConfig({}, '/srv/innozone')).toEqual({
      env: 'development',
      production: false,
      http: { host: '0.0.0.0', port: 4000, requestTimeoutMs: 30_000, trustProxy: false },
      dataDir: path.resolve('/srv/innozone/.data'),
      database: { embedded: { port: 0 } },
      auth: { tokenSecret: undefined, tokenTtl: '12h', tokenMaxTtl: '12h', signInPerMinute: 20 },
      graphql: {
        introspection: true,
        jit: true,
        readAhead: true,
        sqlAnswers: true,
        concurrency: 2 * os.availableParallelism(),
        maxInFlight: 64 * os.availableParallelism(),
        ratePerMinute: 600,
        limits: { depth: 16, aliases: 30, tokens: 10_000, cost: 50_000, batch: 1_000 },
      },
      metrics: { token: undefined, maxOperationNames: 200 },
      tracing: null,
      logLevel: 'info',
      shutdownGraceMs: 10_000,
      seedDemoZone: true,
      cppcc: { proposalReturnDays: 10, sessions: { MUNICIPAL: { term: 15, sessionNumber: 5 }, PROVINCIAL: { term: 13, sessionNumber: 4 }, NATIONAL: { term: 14, sessionNumber: 4 } }, rehandlingDays: 30, coHandlerOpinionDays: 30 },
      jobs: { enabled: true, sweepCron: '0 2 * * *', notificationRetentionDays: 365 },
      webhooks: { retryLimit: 8, retryDelaySeconds: 30, timeoutMs: 10_000 },
      webDir: projectPath('dist', 'web'),
      redis: { url: undefined, prefix: 'innozone:' },
      subscriptions: { recheckSeconds: 60 },
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        PORT: '8080',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/innozone',
        INNOZONE_DATA_DIR: '/var/lib/innozone',
        INNOZONE_TOKEN_SECRET: 'x'.repeat(40),
        INNOZONE_TOKEN_TTL: '30m',
        INNOZONE_TOKEN_MAX_TTL: '8h',
        GRAPHQL_INTROSPECTION: 'true',
        GRAPHQL_JIT: 'no',
        READ_AHEAD: 'false',
        SQL_ANSWERS: 'false',
        GRAPHQL_CONCURRENCY: '6',
        GRAPHQL_MAX_COST: '20000',
        GRAPHQL_MAX_IN_FLIGHT: '48',
        RATE_LIMIT_PER_MINUTE: '120',
        HTTP_REQUEST_TIMEOUT_MS: '15000',
        LOG_LEVEL: 'warn',
        SHUTDOWN_GRACE_MS: '2500',
        SEED_DEMO_ZONE: 'no',
        PROPOSAL_RETURN_DAYS: '15',
        CPPCC_SESSIONS: 'MUNICIPAL=16.1,PROVINCIAL=14.1,NATIONAL=15.1',
        WEB_DIR: 'console',
        METRICS_TOKEN: 'scrape-token-0123456789',
        METRICS_MAX_OPERATION_NAMES: '50',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318/',
        OTEL_SERVICE_NAME: 'innozone-east-lake',
        JOBS_ENABLED: 'false',
        JOBS_SWEEP_CRON: '30 1 * * *',
        WEBHOOK_SECRET_KEY: 'webhook-secret-key-0123456789abcdef',
        WEBHOOK_RETRY_LIMIT: '3',
        WEBHOOK_RETRY_DELAY_SECONDS: '5',
        WEBHOOK_TIMEOUT_SECONDS: '4',
        NOTIFICATION_RETENTION_DAYS: '0',
        REDIS_URL: 'redis://10.0.0.5:6379/2',
        REDIS_KEY_PREFIX: 'zone-wuhan:',
        SUBSCRIPTION_RECHECK_SECONDS: '30',
      },
      '/srv',
    );
    expect(config).toEqual({
      env: 'production',
      production: true,
      http: { host: '0.0.0.0', port: 8080, requestTimeoutMs: 15_000, trustProxy: false },
      dataDir: '/var/lib/innozone',
      database: { url: 'postgres://postgres@127.0.0.1:5432/innozone' },
      auth: { tokenSecret: 'x'.repeat(40), tokenTtl: '30m', tokenMaxTtl: '8h', signInPerMinute: 20 },
      graphql: {
        introspection: true,
        jit: false,
        readAhead: false,
        sqlAnswers: false,
        concurrency: 6,
        maxInFlight: 48,
        ratePerMinute: 120,
        limits: { depth: 16, aliases: 30, tokens: 10_000, cost: 20_000, batch: 1_000 },
      },
      metrics: { token: 'scrape-token-0123456789', maxOperationNames: 50 },
      tracing: { endpoint: 'http://otel-collector:4318', serviceName: 'innozone-east-lake' },
      logLevel: 'warn',
      shutdownGraceMs: 2500,
      seedDemoZone: false,
      cppcc: { proposalReturnDays: 15, sessions: { MUNICIPAL: { term: 16, sessionNumber: 1 }, PROVINCIAL: { term: 14, sessionNumber: 1 }, NATIONAL: { term: 15, sessionNumber: 1 } }, rehandlingDays: 30, coHandlerOpinionDays: 30 },
      jobs: { enabled: false, sweepCron: '30 1 * * *', notificationRetentionDays: 0 },
      webhooks: { secretKey: 'webhook-secret-key-0123456789abcdef', retryLimit: 3, retryDelaySeconds: 5, timeoutMs: 4000 },
      webDir: '/srv/console',
      redis: { url: 'redis://10.0.0.5:6379/2', prefix: 'zone-wuhan:' },
      subscriptions: { recheckSeconds: 30 },
    });
  });

  it('turns introspection off in production unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: '1' }).graphql.introspection).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(4000);
  });

  it('names every bad variable, what was given and what it accepts', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/innozone',
        EMBEDDED_PG_PORT: '5432',
        GRAPHQL_INTROSPECTION: 'maybe',
        GRAPHQL_CONCURRENCY: '0',
        GRAPHQL_MAX_COST: 'lots',
        INNOZONE_TOKEN_SECRET: 'short',
        NODE_ENV: 'staging',
        REDIS_URL: 'localhost:6379',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'NODE_ENV="staging": must be one of development, production, test',
      'PORT="eighty": must be a port number (the HTTP port GraphQL is served on)',
      'DATABASE_URL="mysql://localhost/innozone": must be a postgres:// or postgresql:// URL, e.g. postgres://user:pass@127.0.0.1:5432/innozone',
      'EMBEDDED_PG_PORT="5432": must not be 5432: that port belongs to a system PostgreSQL',
      'INNOZONE_TOKEN_SECRET="short": must be at least 32 characters (it signs bearer tokens with HS256)',
      'GRAPHQL_INTROSPECTION="maybe": must be one of true, false, 1, 0, yes, no',
      'GRAPHQL_CONCURRENCY="0": must be at least 1',
      'GRAPHQL_MAX_COST="lots": must be a whole number',
      'REDIS_URL="localhost:6379": must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0',
    ]);
    expect((error as ConfigError).message).toMatch(/^innozone cannot start, the environment is invalid:\n  - NODE_ENV=/);
  });

  it('refuses a runtime URL without the owner URL it goes with', () => {
    expect(() => loadConfig({ DATABASE_RUNTIME_URL: 'postgres://innozone_app@127.0.0.1:5432/innozone' })).toThrow(
      'DATABASE_RUNTIME_URL="postgres://innozone_app@127.0.0.1:5432/innozone": needs DATABASE_URL, the owner\'s URL of the same database',
    );
  });

  it('reads the replicas of the database and how far behind they may be', () => {
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://innozone@10.0.0.1:5432/innozone',
        DATABASE_REPLICA_URLS: 'postgres://innozone_app@10.0.0.2:5432/innozone, postgresql://innozone_app@10.0.0.3/innozone',
        DATABASE_REPLICA_MAX_LAG_SECONDS: '30',
      }).database,
    ).toEqual({
      url: 'postgres://innozone@10.0.0.1:5432/innozone',
      replicas: { urls: ['postgres://innozone_app@10.0.0.2:5432/innozone', 'postgresql://innozone_app@10.0.0.3/innozone'], maxLagSeconds: 30 },
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://a@h/db', DATABASE_REPLICA_URLS: 'postgres://b@r/db' }).database).toEqual({
      url: 'postgres://a@h/db',
      replicas: { urls: ['postgres://b@r/db'], maxLagSeconds: 10 },
    });
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://b@r/db' })).toThrow(
      'DATABASE_REPLICA_URLS="postgres://b@r/db": needs DATABASE_URL, the primary they replicate',
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@h/db', DATABASE_REPLICA_URLS: 'postgres://b@r/db,r2:5432' })).toThrow(
      'DATABASE_REPLICA_URLS="postgres://b@r/db,r2:5432": must be postgres:// or postgresql:// URLs separated by commas, e.g. postgres://app:pass@10.0.0.2:5432/innozone,postgres://app:pass@10.0.0.3:5432/innozone',
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@h/db', DATABASE_REPLICA_MAX_LAG_SECONDS: '0' })).toThrow(
      'DATABASE_REPLICA_MAX_LAG_SECONDS="0": must be at least 1',
    );
  });

  it('refuses a return window or a session list it cannot read', () => {
    expect(() => loadConfig({ PROPOSAL_RETURN_DAYS: '-1' })).toThrow('PROPOSAL_RETURN_DAYS="-1": must be 0 (no returns) or more');
    expect(() => loadConfig({ CPPCC_SESSIONS: 'MUNICIPAL=15' })).toThrow(
      'CPPCC_SESSIONS="MUNICIPAL=15": must be MUNICIPAL=term.session,PROVINCIAL=term.session,NATIONAL=term.session, e.g. MUNICIPAL=15.5,PROVINCIAL=13.4,NATIONAL=14.4',
    );
  });

  it('refuses a short metrics token, a cap out of range and an OTLP endpoint that is not an HTTP URL', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN="short": must be at least 16 characters (a bearer token Prometheus sends)');
    expect(() => loadConfig({ SUBSCRIPTION_RECHECK_SECONDS: '0' })).toThrow('SUBSCRIPTION_RECHECK_SECONDS="0": must be at least 1');
    expect(() => loadConfig({ METRICS_MAX_OPERATION_NAMES: '-1' })).toThrow('METRICS_MAX_OPERATION_NAMES="-1": must be 0 (every operation as "other") or more');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4317' })).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT="otel-collector:4317": must be an http:// or https:// URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318',
    );
  });

  it('refuses a short webhook secret key and retries out of range', () => {
    expect(() => loadConfig({ WEBHOOK_SECRET_KEY: 'short' })).toThrow('WEBHOOK_SECRET_KEY="short": must be at least 32 characters (the key webhook secrets are encrypted with)');
    expect(() => loadConfig({ WEBHOOK_RETRY_LIMIT: '21' })).toThrow('WEBHOOK_RETRY_LIMIT="21": must be at most 20');
  });

  it('refuses a sweep schedule that is not cron', () => {
    expect(() => loadConfig({ JOBS_SWEEP_CRON: 'daily' })).toThrow(
      'JOBS_SWEEP_CRON="daily": must be a cron expression of 5 fields (minute hour day month weekday), e.g. 0 2 * * *',
    );
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'PORT="70000": must be between 0 and 65535 (the HTTP port GraphQL is served on)',
    );
  });
});
