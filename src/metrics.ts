import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { routeOf } from './routes';

/**
 * Prometheus metrics of one server (GET /metrics, README "Operations"). Each server has a registry of its own, so that
 * several servers in one process (the test kit) count apart. Every label has a bounded set of values: a scraper keeps
 * one series per combination for as long as it keeps data, and a label a client can choose freely (a path, an
 * operation name) would let any client grow that without end.
 */

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Operation name labels past the cap, for operations named after the first `maxOperationNames` distinct names. */
export const OTHER_OPERATION = 'other';
/** An operation that was resolved but has no name (`{ viewer { role } }`). */
export const ANONYMOUS_OPERATION = 'anonymous';
/** A request that never became an operation: not parsed, not valid, refused before it was read. */
export const UNKNOWN_OPERATION = 'unknown';

/**
 * How a GraphQL request ended. A mutation's typed errors in its payload (`errors: [...]` beside the data) are a
 * `success`: the operation ran and answered as the schema says.
 */
export type OperationOutcome = 'success' | 'error' | 'invalid' | 'rate_limited' | 'unauthenticated' | 'forbidden' | 'unavailable' | 'abandoned';

/** The outcome of a request that never executed, by the code of its first error. */
function refusalOutcome(code: unknown): OperationOutcome {
  switch (code) {
    case 'RATE_LIMITED':
      return 'rate_limited';
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'SERVICE_UNAVAILABLE':
      return 'unavailable';
    case 'CLIENT_CLOSED_REQUEST':
      return 'abandoned';
    default:
      // Parse and validation failures, the limits (depth, aliases, cost, batch), bad variables, persisted-query misses.
      return 'invalid';
  }
}

/** One sample of a gauge a collector reports: its labels (if the gauge has any) and value. */
export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

/** A gauge read when Prometheus scrapes (`registerGauge`). */
export interface GaugeDefinition {
  /** The metric's name; innozone's own start with `innozone_`. */
  name: string;
  help: string;
  labelNames?: string[];
  /** Called at each scrape: one number, or one sample per label combination. On a throw the scrape goes on without it. */
  collect: () => number | GaugeSample[] | Promise<number | GaugeSample[]>;
  /**
   * How WEB_CONCURRENCY workers' values combine in one scrape (src/cluster.ts): `sum` (default) for what each worker
   * holds of its own (its pool's connections), `max` for what every worker reads alike (a queue's depth).
   */
  aggregator?: 'sum' | 'max';
}

export interface MetricsOptions {
  /** Distinct operation names counted by name; later new names are counted as `other`. */
  maxOperationNames: number;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  token?: string;
}

/** The buckets of the operation duration histogram, in seconds: from a cached answer to the request timeout. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  private readonly durations: Histogram<'operation' | 'type'>;
  private readonly names = new Set<string>();
  /** The exposition text GET /metrics answers: this registry's, or every worker's summed (`answerWith`). */
  private exposition: () => Promise<string> = () => this.registry.metrics();

  constructor(private readonly options: MetricsOptions) {
    // Node's standard metrics under their standard names (process_cpu_seconds_total, nodejs_eventloop_lag_seconds,
    // nodejs_eventloop_lag_p99_seconds, nodejs_heap_size_used_bytes …), so stock Node.js dashboards read them as they are.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.httpRequests = new Counter({
      name: 'innozone_http_requests_total',
      help: 'HTTP requests answered, by method, route (/graphql, /auth, /imports, /graphiql, /metrics, /healthz, /readyz, console: everything else) and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.operations = new Counter({
      name: 'innozone_graphql_operations_total',
      help:
        'GraphQL requests by operation name (the first distinct names; later ones as "other"; "anonymous" unnamed, "unknown" never parsed or resolved), ' +
        'type (query, mutation, subscription, unknown) and outcome (success, error, invalid, rate_limited, unauthenticated, forbidden, unavailable, abandoned).',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'innozone_graphql_operation_duration_seconds',
      help: 'Time from a GraphQL request reaching Apollo to its response being ready (parsing, validation, admission wait, execution), by operation name and type.',
      labelNames: ['operation', 'type'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * Adds a gauge read at each scrape. The way for other parts to report their state without knowing prom-client: the
   * database pools use it (`databasePoolGauges`), and the job queue's depth plugs in here once jobs exist, e.g. for
   * pg-boss: `metrics.registerGauge({ name: 'innozone_job_queue_depth', help: 'Jobs waiting, by queue.', labelNames:
   * ['queue'], collect: async () => (await boss.getQueues()).map((q) => ({ labels: { queue: q.name }, value:
   * q.queuedCount })) })`.
   */
  registerGauge(definition: GaugeDefinition): Gauge<string> {
    const { collect } = definition;
    return new Gauge({
      name: definition.name,
      help: definition.help,
      labelNames: definition.labelNames ?? [],
      registers: [this.registry],
      aggregator: definition.aggregator ?? 'sum',
      async collect() {
        this.reset();
        let value: number | GaugeSample[];
        try {
          value = await collect();
        } catch {
          // One part that cannot say (its queue's table unreachable) must not cost the scrape every other metric: a
          // labelled gauge has no samples this time, one without labels reads NaN (reset would show a false 0).
          if ((definition.labelNames ?? []).length === 0) this.set(NaN);
          return;
        }
        if (typeof value === 'number') this.set(value);
        else for (const sample of value) sample.labels ? this.set(sample.labels, sample.value) : this.set(sample.value);
      },
    });
  }

  /** The label an operation name is counted under (bounded by `maxOperationNames`). */
  operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.names.has(name)) return name;
    if (this.names.size >= this.options.maxOperationNames) return OTHER_OPERATION;
    this.names.add(name);
    return name;
  }

  /** Counts every HTTP response once it is sent (or its client gone), by its route. */
  httpMiddleware(): express.RequestHandler {
    return (req, res, next) => {
      res.once('close', () => {
        const method = METHODS.has(req.method) ? req.method : 'other';
        this.httpRequests.inc({ method, route: routeOf(req.originalUrl), status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Counts GraphQL operations and times them; refusals before Apollo parses anything (context creation) too. */
  apolloPlugin(): ApolloServerPlugin {
    const metrics = this;
    return {
      async contextCreationDidFail({ error }) {
        // The token was refused, the rate limit hit or the database out of reach before the request was read.
        const code = (error as { extensions?: Record<string, unknown> }).extensions?.['code'];
        metrics.operations.inc({ operation: UNKNOWN_OPERATION, type: 'unknown', outcome: refusalOutcome(code) });
      },
      async requestDidStart() {
        const started = process.hrtime.bigint();
        let executed = false;
        return {
          async executionDidStart() {
            executed = true;
          },
          async willSendResponse({ operation, operationName, response, errors }) {
            const resolved = operation !== undefined && operation !== null;
            const name = resolved ? metrics.operationLabel(operationName) : UNKNOWN_OPERATION;
            const type = resolved ? operation.operation : 'unknown';
            const resultErrors = response.body.kind === 'single' ? response.body.singleResult.errors : errors;
            let outcome: OperationOutcome;
            if (!resultErrors?.length) outcome = 'success';
            else if (executed) outcome = resultErrors.every((e) => e.extensions?.['code'] === 'SERVICE_UNAVAILABLE') ? 'unavailable' : 'error';
            else outcome = refusalOutcome(resultErrors[0]?.extensions?.['code']);
            metrics.operations.inc({ operation: name, type, outcome });
            metrics.durations.observe({ operation: name, type }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }

  /** Makes GET /metrics answer `exposition` (a worker: every worker's metrics combined by the primary). */
  answerWith(exposition: () => Promise<string>): void {
    this.exposition = exposition;
  }

  /** GET /metrics: the exposition text; with a token set, only for `Authorization: Bearer <token>`. */
  handler(): express.RequestHandler {
    const expected = this.options.token ? Buffer.from(`Bearer ${this.options.token}`) : undefined;
    return async (req, res, next) => {
      if (expected) {
        const given = Buffer.from(req.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.status(401).set('www-authenticate', 'Bearer').json({ errors: [{ message: 'GET /metrics needs the bearer token METRICS_TOKEN.', extensions: { code: 'UNAUTHENTICATED' } }] });
          return;
        }
      }
      try {
        const text = await this.exposition();
        res.set('content-type', this.registry.contentType).set('cache-control', 'no-store').send(text);
      } catch (err) {
        next(err);
      }
    };
  }
}

/**
 * The database pools' state at each scrape (knex's tarn pool under MikroORM): connections in use and idle, requests
 * waiting for a connection, connections being opened, and the pool's maximum. `pool` is `primary`, and `replica-N`
 * for each read replica MikroORM was given.
 */
export function databasePoolGauges(metrics: Metrics, orm: MikroORM): void {
  interface TarnPool {
    numUsed(): number;
    numFree(): number;
    numPendingAcquires(): number;
    numPendingCreates(): number;
    max: number;
  }
  const pools = (): { pool: string; tarn: TarnPool }[] => {
    const driver = orm.em.getDriver();
    const replicas = (driver as unknown as { replicas?: { getKnex(): unknown }[] }).replicas ?? [];
    const tarnOf = (connection: { getKnex(): unknown }) => (connection.getKnex() as { client: { pool?: TarnPool } }).client.pool;
    return [
      { pool: 'primary', tarn: tarnOf(driver.getConnection('write')) },
      ...replicas.map((replica, i) => ({ pool: `replica-${i + 1}`, tarn: tarnOf(replica) })),
    ].filter((p): p is { pool: string; tarn: TarnPool } => p.tarn !== undefined);
  };
  const gauge = (name: string, help: string, read: (tarn: TarnPool) => number) =>
    metrics.registerGauge({ name, help, labelNames: ['pool'], collect: () => pools().map(({ pool, tarn }) => ({ labels: { pool }, value: read(tarn) })) });
  gauge('innozone_db_pool_connections_used', 'Database connections lent to a request or transaction.', (t) => t.numUsed());
  gauge('innozone_db_pool_connections_free', 'Database connections open and idle in the pool.', (t) => t.numFree());
  gauge('innozone_db_pool_pending_acquires', 'Requests waiting for a database connection (the pool is exhausted when this stays above 0).', (t) => t.numPendingAcquires());
  gauge('innozone_db_pool_pending_creates', 'Database connections being opened.', (t) => t.numPendingCreates());
  gauge('innozone_db_pool_connections_max', 'The most connections the pool opens.', (t) => t.max);
}
