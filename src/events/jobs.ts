import type { Metrics } from '../metrics';
import type { MikroORM } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { ZONE_TIME_ZONE, zoneToday } from '../clock';
import type { Config } from '../config';
import type { EventPublisher } from './publisher';
import { EventRelay } from './relay';
import { runDailySweeps } from './sweeps';

/** pg-boss keeps its tables in a schema of its own, on the registry's database. */
export const JOBS_SCHEMA = 'pgboss';
/** The queues: the outbox relay's safety net (every minute) and the daily sweeps (JOBS_SWEEP_CRON, zone time). */
export const QUEUES = { relay: 'outbox-relay', sweeps: 'daily-sweeps' } as const;

export interface Jobs {
  relay: EventRelay;
  boss: PgBoss;
  /** Stops taking jobs, waits for those running (at most `timeoutMs`), then stops listening. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobsOptions {
  config: Pick<Config, 'jobs'>;
  /** The runtime ORM: what the relay and the sweeps write with. */
  orm: MikroORM;
  /**
   * The owner's URL: pg-boss creates and migrates its schema, and a partition table per queue, which the runtime role
   * (no DDL) may not. It touches nothing but its own schema.
   */
  ownerUrl: string;
  /** Where the outbox listener connects (the runtime role). */
  listenUrl: string;
  publisher: EventPublisher;
  log: Logger;
}

/**
 * Starts the jobs of one instance: the outbox relay woken by each commit that wrote events (LISTEN innozone_outbox:
 * low latency, in this process), and pg-boss on the same database for what must run once across instances: the
 * relay's safety net every minute (a wake-up missed while a listener reconnected) and the daily sweeps. pg-boss sends a
 * cron job once per tick however many instances schedule it, and each job is fetched by one worker (SKIP LOCKED).
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { config, orm, log } = options;
  const relay = new EventRelay(orm, options.publisher, log);
  const boss = new PgBoss({ connectionString: options.ownerUrl, schema: JOBS_SCHEMA, application_name: 'innozone jobs', max: 3 });
  boss.on('error', (err) => log.error({ err }, 'pg-boss reported an error'));
  try {
    await relay.listen(options.listenUrl);
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      // One at a time across instances: a second relay or sweep would only find nothing left to do.
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'singleton', retryLimit: 3, retryDelay: 30 });
    }
    await boss.schedule(QUEUES.relay, '* * * * *', {}, { tz: ZONE_TIME_ZONE });
    await boss.schedule(QUEUES.sweeps, config.jobs.sweepCron, {}, { tz: ZONE_TIME_ZONE });
    await boss.work(QUEUES.relay, async () => {
      await relay.run();
    });
    await boss.work(QUEUES.sweeps, async ([job]) => {
      const today = zoneToday();
      const written = await runDailySweeps(orm.em.fork(), today);
      // The job's id: which instance ran which tick's sweeps (once across instances) reads from the logs.
      log.info({ today, written, job: job?.id }, 'daily sweeps done');
      await relay.run();
    });
    // What was written while no instance ran.
    void relay.run();
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await relay.stop();
    throw err;
  }
  return {
    relay,
    boss,
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      await relay.stop();
    },
  };
}

/**
 * The job queues' depth on GET /metrics (src/metrics.ts `registerGauge`): jobs waiting in each queue (created or
 * retrying, not yet taken by a worker), read from pg-boss at each scrape. A queue whose depth keeps growing has no
 * instance working it (JOBS_ENABLED=false everywhere) or a job failing again and again.
 */
export function jobQueueGauges(metrics: Pick<Metrics, 'registerGauge'>, jobs: Pick<Jobs, 'boss'>): void {
  metrics.registerGauge({
    name: 'innozone_job_queue_depth',
    help: 'Jobs waiting in each pg-boss queue (created or retrying, not yet taken by a worker).',
    labelNames: ['queue'],
    collect: async () =>
      Promise.all(Object.values(QUEUES).map(async (queue) => ({ labels: { queue }, value: await jobs.boss.getQueueSize(queue) }))),
  });
}
