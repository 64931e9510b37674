// First: tracing (when configured) patches pg and http as they are first required.
import { tracing } from './telemetry';
import 'reflect-metadata';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { loadSigningKey, TokenService } from './auth/tokens';
import { type Config, ConfigError, loadConfig } from './config';
import { type DatabaseTarget, openDatabase } from './db/database';
import { answerMetricsForAllWorkers, databaseFromPrimary, nameWorkerInResponses, offerMetricsToPrimary, Workers } from './cluster';
import { migrate, openOrm } from './db/orm';
import { grantRuntimeRole, userOf } from './db/runtime-role';
import { Lifecycle, StartAbandoned } from './lifecycle';
import { createLogger, type Logger } from './logger';
import { buildInnozoneSchema } from './schema';
import { createServer } from './server';
import { seedDemoZoneIfEmpty } from '../seeds';
import { disableDemoAccounts } from './modules/account/account.service';
import { HANDLING_TIMES } from './modules/cppcc/cppcc.service';
import { jobQueueGauges, type Jobs, startJobs } from './events/jobs';
import { ClusterEventHub } from './subscriptions/cluster-hub';
import { becomeInnozoneWorker, innozoneWorker } from './worker';
import { type EventHub, LocalEventHub } from './subscriptions/hub';
import { RedisEventHub } from './subscriptions/redis-hub';
import { localState, RedisSharedState } from './shared-state';

/** config → database → migrations → demo zone → server → listen. Each started piece registers its stop first. */
async function start(config: Config, log: Logger, lifecycle: Lifecycle): Promise<void> {
  const startedAt = Date.now();
  const database = await prepare(config, log, lifecycle);
  await serve(config, log, lifecycle, database, startedAt);
}

/**
 * What runs once however many workers serve: the database (the embedded cluster started), migrations, the demo zone,
 * the runtime role's grants. Returns the URLs to serve with.
 */
async function prepare(config: Config, log: Logger, lifecycle: Lifecycle): Promise<DatabaseTarget> {
  Object.assign(HANDLING_TIMES, config.cppcc);
  const database = await openDatabase(config, log, { avoidPorts: [config.http.port] });
  if (database.embedded) lifecycle.started('embedded PostgreSQL', () => database.embedded!.stop());

  // As the owner: migrations, the demo zone, and the runtime role's grants on whatever the migrations made.
  const owner = await openOrm(database.url, log);
  try {
    const applied = await migrate(owner);
    if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
    if (config.seedDemoZone) await seedDemoZoneIfEmpty(owner, log, undefined, { accounts: !config.production });
    if (config.production) {
      // The demo's accounts share a published password: never usable in production (README "Signing in").
      const disabled = await disableDemoAccounts(owner.em.fork());
      if (disabled.length) log.warn({ accounts: disabled }, 'demo accounts disabled: this is production');
    }
    if (database.runtimeUrl !== database.url) await grantRuntimeRole(database.url, userOf(database.runtimeUrl));
  } finally {
    await owner.close(true);
  }
  if (database.runtimeUrl === database.url) {
    log.warn('the server runs as the database owner, which could disable the audit triggers: set DATABASE_RUNTIME_URL (README)');
  }
  return database;
}

/** What each worker runs (all of it, as one process): ORM, events hub, jobs, HTTP server. */
async function serve(
  config: Config,
  log: Logger,
  lifecycle: Lifecycle,
  database: Pick<DatabaseTarget, 'url' | 'runtimeUrl'>,
  startedAt: number,
): Promise<void> {
  // As the runtime role: everything a request does.
  const orm = await openOrm(database.runtimeUrl, log, 'url' in config.database ? config.database.replicas : undefined);
  lifecycle.started('ORM', () => orm.close(true));

  // Events (src/events): the outbox relay and the daily sweeps, unless JOBS_ENABLED=false. Stopped after the HTTP
  // server (no new mutations) and before the ORM its jobs write with.
  // Relayed events reach the subscriptions through the hub (src/subscriptions): through Redis to every instance when
  // REDIS_URL is set, else through the primary to every worker of this machine (WEB_CONCURRENCY > 1), else this
  // process's. Closed after the jobs that publish into it and the server that reads it.
  const publisher: EventHub = config.redis.url
    ? await RedisEventHub.connect(config.redis.url, config.redis.prefix, log)
    : innozoneWorker() !== null
      ? new ClusterEventHub(log)
      : new LocalEventHub();
  lifecycle.started(config.redis.url ? 'Redis events hub' : 'events hub', () => publisher.close());
  if (config.redis.url) log.info({ channel: (publisher as RedisEventHub).channel }, 'events fan out through Redis');
  let jobs: Jobs | undefined;
  if (config.jobs.enabled) {
    const started = await startJobs({ config, orm, ownerUrl: database.url, listenUrl: database.runtimeUrl, publisher, log });
    jobs = started;
    lifecycle.started('jobs', () => started.stop(config.shutdownGraceMs));
  }

  // The persisted-query cache and the rate limits (src/shared-state.ts): in Redis with REDIS_URL, on a connection of
  // their own, closed after the HTTP server that uses it.
  const shared = config.redis.url ? await RedisSharedState.connect(config.redis.url, config.redis.prefix, log) : localState;
  if (config.redis.url) lifecycle.started('Redis shared state', () => shared.close());

  const tokens = new TokenService(await loadSigningKey(config), config.auth.tokenTtl, config.auth.tokenMaxTtl);
  const server = await createServer({ config, orm, tokens, logger: log, schema: await buildInnozoneSchema(), hub: publisher, shared });
  lifecycle.started('HTTP server', () => server.stop());
  if (jobs) jobQueueGauges(server.metrics, jobs);
  if (innozoneWorker() !== null) {
    nameWorkerInResponses(server.httpServer);
    answerMetricsForAllWorkers(server.metrics);
  }

  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.http.port, config.http.host, () => resolve());
  });
  const { port } = server.httpServer.address() as AddressInfo;
  log.info({ url: `http://localhost:${port}/graphql`, ms: Date.now() - startedAt }, innozoneWorker() !== null ? 'worker is serving' : 'innozone is ready');
}

/**
 * WEB_CONCURRENCY > 1, the primary (src/cluster.ts): the once-only start-up, the signing key (generated here, not by
 * N workers at once), then the workers. Stopped in reverse: the workers drain and exit, then the embedded PostgreSQL.
 */
async function startPrimary(config: Config, log: Logger, lifecycle: Lifecycle): Promise<void> {
  const startedAt = Date.now();
  const database = await prepare(config, log, lifecycle);
  await loadSigningKey(config);
  const workers = new Workers(config, { url: database.url, runtimeUrl: database.runtimeUrl }, log);
  lifecycle.started('workers', () => workers.stop());
  const port = await workers.start();
  log.info({ url: `http://localhost:${port}/graphql`, workers: config.webConcurrency, ms: Date.now() - startedAt }, 'innozone is ready');
}

/** WEB_CONCURRENCY > 1, a worker: the database the primary prepared, then everything `serve` runs. */
async function startWorker(config: Config, log: Logger, lifecycle: Lifecycle): Promise<void> {
  const startedAt = Date.now();
  becomeInnozoneWorker();
  offerMetricsToPrimary();
  Object.assign(HANDLING_TIMES, config.cppcc);
  await serve(config, log, lifecycle, await databaseFromPrimary(), startedAt);
}

function main(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const clustered = config.webConcurrency > 1;
  // A worker's lines name it (`worker`: its node:cluster id, 1 to N, a replacement the next).
  const log = clustered && cluster.isWorker ? createLogger(config).child({ worker: cluster.worker!.id }) : createLogger(config);
  const lifecycle = new Lifecycle(log);
  // Stopped last: the spans of everything else's shutdown are sent too.
  if (tracing) {
    const started = tracing;
    lifecycle.started('tracing', () => started.shutdown());
    log.info({ endpoint: config.tracing?.endpoint }, 'tracing to OTLP');
  }
  let exitCode = 0;

  const run = !clustered ? start : cluster.isPrimary ? startPrimary : startWorker;
  const startup = run(config, log, lifecycle).catch((err: unknown) => {
    if (err instanceof StartAbandoned) return;
    log.fatal({ err }, 'innozone could not start');
    shutdown('start-up failed', 1);
  });

  // Every exit path comes here: wait for the start-up step under way (so what it starts is registered), stop
  // everything in reverse order, then exit. No PostgreSQL outlives the process.
  function shutdown(reason: string, code: number): void {
    exitCode = Math.max(exitCode, code);
    if (lifecycle.stopping) return;
    lifecycle.requestStop();
    log.info({ reason }, 'shutting down');
    void startup
      .then(() => lifecycle.stopAll())
      .finally(() => {
        log.flush();
        process.exit(exitCode);
      });
  }

  process.on('SIGINT', () => shutdown('SIGINT', 0));
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));
  process.on('SIGHUP', () => shutdown('SIGHUP', 0));
  // A worker whose primary is gone (killed) has no one to restart or stop it: it stops itself.
  if (clustered && cluster.isWorker) process.on('disconnect', () => shutdown('the primary is gone', 1));
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception');
    shutdown('uncaught exception', 1);
  });
  process.on('unhandledRejection', (err) => {
    log.fatal({ err }, 'unhandled rejection');
    shutdown('unhandled rejection', 1);
  });
}

main();
