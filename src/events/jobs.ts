import type { Metrics } from '../metrics';
import type { MikroORM } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { ZONE_TIME_ZONE, zoneToday } from '../clock';
import type { Config } from '../config';
import type { EventPublisher } from './publisher';
import { EventRelay } from './relay';
import { pruneReadNotifications, runDailySweeps } from './sweeps';
import { deliverOnce } from './webhook-delivery';
import { WebhookDeliveryStatus } from './webhook.entity';
import { configureWebhookSecrets } from './webhook-secrets';

/** pg-boss keeps its tables in a schema of its own, on the registry's database. */
export const JOBS_SCHEMA = 'pgboss';
/**
 * The queues: the outbox relay's safety net (every minute), the daily sweeps (JOBS_SWEEP_CRON, zone time), and webhook
 * deliveries (one job per delivery, its id the delivery's).
 */
export const QUEUES = { relay: 'outbox-relay', sweeps: 'daily-sweeps', webhooks: 'webhook-delivery' } as const;

/** Webhook delivery workers per instance. */
const WEBHOOK_WORKERS = 4;

/** Webhook settings when the configuration given has none (a test's jobs). */
export const DEFAULT_WEBHOOK_SETTINGS: Config['webhooks'] = { retryLimit: 8, retryDelaySeconds: 30, timeoutMs: 10_000 };


export interface Jobs {
  relay: EventRelay;
  boss: PgBoss;
  /** Stops taking jobs, waits for those running (at most `timeoutMs`), then stops listening. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobsOptions {
  /** With `auth` and `dataDir`, the webhook secrets' key is configured here too (the server does it otherwise). */
  config: Pick<Config, 'jobs'> & Partial<Pick<Config, 'webhooks' | 'auth' | 'dataDir'>>;
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
  const webhooks = config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  if (config.auth && config.dataDir) await configureWebhookSecrets({ auth: config.auth, dataDir: config.dataDir, webhooks });
  const boss = new PgBoss({ connectionString: options.ownerUrl, schema: JOBS_SCHEMA, application_name: 'innozone jobs', max: 3 });
  // Retried with exponential backoff (pg-boss: about retryDelay·2ⁿ before the n-th retry); the last failure is DEAD.
  const retries = { retryLimit: webhooks.retryLimit, retryDelay: webhooks.retryDelaySeconds, retryBackoff: true, expireInSeconds: Math.ceil(webhooks.timeoutMs / 1000) + 60 };
  const enqueue = async (deliveries: { id: string; jobId: string }[]) => {
    // The job's id is the delivery's job_id: inserting one twice makes one job (pg-boss: on conflict do nothing).
    await boss.insert(deliveries.map((d) => ({ id: d.jobId, name: QUEUES.webhooks, data: { deliveryId: d.id }, ...retries })));
  };
  const relay = new EventRelay(orm, options.publisher, log, enqueue);
  boss.on('error', (err) => log.error({ err }, 'pg-boss reported an error'));
  try {
    await relay.listen(options.listenUrl);
    await boss.start();
    for (const name of [QUEUES.relay, QUEUES.sweeps]) {
      // One at a time across instances: a second relay or sweep would only find nothing left to do.
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'singleton', retryLimit: 3, retryDelay: 30 });
    }
    // Deliveries: many at once, each fetched by one worker (SKIP LOCKED).
    if (!(await boss.getQueue(QUEUES.webhooks))) await boss.createQueue(QUEUES.webhooks, { name: QUEUES.webhooks, policy: 'standard', ...retries });
    await boss.schedule(QUEUES.relay, '* * * * *', {}, { tz: ZONE_TIME_ZONE });
    await boss.schedule(QUEUES.sweeps, config.jobs.sweepCron, {}, { tz: ZONE_TIME_ZONE });
    await boss.work(QUEUES.relay, async () => {
      await relay.run();
    });
    // A few deliveries at once per instance: a receiver that does not answer holds one worker for the timeout only.
    for (let i = 0; i < WEBHOOK_WORKERS; i++) {
      await boss.work<{ deliveryId: string }>(QUEUES.webhooks, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
        const status = await deliverOnce(orm.em.fork(), job!.data.deliveryId, { timeoutMs: webhooks.timeoutMs, final: job!.retryCount >= job!.retryLimit });
        // Failing the job is what makes pg-boss try again, after its backoff.
        if (status === WebhookDeliveryStatus.RETRYING) throw new Error('the receiver did not accept the delivery; retried with backoff');
      });
    }
    await boss.work(QUEUES.sweeps, async ([job]) => {
      const today = zoneToday();
      const written = await runDailySweeps(orm.em.fork(), today);
      const pruned = await pruneReadNotifications(orm.em.fork(), today, config.jobs.notificationRetentionDays);
      // The job's id: which instance ran which tick's sweeps (once across instances) reads from the logs.
      log.info({ today, written, pruned, job: job?.id }, 'daily sweeps done');
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
    // Every worker of an instance reads the same queues: their depth is not to be summed.
    aggregator: 'max',
    collect: async () =>
      Promise.all(Object.values(QUEUES).map(async (queue) => ({ labels: { queue }, value: await jobs.boss.getQueueSize(queue) }))),
  });
}
