import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from './project';

/**
 * The one reader of `process.env`. Everything else receives a typed `Config`.
 * A bad value stops start-up with a message naming the variable and what it accepts.
 */

/**
 * What one operation may ask for, checked before anything runs. Every refusal is a 400 with
 * GRAPHQL_VALIDATION_FAILED and a message naming the limit.
 */
export interface OperationLimits {
  /** Deepest selection (fragments counted where they are spread). */
  depth: number;
  /** Aliased fields in one operation. */
  aliases: number;
  /** Lexical tokens of a document: bounds every later walk of it (a chain of thousands of fragments). */
  tokens: number;
  /** The static cost (see `costEstimator`). */
  cost: number;
  /** Credit codes and ids one operation may name, summed over every field and alias that takes a list of them. */
  batch: number;
}

export const DEFAULT_LIMITS: OperationLimits = { depth: 16, aliases: 30, tokens: 10_000, cost: 50_000, batch: 1_000 };


/**
 * The sessions held last (December 2026): 政协武汉市第十五届委员会第五次会议, 政协湖北省第十三届委员会第四次会议, 全国政协
 * 十四届四次会议. Change CPPCC_SESSIONS when the next plenary opens.
 */
export const DEFAULT_CPPCC_SESSIONS = 'MUNICIPAL=15.5,PROVINCIAL=13.4,NATIONAL=14.4';

/** A committee session: its term (届次) and its number within the term (第几次会议). */
export interface CppccSession {
  term: number;
  sessionNumber: number;
}

/** The CPPCC workflow's settings. */
export interface CppccSettings {
  /** Days from assignment within which the lead unit may return a proposal (退办). */
  proposalReturnDays: number;
  /** Each level's current session, by level name (MUNICIPAL, PROVINCIAL, NATIONAL). */
  sessions: Record<string, CppccSession>;
  /** Days of the one re-handling round after a dissatisfied rating (重新办理). */
  rehandlingDays: number;
  /** Days from the start of a round within which co-handling units send their opinions (会办意见). */
  coHandlerOpinionDays: number;
}

/** Reads `MUNICIPAL=15.5,PROVINCIAL=13.4,NATIONAL=14.4`. */
export function parseCppccSessions(text: string): Record<string, CppccSession> {
  return Object.fromEntries(
    text.split(',').map((part) => {
      const [level, value] = part.split('=') as [string, string];
      const [term, sessionNumber] = value.split('.').map(Number) as [number, number];
      return [level, { term, sessionNumber }];
    }),
  );
}

export const DEFAULT_CPPCC_SETTINGS: CppccSettings = {
  proposalReturnDays: 10,
  sessions: parseCppccSessions(DEFAULT_CPPCC_SESSIONS),
  rehandlingDays: 30,
  coHandlerOpinionDays: 30,
};

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (what: string) =>
  z.coerce
    .number({ error: `must be a port number (${what})` })
    .int({ error: `must be a whole port number (${what})` })
    .min(0, { error: `must be between 0 and 65535 (${what})` })
    .max(65535, { error: `must be between 0 and 65535 (${what})` });

/** A number of days, 1 to 366. */
const days = () =>
  z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1' })
    .max(366, { error: 'must be at most 366' });

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be one of development, production, test',
    })
    .default('development'),
  PORT: port('the HTTP port GraphQL is served on').default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Express's `trust proxy`: off, a number of hops, or addresses/subnets of the proxies (loopback, 10.0.0.0/8 …).
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => /^(true|false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/.test(v), { error: 'must be false, true, a number of hops, or proxy addresses' })
    .default('false'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
      error: 'must be a postgres:// or postgresql:// URL, e.g. postgres://user:pass@127.0.0.1:5432/innozone',
    })
    .optional(),
  DATABASE_RUNTIME_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
      error: 'must be a postgres:// or postgresql:// URL of the same database as DATABASE_URL, as the role the server runs as',
    })
    .optional(),
  // Streaming replicas of DATABASE_URL's database, comma-separated, as the role the server runs as (README "Read replicas").
  DATABASE_REPLICA_URLS: z
    .string()
    .trim()
    .refine((v) => v.split(',').every((u) => /^postgres(ql)?:\/\/.+/.test(u.trim())), {
      error: 'must be postgres:// or postgresql:// URLs separated by commas, e.g. postgres://app:pass@10.0.0.2:5432/innozone,postgres://app:pass@10.0.0.3:5432/innozone',
    })
    .optional(),
  // A replica further behind the primary than this is not read from (its reads go to the primary).
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(1, { error: 'must be at least 1' })
    .max(3_600, { error: 'must be at most 3600' })
    .default(10),
  INNOZONE_DATA_DIR: z.string().min(1).default('.data'),
  // The built web console (`npm run build` writes dist/web); tests point it at their own build.
  WEB_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: port('the embedded PostgreSQL port; 0 picks a free one')
    .refine((v) => v !== 5432, { error: 'must not be 5432: that port belongs to a system PostgreSQL' })
    .default(0),
  INNOZONE_TOKEN_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters (it signs bearer tokens with HS256)' })
    .optional(),
  INNOZONE_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, { error: 'must be a duration like 30m, 12h or 7d' })
    .default('12h'),
  INNOZONE_TOKEN_MAX_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, { error: 'must be a duration like 30m, 12h or 7d' })
    .default('12h'),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_JIT: booleanFlag.default(true),
  READ_AHEAD: booleanFlag.default(true),
  SQL_ANSWERS: booleanFlag.default(true),
  GRAPHQL_CONCURRENCY: z.coerce
    .number({ error: 'must be a whole number of operations' })
    .int({ error: 'must be a whole number of operations' })
    .min(1, { error: 'must be at least 1' })
    .optional(),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(100, { error: 'must be at least 100' })
    .default(30_000),
  SIGN_IN_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number of attempts (0: no limit)' })
    .int({ error: 'must be a whole number of attempts (0: no limit)' })
    .min(0, { error: 'must be 0 (no limit) or more' })
    .default(20),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number of requests (0: no limit)' })
    .int({ error: 'must be a whole number of requests (0: no limit)' })
    .min(0, { error: 'must be 0 (no limit) or more' })
    .default(600),
  GRAPHQL_MAX_IN_FLIGHT: z.coerce
    .number({ error: 'must be a whole number of requests' })
    .int({ error: 'must be a whole number of requests' })
    .min(1, { error: 'must be at least 1' })
    .optional(),
  GRAPHQL_MAX_COST: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .default(DEFAULT_LIMITS.cost),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SEED_DEMO_ZONE: booleanFlag.default(true),
  // How long a handling unit may return a proposal assigned to it (退办), in days from its assignment.
  PROPOSAL_RETURN_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(0, { error: 'must be 0 (no returns) or more' })
    .max(90, { error: 'must be at most 90 days' })
    .default(10),
  // The current session of each level's committee (届次.次会议): proposals given no session are counted with it.
  CPPCC_SESSIONS: z
    .string()
    .trim()
    .regex(/^MUNICIPAL=\d{1,2}\.\d,PROVINCIAL=\d{1,2}\.\d,NATIONAL=\d{1,2}\.\d$/, {
      error: 'must be MUNICIPAL=term.session,PROVINCIAL=term.session,NATIONAL=term.session, e.g. MUNICIPAL=15.5,PROVINCIAL=13.4,NATIONAL=14.4',
    })
    .default(DEFAULT_CPPCC_SESSIONS),
  // CPPCC handling windows of practice (design defaults): the one re-handling round after a dissatisfied rating
  // (重新办理), and the window of co-handling units' opinions (会办意见), in days.
  PROPOSAL_REHANDLING_DAYS: days().default(30),
  CO_HANDLER_OPINION_DAYS: days().default(30),
  // GET /metrics (src/metrics.ts): a bearer token it wants when set; without it, /metrics is served to whoever reaches
  // the instance (README "Operations": it holds counts, no zone data, and the balancer does not pass it on).
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters (a bearer token Prometheus sends)' }).optional(),
  // Distinct operation names counted by name; later new names count as "other", so clients cannot grow the series.
  METRICS_MAX_OPERATION_NAMES: z.coerce
    .number({ error: 'must be a whole number of names' })
    .int({ error: 'must be a whole number of names' })
    .min(0, { error: 'must be 0 (every operation as "other") or more' })
    .max(10_000, { error: 'must be at most 10000' })
    .default(200),
  // OpenTelemetry's standard variable: where traces go (OTLP over HTTP; /v1/traces is added). Unset: no tracing at all.
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .refine((v) => /^https?:\/\/[^/\s]+/.test(v), { error: 'must be an http:// or https:// URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318' })
    .optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('innozone'),
  // Several instances: relayed events fan out to every instance's subscribers through Redis pub/sub
  // (src/subscriptions/redis-hub.ts), and the persisted-query cache and the rate limits (GraphQL rate, sign-in
  // attempts) live in Redis (src/shared-state.ts). Unset: one instance, all of it in its own process.
  // Redis must be reachable at start-up; later, out of reach, requests are still answered (README "Many instances").
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\/.+/.test(v), { error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0' })
    .optional(),
  // What innozone's Redis channels and keys start with (`<prefix>events`, `<prefix>apq:…`, `<prefix>rate:…`): instances
  // of one zone share it, another zone or a test run takes its own.
  REDIS_KEY_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w.:-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, _ . : or -, e.g. innozone:' })
    .default('innozone:'),
  // Workers on this machine sharing the HTTP port (src/cluster.ts): 1 is one process, as without it; more runs a primary
  // that starts the database once and forks that many workers (README "Operations", "Workers on one machine").
  WEB_CONCURRENCY: z.coerce
    .number({ error: 'must be a whole number of worker processes' })
    .int({ error: 'must be a whole number of worker processes' })
    .min(1, { error: 'must be at least 1 (one process, no workers)' })
    .max(64, { error: 'must be at most 64' })
    .default(1),
  // How often open subscriptions' sessions and organisations are looked at again (src/subscriptions/ws.ts): a signed-out
  // session's or a removed organisation's socket is closed within this many seconds. A token's closes at its expiry.
  SUBSCRIPTION_RECHECK_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(1, { error: 'must be at least 1' })
    .max(3600, { error: 'must be at most 3600 (an hour)' })
    .default(60),
  // Jobs on PostgreSQL (pg-boss, src/events/jobs.ts): the outbox relay's safety net and the daily sweeps.
  JOBS_ENABLED: booleanFlag.default(true),
  // When the daily sweeps run, as cron in the zone's time (Asia/Shanghai): 02:00 by default.
  JOBS_SWEEP_CRON: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4}\S+$/, { error: 'must be a cron expression of 5 fields (minute hour day month weekday), e.g. 0 2 * * *' })
    .default('0 2 * * *'),
  // Webhooks (README "Webhooks"): the key their secrets are encrypted with at rest (AES-256-GCM). Unset: one derived
  // from the token signing key (INNOZONE_TOKEN_SECRET or .data/token-secret), so changing that key then makes every
  // registered secret unreadable (deliveries fail until each webhook is given its secret again with updateWebhook).
  WEBHOOK_SECRET_KEY: z.string().min(32, { error: 'must be at least 32 characters (the key webhook secrets are encrypted with)' }).optional(),
  // How many times a failed delivery is tried again before it is DEAD, and the first wait; each later wait doubles.
  WEBHOOK_RETRY_LIMIT: z.coerce
    .number({ error: 'must be a whole number of retries' })
    .int({ error: 'must be a whole number of retries' })
    .min(0, { error: 'must be at least 0' })
    .max(20, { error: 'must be at most 20' })
    .default(8),
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(1, { error: 'must be at least 1' })
    .max(3_600, { error: 'must be at most 3600' })
    .default(30),
  // How long one delivery waits for the receiver's answer.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(1, { error: 'must be at least 1' })
    .max(60, { error: 'must be at most 60' })
    .default(10),
  // Notifications read longer ago than this are deleted by the daily sweeps; unread ones are kept. 0: keep all.
  NOTIFICATION_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(0, { error: 'must be 0 (keep them all) or more' })
    .max(3660, { error: 'must be at most 3660 (ten years)' })
    .default(365),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  production: boolean;
  /** requestTimeoutMs: the time a client has to send its whole request (its headers: at most 10 s of it). */
  /** trustProxy: who may say, in X-Forwarded-For, which client a request came from (Express's `trust proxy`). */
  http: { host: string; port: number; requestTimeoutMs: number; trustProxy: boolean | number | string };
  /** Absolute path of the folder holding the embedded cluster and the generated signing key. */
  dataDir: string;
  /** Absolute path of the built web console served at `/` (WEB_DIR, default dist/web). */
  webDir: string;
  /**
   * url: the owner's (migrations, operator commands); runtimeUrl: the role the server runs as, when it is another
   * (DATABASE_RUNTIME_URL; the embedded cluster always has one); replicas: streaming replicas that reads tolerating lag
   * go to (DATABASE_REPLICA_URLS, src/db/replicas.ts).
   */
  database: { url: string; runtimeUrl?: string; replicas?: ReplicaConfig } | { embedded: { port: number } };
  /**
   * tokenTtl: the lifetime of tokens `npm run token` signs; tokenMaxTtl: the longest lifetime the server accepts;
   * signInPerMinute: sign-in attempts one address may make a minute (0: no limit), against guessing across accounts.
   */
  auth: { tokenSecret?: string; tokenTtl: string; tokenMaxTtl: string; signInPerMinute: number };
  /**
   * jit: execute with graphql-jit (src/executor.ts) rather than graphql-js; readAhead: lists read their page's
   * selection ahead in one statement (src/db/read-plan.ts) rather than field by field.
   */
  /**
   * concurrency: operations executing at once; maxInFlight: requests accepted at once (executing or waiting their
   * turn), past which a request is refused at once with 503.
   */
  graphql: {
    introspection: boolean;
    jit: boolean;
    readAhead: boolean;
    /** Queries whose every field has an SQL form are answered in one statement (src/db/sql-answer.ts); needs readAhead. */
    sqlAnswers: boolean;
    concurrency: number;
    maxInFlight: number;
    /** GraphQL requests one token (anonymous: one address) may send a minute; 0: no limit. */
    ratePerMinute: number;
    limits: OperationLimits;
  };
  /** GET /metrics: token, when set, is the bearer token it wants; maxOperationNames bounds the operation label. */
  metrics: { token?: string; maxOperationNames: number };
  /** Where OpenTelemetry sends traces (OTLP/HTTP), and the service name on them; null: no tracing. */
  tracing: { endpoint: string; serviceName: string } | null;
  logLevel: string;
  shutdownGraceMs: number;
  seedDemoZone: boolean;
  cppcc: CppccSettings;
  /** enabled: the server runs pg-boss (JOBS_ENABLED); sweepCron: when the daily sweeps run, in Asia/Shanghai. */
  /** notificationRetentionDays: notifications read longer ago are deleted by the daily sweeps (0: kept). */
  jobs: { enabled: boolean; sweepCron: string; notificationRetentionDays: number };
  /**
   * Webhook deliveries (src/events/webhook-delivery.ts): secretKey, the key secrets are encrypted with (WEBHOOK_SECRET_KEY;
   * unset: derived from the token signing key); retryLimit and retryDelaySeconds, pg-boss's retries with exponential
   * backoff; timeoutMs, the wait for a receiver's answer.
   */
  webhooks: { secretKey?: string; retryLimit: number; retryDelaySeconds: number; timeoutMs: number };
  /**
   * url: Redis that fans events out across instances and holds their shared persisted-query cache and rate limits
   * (REDIS_URL; unset: one instance); prefix: its channels' and keys' prefix.
   */
  redis: { url?: string; prefix: string };
  /** Worker processes sharing the HTTP port (WEB_CONCURRENCY); 1: one process, no node:cluster (src/cluster.ts). */
  webConcurrency: number;
  /** recheckSeconds: how often open subscriptions' sessions and organisations are checked again. */
  subscriptions: { recheckSeconds: number };
}

/** Read replicas of the database (DATABASE_REPLICA_URLS, DATABASE_REPLICA_MAX_LAG_SECONDS). */
export interface ReplicaConfig {
  urls: string[];
  /** A replica further behind than this is not read from. */
  maxLagSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`innozone cannot start, the environment is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment (by default `process.env`). Throws `ConfigError` listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(
    // An empty variable means "not set": `PORT= npm start` should not fail on ''.
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const given = env[name];
        return `${name}=${JSON.stringify(given)}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.DATABASE_RUNTIME_URL && !e.DATABASE_URL) {
    // Without the owner's URL the embedded cluster is used, which has its own runtime role: the variable would be ignored.
    throw new ConfigError([
      `DATABASE_RUNTIME_URL=${JSON.stringify(env['DATABASE_RUNTIME_URL'])}: needs DATABASE_URL, the owner's URL of the same database`,
    ]);
  }
  if (e.DATABASE_REPLICA_URLS && !e.DATABASE_URL) {
    // The embedded cluster has no replicas: they would replicate some other database.
    throw new ConfigError([
      `DATABASE_REPLICA_URLS=${JSON.stringify(env['DATABASE_REPLICA_URLS'])}: needs DATABASE_URL, the primary they replicate`,
    ]);
  }
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    production,
    http: {
      host: e.HOST,
      port: e.PORT,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    },
    dataDir: path.resolve(cwd, e.INNOZONE_DATA_DIR),
    webDir: e.WEB_DIR ? path.resolve(cwd, e.WEB_DIR) : projectPath('dist', 'web'),
    database: e.DATABASE_URL
      ? {
          url: e.DATABASE_URL,
          ...(e.DATABASE_RUNTIME_URL ? { runtimeUrl: e.DATABASE_RUNTIME_URL } : {}),
          ...(e.DATABASE_REPLICA_URLS
            ? { replicas: { urls: e.DATABASE_REPLICA_URLS.split(',').map((u) => u.trim()), maxLagSeconds: e.DATABASE_REPLICA_MAX_LAG_SECONDS } }
            : {}),
        }
      : { embedded: { port: e.EMBEDDED_PG_PORT } },
    auth: { tokenSecret: e.INNOZONE_TOKEN_SECRET, tokenTtl: e.INNOZONE_TOKEN_TTL, tokenMaxTtl: e.INNOZONE_TOKEN_MAX_TTL, signInPerMinute: e.SIGN_IN_PER_MINUTE },
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ?? !production,
      jit: e.GRAPHQL_JIT,
      readAhead: e.READ_AHEAD,
      sqlAnswers: e.READ_AHEAD && e.SQL_ANSWERS,
      concurrency: e.GRAPHQL_CONCURRENCY ?? 2 * os.availableParallelism(),
      maxInFlight: e.GRAPHQL_MAX_IN_FLIGHT ?? 32 * (e.GRAPHQL_CONCURRENCY ?? 2 * os.availableParallelism()),
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      limits: { ...DEFAULT_LIMITS, cost: e.GRAPHQL_MAX_COST },
    },
    metrics: { token: e.METRICS_TOKEN, maxOperationNames: e.METRICS_MAX_OPERATION_NAMES },
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, ''), serviceName: e.OTEL_SERVICE_NAME } : null,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    seedDemoZone: e.SEED_DEMO_ZONE,
    cppcc: {
      proposalReturnDays: e.PROPOSAL_RETURN_DAYS,
      sessions: parseCppccSessions(e.CPPCC_SESSIONS),
      rehandlingDays: e.PROPOSAL_REHANDLING_DAYS,
      coHandlerOpinionDays: e.CO_HANDLER_OPINION_DAYS,
    },
    jobs: { enabled: e.JOBS_ENABLED, sweepCron: e.JOBS_SWEEP_CRON, notificationRetentionDays: e.NOTIFICATION_RETENTION_DAYS },
    webhooks: {
      ...(e.WEBHOOK_SECRET_KEY ? { secretKey: e.WEBHOOK_SECRET_KEY } : {}),
      retryLimit: e.WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: e.WEBHOOK_RETRY_DELAY_SECONDS,
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_KEY_PREFIX },
    webConcurrency: e.WEB_CONCURRENCY,
    subscriptions: { recheckSeconds: e.SUBSCRIPTION_RECHECK_SECONDS },
  };
}
