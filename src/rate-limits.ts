import { type RateLimiterAbstract, RateLimiterCluster, RateLimiterClusterMaster, RateLimiterMemory } from 'rate-limiter-flexible';
import { innozoneWorker } from './worker';

/**
 * A rate limiter counted on this machine: in this process as one process runs (RateLimiterMemory), and in a worker of
 * WEB_CONCURRENCY > 1 by the primary for all workers, over the cluster's IPC channel (rate-limiter-flexible's
 * RateLimiterCluster), so N workers do not give a caller N budgets. `keyPrefix` names the limiter (unique per limiter:
 * the primary keeps one count per prefix). With REDIS_URL, the count shared across instances belongs in Redis: this
 * is the fallback without it.
 */
export function machineRateLimiter(keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  if (innozoneWorker() !== null) return new RateLimiterCluster({ keyPrefix, points, duration, timeoutMs: 3_000 });
  return new RateLimiterMemory({ keyPrefix, points, duration });
}

/** In the primary, before it forks: keeps the counts of the workers' `machineRateLimiter`s. */
export function countWorkersRateLimits(): void {
  new RateLimiterClusterMaster();
}
