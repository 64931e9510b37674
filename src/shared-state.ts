import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { machineRateLimiter } from './rate-limits';

/** How long a persisted query (APQ) stays in Redis after it was last registered: a client whose hash expired resends the query. */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;
/** A Redis command that takes longer than this fails (a cache miss, or the rate limits counted in this process). */
const COMMAND_TIMEOUT_MS = 500;

/**
 * What instances share when they run behind one balancer: the persisted-query cache (Apollo's automatic persisted
 * queries) and the rate limits. Without REDIS_URL (`localState`), each process keeps its own, as one instance needs.
 */
export interface SharedState {
  /** Apollo's cache for persisted queries; undefined: Apollo's own in-memory cache. */
  cache?: KeyValueCache<string>;
  /** A limiter of `points` a `duration` (seconds), its keys named by `name` (one count per name and key across instances). */
  limiter(name: string, points: number, duration: number): RateLimiterAbstract;
  close(): Promise<void>;
}

/**
 * No Redis: Apollo's in-memory cache, and the rate limits counted on this machine (src/rate-limits.ts: in this process,
 * or by the primary for all WEB_CONCURRENCY workers).
 */
export const localState: SharedState = {
  limiter: (name, points, duration) => machineRateLimiter(name, points, duration),
  close: async () => undefined,
};

/**
 * Apollo's KeyValueCache over ioredis, keys under `prefix`. A small class rather than an adapter: Apollo's
 * `@apollo/utils.keyvadapter` needs Keyv and `@keyv/redis`, which is built on node-redis, a second Redis client beside
 * the ioredis the events hub and the rate limits use, for three commands (GET, SET EX, DEL).
 *
 * Redis out of reach (or slower than COMMAND_TIMEOUT_MS) is a miss, never an error: Apollo answers a hash it cannot find
 * with PERSISTED_QUERY_NOT_FOUND and the client resends the whole query; a failed write is logged and forgotten.
 * (Apollo would turn a throwing `get` into a 500.)
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
    private readonly defaultTtlSeconds = PERSISTED_QUERY_TTL_SECONDS,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.client.get(this.prefix + key)) ?? undefined;
    } catch (err) {
      this.log.warn({ err, key }, 'persisted-query cache (Redis) unreadable: answered as not found');
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    // Apollo's ttl is in seconds; null means "no expiry", which is not kept here: every entry expires.
    const ttl = options?.ttl ? Math.max(1, Math.ceil(options.ttl)) : this.defaultTtlSeconds;
    try {
      await this.client.set(this.prefix + key, value, 'EX', ttl);
    } catch (err) {
      this.log.warn({ err, key }, 'persisted-query cache (Redis) unwritable: the query is not kept');
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.client.del(this.prefix + key)) > 0;
    } catch (err) {
      this.log.warn({ err, key }, 'persisted-query cache (Redis) unwritable: the entry is not deleted');
      return false;
    }
  }
}

/** How often, at most, a limiter says it counts in the process (each request would, while Redis is away). */
const FALLBACK_LOG_INTERVAL_MS = 60_000;

export interface SharedStateOptions {
  /** At most one "counted in this process" warning per limiter in this time (FALLBACK_LOG_INTERVAL_MS; tests: 0). */
  fallbackLogIntervalMs?: number;
}

/**
 * The memory limiter a Redis limiter falls back to (rate-limiter-flexible calls it when Redis fails, silently):
 * says so in the log, at most once a minute.
 */
class InsuranceLimiter extends RateLimiterMemory {
  private lastSaid = 0;
  constructor(
    options: { points: number; duration: number },
    private readonly say: () => void,
    private readonly intervalMs: number,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): ReturnType<RateLimiterMemory['consume']> {
    const now = Date.now();
    if (now - this.lastSaid >= this.intervalMs) {
      this.lastSaid = now;
      this.say();
    }
    return super.consume(...args);
  }
}

/**
 * REDIS_URL: one ioredis connection (not the events hub's: a subscribing connection can do nothing else) for the
 * persisted-query cache (`<prefix>apq:<hash>`) and the rate limits (`<prefix>rate:<name>:<key>`, rate-limiter-flexible's
 * RateLimiterRedis, atomic in one Lua script). Redis out of reach fails each command at once (no offline queue), so
 * a request never waits on it: the cache misses, and each limiter counts in this process (its insurance limiter, a
 * RateLimiterMemory of the same points) until Redis is back.
 */
export class RedisSharedState implements SharedState {
  readonly cache: RedisKeyValueCache;

  private constructor(
    readonly client: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
    private readonly options: SharedStateOptions,
  ) {
    // Apollo names its persisted queries `apq:<sha256>`: the keys are `<prefix>apq:<sha256>`.
    this.cache = new RedisKeyValueCache(client, prefix, log);
  }

  /** Connects; throws if Redis is out of reach (as the events hub does at start-up). */
  static async connect(url: string, prefix: string, log: Logger, options: SharedStateOptions = {}): Promise<RedisSharedState> {
    const client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectionName: 'innozone shared state',
    });
    client.on('error', (err) => log.warn({ err }, 'Redis (persisted queries, rate limits) reported an error; counting in this process meanwhile'));
    try {
      await client.connect();
    } catch (err) {
      client.disconnect();
      throw err;
    }
    return new RedisSharedState(client, prefix, log, options);
  }

  limiter(name: string, points: number, duration: number): RateLimiterAbstract {
    return new RateLimiterRedis({
      storeClient: this.client,
      // ioredis, not node-redis: rate-limiter-flexible tells them apart by the client (useRedisPackage stays unset).
      keyPrefix: `${this.prefix}rate:${name}`,
      points,
      duration,
      // Not connected: straight to the insurance limiter rather than a command that would fail anyway.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new InsuranceLimiter(
        { points, duration },
        () => this.log.warn({ limiter: name }, 'rate limit counted in this process: Redis did not answer'),
        this.options.fallbackLogIntervalMs ?? FALLBACK_LOG_INTERVAL_MS,
      ),
    });
  }

  async close(): Promise<void> {
    // Already closed: a second disconnect would wait 2 s for a socket that is gone (ioredis's disconnectTimeout).
    if (this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
