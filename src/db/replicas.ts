import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import type { Logger } from 'pino';

/**
 * Read replicas (DATABASE_REPLICA_URLS; README "Read replicas"). MikroORM opens one connection pool per replica (its
 * `replicas` option) but picks among them at random and knows nothing of their health or lag, and with its default
 * `preferReadReplicas` it would send every `em.find` outside a transaction to one, sessions and token checks included.
 * So innozone turns that default off (every MikroORM read stays on the primary) and routes only the read path
 * (`readRows`, src/db/read-objects.ts: lists, pages, loaders, read-ahead, answers in SQL) of queries that tolerate lag,
 * through this router, which:
 * - watches each replica every second: reachable, a standby, and how far behind the primary (its replay position
 *   compared with the primary's positions sampled at known times, so an idle primary does not look like lag);
 * - hands a request a replica only when one is healthy, no further behind than DATABASE_REPLICA_MAX_LAG_SECONDS, and
 *   has replayed the request's own last write (read-your-writes: the primary's WAL position after the write committed,
 *   remembered per token or session, and carried by the client in `Innozone-Min-Lsn`);
 * - falls back to the primary, logged, when a replica read fails for a reason of the replica's (out of reach, shut
 *   down, a query cancelled by a conflict with recovery), and stops using that replica until it answers again.
 */

/** A WAL position, `X/Y` as PostgreSQL writes it, as one number. */
export type Lsn = bigint;

export function parseLsn(text: string): Lsn {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!m) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** What readiness says of a replica: STREAMING is in use; the others are not, and reads go to the primary. */
export type ReplicaState = 'STARTING' | 'STREAMING' | 'LAGGING' | 'UNREACHABLE' | 'NOT_A_STANDBY';

export interface ReplicaHealth {
  /** Its place in DATABASE_REPLICA_URLS, from 1 (the URL itself holds a password: never shown). */
  replica: number;
  state: ReplicaState;
  /** How far behind the primary it was at the last check, in seconds (null: unknown). */
  lagSeconds: number | null;
}

export interface ReplicaSettings {
  urls: readonly string[];
  /** A replica further behind than this is not read from. */
  maxLagSeconds: number;
}

/** How often replicas are checked. */
const CHECK_INTERVAL_MS = 1_000;
/** A check of one replica that takes longer counts as out of reach. */
const CHECK_TIMEOUT_MS = 2_000;
/** How long the token or session that wrote is remembered: past this, every replica in use has its write. */
const REMEMBER_WRITES_MS = (maxLagSeconds: number) => (maxLagSeconds + 5) * 1_000;
const MAX_REMEMBERED_WRITERS = 100_000;
/** Past any WAL position: no replica has it. */
const UNKNOWN_WRITE: Lsn = (1n << 64n) - 1n;

class Replica {
  state: ReplicaState = 'STARTING';
  lagMs: number | null = null;
  replayed: Lsn = 0n;
  /** Set when a read failed on it: out of use until a check finds it well again. */
  failed = false;

  constructor(
    readonly index: number,
    readonly connection: AbstractSqlConnection,
  ) {}

  get knex(): Knex {
    return this.connection.getKnex();
  }
}

/** The errors after which a read is run again on the primary: the replica's trouble, not the statement's. */
export function isReplicaTrouble(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE'].includes(code)) return true;
  // 08: connection exceptions; 57P0x: shut down, cannot connect now; 40001 on a standby: cancelled by a conflict with
  // recovery (the primary removed rows the query still needed); 53300: too many connections.
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '57P04', '53300'].includes(code)) return true;
  if (code === '40001' && typeof e?.message === 'string' && /conflict with recovery/.test(e.message)) return true;
  if (e?.name === 'KnexTimeoutError') return true;
  return typeof e?.message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message);
}

/** Routes reads that tolerate lag to healthy replicas; one per ORM with replicas (`replicaRouterOf`). */
export class ReplicaRouter {
  private readonly replicas: Replica[];
  /** The primary's WAL position at known times, newest last: how far behind a replay position is, in time. */
  private readonly samples: { at: number; lsn: Lsn }[] = [];
  private readonly writes = new Map<string, { lsn: Lsn; at: number }>();
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private next = 0;

  constructor(
    private readonly orm: MikroORM,
    readonly settings: ReplicaSettings,
    private readonly log?: Logger,
  ) {
    // MikroORM keeps its replica connections to itself (protected); they are the ones its `replicas` option opened.
    const connections = (orm.em.getDriver() as unknown as { replicas: AbstractSqlConnection[] }).replicas;
    this.replicas = connections.map((c, i) => new Replica(i + 1, c));
  }

  /** Checks every replica now, then every second until `stop`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.checking;
  }

  /** Each replica's state at the last check, for /readyz. */
  health(): ReplicaHealth[] {
    return this.replicas.map((r) => {
      const failed = r.failed && r.state === 'STREAMING';
      return {
        replica: r.index,
        state: failed ? 'UNREACHABLE' : r.state,
        lagSeconds: failed || r.lagMs === null ? null : Math.round(r.lagMs / 100) / 10,
      };
    });
  }

  /**
   * A replica fit to answer a request that must see everything up to `after` (its own last write; null: nothing of
   * its own to see), or null: read the primary. Replicas in turn, so they share the load.
   */
  replicaFor(after: Lsn | null): Replica | null {
    const fit = this.replicas.filter((r) => r.state === 'STREAMING' && !r.failed && (after === null || r.replayed >= after));
    if (!fit.length) return null;
    return fit[this.next++ % fit.length]!;
  }

  /** The last write of `writer` (a token's or session's key) this process saw, while it may matter. */
  lastWriteOf(writer: string): Lsn | null {
    const w = this.writes.get(writer);
    if (!w) return null;
    if (Date.now() - w.at > REMEMBER_WRITES_MS(this.settings.maxLagSeconds)) {
      this.writes.delete(writer);
      return null;
    }
    return w.lsn;
  }

  /** Notes that `writer` (null: not known) has just written: returns the primary's WAL position, which covers it. */
  async noteWrite(writer: string | null): Promise<Lsn> {
    let lsn = UNKNOWN_WRITE;
    try {
      const [row] = (await this.primaryKnex().raw<{ rows: { lsn: string }[] }>('select pg_current_wal_insert_lsn()::text as lsn')).rows;
      lsn = parseLsn(row!.lsn);
      return lsn;
    } finally {
      // Where the write stands unknown: the writer reads the primary for as long as it is remembered.
      if (writer) {
        if (this.writes.size >= MAX_REMEMBERED_WRITERS) this.forgetOldWrites();
        this.writes.delete(writer);
        this.writes.set(writer, { lsn, at: Date.now() });
      }
    }
  }

  /** A read on `replica` failed for the replica's own reason: out of use until a check finds it well, logged. */
  fellBack(replica: Replica, error: unknown): void {
    if (!replica.failed) this.log?.warn({ replica: replica.index, err: error }, 'a read replica failed: reads go to the primary');
    replica.failed = true;
  }

  private primaryKnex(): Knex {
    return this.orm.em.getConnection('write').getKnex() as Knex;
  }

  private forgetOldWrites(): void {
    const horizon = Date.now() - REMEMBER_WRITES_MS(this.settings.maxLagSeconds);
    for (const [writer, w] of this.writes) if (w.at < horizon) this.writes.delete(writer);
    // Still full: the oldest go (a Map iterates in insertion order, and a writer is re-inserted on each write).
    for (const writer of this.writes.keys()) {
      if (this.writes.size < MAX_REMEMBERED_WRITERS / 2) break;
      this.writes.delete(writer);
    }
  }

  private check(): Promise<void> {
    // One check at a time: a replica out of reach takes up to CHECK_TIMEOUT_MS to say so.
    return (this.checking ??= this.checkAll().finally(() => (this.checking = undefined)));
  }

  private async checkAll(): Promise<void> {
    const now = Date.now();
    try {
      const [row] = (await this.primaryKnex().raw<{ rows: { lsn: string }[] }>('select pg_current_wal_lsn()::text as lsn')).rows;
      this.samples.push({ at: now, lsn: parseLsn(row!.lsn) });
    } catch (err) {
      // The primary out of reach: nothing to measure against; replicas keep their last state.
      this.log?.debug({ err }, 'the primary could not be sampled for replica lag');
    }
    const keepMs = (this.settings.maxLagSeconds + 10) * 1_000;
    while (this.samples.length > 2 && this.samples[1]!.at < now - keepMs) this.samples.shift();
    await Promise.all(this.replicas.map((r) => this.checkOne(r)));
  }

  private async checkOne(replica: Replica): Promise<void> {
    const before = replica.state;
    try {
      const query = replica.knex.raw<{ rows: { standby: boolean; lsn: string | null }[] }>(
        'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn',
      );
      const result = await Promise.race([
        query,
        new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('replica check timed out'), { code: 'ETIMEDOUT' })), CHECK_TIMEOUT_MS).unref()),
      ]);
      const row = result.rows[0]!;
      if (!row.standby || row.lsn === null) {
        // Promoted, or pointed at a primary by mistake: it may hold writes the primary never saw.
        replica.state = 'NOT_A_STANDBY';
        replica.lagMs = null;
      } else {
        replica.replayed = parseLsn(row.lsn);
        replica.lagMs = this.lagOf(replica.replayed);
        replica.state = replica.lagMs !== null && replica.lagMs <= this.settings.maxLagSeconds * 1_000 ? 'STREAMING' : 'LAGGING';
      }
      replica.failed = false;
    } catch (err) {
      replica.state = 'UNREACHABLE';
      replica.lagMs = null;
      if (before !== 'UNREACHABLE') this.log?.warn({ replica: replica.index, err }, 'a read replica is out of reach: reads go to the primary');
      return;
    }
    if (before !== replica.state) {
      const log = replica.state === 'STREAMING' ? this.log?.info.bind(this.log) : this.log?.warn.bind(this.log);
      log?.({ replica: replica.index, state: replica.state, lagMs: replica.lagMs }, `read replica ${replica.state.toLowerCase().replace(/_/g, ' ')}`);
    }
  }

  /**
   * How long ago the primary was where `replayed` is: the time of the newest sample at or before it (0 when it is at
   * the newest); null when it is behind every sample kept (further behind than we measure).
   */
  private lagOf(replayed: Lsn): number | null {
    const now = Date.now();
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const s = this.samples[i]!;
      if (s.lsn <= replayed) return i === this.samples.length - 1 ? 0 : now - this.samples[i + 1]!.at;
    }
    return null;
  }
}

const routers = new WeakMap<MikroORM, ReplicaRouter>();
/** The replica a request's reads go to, by its entity manager (set once its operation is known to tolerate lag). */
const routes = new WeakMap<EntityManager, { router: ReplicaRouter; replica: Replica }>();

export function attachReplicaRouter(orm: MikroORM, router: ReplicaRouter): void {
  routers.set(orm, router);
}

/** The router of an ORM opened with replicas, or undefined. */
export function replicaRouterOf(orm: MikroORM): ReplicaRouter | undefined {
  return routers.get(orm);
}

/** Sends the reads of `em` (outside a transaction) to `replica`; null: to the primary. */
export function routeReads(em: EntityManager, router: ReplicaRouter, replica: Replica | null): void {
  if (replica) routes.set(em, { router, replica });
  else routes.delete(em);
}

/** Runs a read the way `readRows` builds it, on the replica its entity manager's reads go to, else on the primary. */
export async function runRead<R>(em: EntityManager, query: Knex.QueryBuilder | Knex.Raw, run: (q: Knex.QueryBuilder | Knex.Raw) => Promise<R>): Promise<R> {
  const route = em.isInTransaction() ? undefined : routes.get(em);
  if (route && !route.replica.failed) {
    let connection: unknown;
    try {
      connection = await route.replica.knex.client.acquireConnection();
      // The statement was built with the primary's knex (the same dialect): run it on a connection of the replica.
      // Knex's runner takes a builder's own connection when it has one (`QueryBuilder.connection`; a raw has no setter).
      (query as unknown as { _connection?: unknown })._connection = connection;
      return await run(query);
    } catch (err) {
      if (!isReplicaTrouble(err)) throw err;
      route.router.fellBack(route.replica, err);
      routes.delete(em);
    } finally {
      (query as unknown as { _connection?: unknown })._connection = undefined;
      if (connection) await route.replica.knex.client.releaseConnection(connection);
    }
  }
  return run(query);
}
