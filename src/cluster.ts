import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import type { Metrics } from './metrics';
import type { Config } from './config';
import type { DatabaseTarget } from './db/database';
import { countWorkersRateLimits } from './rate-limits';
import { innozoneWorker } from './worker';
import { fanOutToWorkers, isHubEnvelope } from './subscriptions/cluster-hub';

/**
 * WEB_CONCURRENCY > 1 (src/main.ts): a node:cluster primary does the once-only start-up (the database, embedded or not,
 * migrations, the demo zone, the runtime role's grants, the signing key), then forks that many workers, each running
 * the rest (ORM, events hub, jobs, HTTP server) on the shared port; node:cluster hands connections to the workers in
 * turn (round-robin, the default on Linux). The primary serves no request; it passes the workers' events between them
 * (src/subscriptions/cluster-hub.ts, without Redis), counts their rate limits (src/rate-limits.ts), replaces a worker
 * that dies, and on SIGTERM/SIGINT has every worker drain and exit before it stops the embedded PostgreSQL.
 */

/** What a worker asks the primary for once it runs, and the answer: the database URLs the primary prepared. */
const DATABASE_REQUEST = 'innozone:database?';
const DATABASE_ANSWER = 'innozone:database';
type DatabaseUrls = Pick<DatabaseTarget, 'url' | 'runtimeUrl'>;
/** A worker's GET /metrics asks the primary for every worker's metrics combined (prom-client's AggregatorRegistry). */
const METRICS_REQUEST = 'innozone:metrics?';
const METRICS_ANSWER = 'innozone:metrics';

/** The response header naming the worker that answered (only when clustered): which worker a balancer's request reached. */
export const WORKER_HEADER = 'Innozone-Worker';

/** A replacement waits this long after the first crash, doubling with each further one within a minute, up to 30 s. */
const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 30_000;
const CRASH_WINDOW_MS = 60_000;

/** Thrown when a worker exits before it ever listened: its start-up failed, and another would fail the same way. */
export class WorkerStartFailed extends Error {
  override name = 'WorkerStartFailed';
}

/** In a worker: the database URLs from the primary (asked over IPC once this process listens for the answer). */
export function databaseFromPrimary(): Promise<DatabaseUrls> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const m = message as { type?: unknown; database?: DatabaseUrls };
      if (m?.type !== DATABASE_ANSWER || !m.database) return;
      process.off('message', onMessage);
      resolve(m.database);
    };
    process.on('message', onMessage);
    process.send!({ type: DATABASE_REQUEST }, undefined, undefined, (err) => {
      if (err) {
        process.off('message', onMessage);
        reject(err);
      }
    });
  });
}

/**
 * In a worker, as soon as it runs: answers the primary's requests for this worker's metrics (none until its server
 * exists, so that a worker starting does not hold up a scrape).
 */
export function offerMetricsToPrimary(): void {
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([]);
}

let metricsRequests = 0;
/**
 * In a worker, once its server exists: its registry is offered to the primary, and its GET /metrics answers every
 * worker's metrics as the primary combines them (counters and histograms summed, gauges as each declares), so a scrape
 * of the shared port reads the instance whichever worker took it.
 */
export function answerMetricsForAllWorkers(metrics: Metrics): void {
  AggregatorRegistry.setRegistries([metrics.registry]);
  metrics.answerWith(
    () =>
      new Promise<string>((resolve, reject) => {
        const id = ++metricsRequests;
        const timer = setTimeout(() => finish(new Error('the primary did not answer with the workers\' metrics in 10 s')), 10_000);
        const onMessage = (message: unknown) => {
          const m = message as { type?: unknown; id?: number; text?: string; error?: string };
          if (m?.type === METRICS_ANSWER && m.id === id) finish(m.error === undefined ? null : new Error(m.error), m.text);
        };
        const finish = (err: Error | null, text?: string) => {
          clearTimeout(timer);
          process.off('message', onMessage);
          if (err) reject(err);
          else resolve(text ?? '');
        };
        process.on('message', onMessage);
        process.send!({ type: METRICS_REQUEST, id });
      }),
  );
}

/** In a worker: names the worker in every HTTP response (`Innozone-Worker: <id>`; a replacement takes the next id). */
export function nameWorkerInResponses(httpServer: import('node:http').Server): void {
  const id = String(innozoneWorker());
  httpServer.prependListener('request', (_req, res) => res.setHeader(WORKER_HEADER, id));
}

/** The primary's workers: forked, watched, replaced, stopped. */
export class Workers {
  private readonly live = new Map<number, Worker>();
  private readonly exited = new Map<number, Promise<void>>();
  private readonly crashes: number[] = [];
  private readonly restarts = new Set<NodeJS.Timeout>();
  private stopping = false;
  /** Set once every first worker listens; before that, a worker's exit fails the start. */
  private started = false;
  private failStart?: (err: Error) => void;

  constructor(
    private readonly config: Pick<Config, 'webConcurrency' | 'shutdownGraceMs'>,
    private readonly database: DatabaseUrls,
    private readonly log: Logger,
  ) {
    const aggregator = new AggregatorRegistry();
    cluster.on('message', (worker, message: unknown) => {
      const type = (message as { type?: unknown })?.type;
      if (isHubEnvelope(message)) fanOutToWorkers(message, this.live.values());
      else if (type === DATABASE_REQUEST) worker.send({ type: DATABASE_ANSWER, database: this.database });
      else if (type === METRICS_REQUEST) {
        const id = (message as { id: number }).id;
        aggregator.clusterMetrics().then(
          (text) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id, text }),
          (err: Error) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id, error: err.message }),
        );
      }
    });
    countWorkersRateLimits();
  }

  /**
   * Forks the workers one after another, each once the one before listens (so two never create pg-boss's queues at
   * once on a fresh database). Resolves with the port they share; rejects if one exits first.
   */
  async start(): Promise<number> {
    let port = 0;
    const failed = new Promise<never>((_, reject) => (this.failStart = reject));
    for (let i = 0; i < this.config.webConcurrency; i++) port = await Promise.race([this.fork(), failed]);
    this.started = true;
    return port;
  }

  /** Forks one worker; resolves with its port once it listens. */
  private fork(): Promise<number> {
    const worker = cluster.fork();
    const pid = worker.process.pid;
    this.live.set(worker.id, worker);
    const forkedAt = Date.now();
    this.exited.set(
      worker.id,
      new Promise((resolve) =>
        worker.once('exit', (code, signal) => {
          this.live.delete(worker.id);
          this.exited.delete(worker.id);
          this.onExit(worker, pid, code, signal, forkedAt);
          resolve();
        }),
      ),
    );
    return new Promise((resolve) =>
      worker.once('listening', (address: AddressInfo) => {
        this.log.info({ worker: worker.id, pid, port: address.port }, 'worker ready');
        resolve(address.port);
      }),
    );
  }

  private onExit(worker: Worker, pid: number | undefined, code: number | null, signal: string | null, forkedAt: number): void {
    if (this.stopping) {
      this.log.info({ worker: worker.id, pid, code, signal }, 'worker exited');
      return;
    }
    if (!this.started) {
      this.failStart?.(new WorkerStartFailed(`worker ${worker.id} (pid ${pid}) exited during start-up (code ${code}, signal ${signal})`));
      return;
    }
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && this.crashes[0]! < now - CRASH_WINDOW_MS) this.crashes.shift();
    // A worker that ran a while before dying starts again soon; one dying again and again waits longer each time.
    const delay = Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** (this.crashes.length - 1));
    this.log.error({ worker: worker.id, pid, code, signal, ranMs: now - forkedAt, restartInMs: delay }, 'worker died; starting another');
    const timer = setTimeout(() => {
      this.restarts.delete(timer);
      if (!this.stopping) void this.fork();
    }, delay);
    this.restarts.add(timer);
  }

  /**
   * Has every worker drain and exit (SIGTERM: each runs its own shutdown, src/main.ts); a worker still running after
   * the grace period and 15 s more is killed. Resolves once all have exited.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    const waiting = [...this.exited.values()];
    for (const worker of this.live.values()) worker.process.kill('SIGTERM');
    const kill = setTimeout(() => {
      for (const worker of this.live.values()) {
        this.log.error({ worker: worker.id, pid: worker.process.pid }, 'worker did not stop in time; killing it');
        worker.process.kill('SIGKILL');
      }
    }, this.config.shutdownGraceMs + 15_000);
    await Promise.all(waiting);
    clearTimeout(kill);
  }
}
