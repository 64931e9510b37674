import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { type EventKind, SUBJECT_OF } from './event-kind';
import type { EventPayload } from './outbox';
import type { EventPublisher, RelayedEvent } from './publisher';
import { recipientsOf } from './recipients';

/** How many events one relay transaction takes at most. */
export const RELAY_BATCH = 200;

interface OutboxRow {
  id: string;
  seq: string;
  kind: EventKind;
  proposal_id: string | null;
  authorization_id: string | null;
  import_id: string | null;
  enterprise_id: string | null;
  occurred_at: Date;
  payload: EventPayload;
}

function relayed(row: OutboxRow): RelayedEvent {
  const type = SUBJECT_OF[row.kind];
  const id = { PROPOSAL: row.proposal_id, AUTHORIZATION: row.authorization_id, IMPORT: row.import_id, ENTERPRISE: row.enterprise_id }[type];
  return {
    id: row.id,
    seq: String(row.seq),
    kind: row.kind,
    subject: id ? { type, id } : null,
    occurredAt: row.occurred_at,
    payload: row.payload,
    recipients: recipientsOf(row.kind, row.payload),
  };
}

/** Hands webhook deliveries to whatever sends them (pg-boss, src/events/jobs.ts): their ids, and their jobs' ids. */
export type EnqueueDeliveries = (deliveries: { id: string; jobId: string }[]) => Promise<void>;

/**
 * Enqueues every delivery waiting for its job (written by a relay, or sent again by `redeliverWebhookDelivery`), each
 * taken by one caller (`for update skip locked`); the job's id is the delivery's `job_id`, so one enqueued twice (a
 * crash between the enqueue and the commit) is still one job. Returns how many it enqueued.
 */
export async function enqueueWaitingDeliveries(em: EntityManager, enqueue: EnqueueDeliveries): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ id: string; job_id: string }[]>(
        `select id, job_id from webhook_delivery where queued_at is null and status = 'PENDING' order by created_at limit ? for update skip locked`,
        [RELAY_BATCH],
      );
      if (rows.length === 0) return 0;
      await enqueue(rows.map((r) => ({ id: r.id, jobId: r.job_id })));
      await tx.execute('update webhook_delivery set queued_at = now() where id = any(?::uuid[])', [`{${rows.map((r) => r.id).join(',')}}`]);
      return rows.length;
    });
    total += n;
    if (n < RELAY_BATCH) return total;
  }
}

/**
 * Relays every unrelayed outbox event: writes its notifications and its webhook deliveries (one per enabled webhook
 * its recipients registered for its kind) and marks it relayed in one transaction, then hands it to `publisher`
 * (`enqueueWaitingDeliveries` hands the deliveries to their jobs). Exactly once across relays running at the same time, here or on other instances: each takes the rows
 * it relays with `for update skip locked` (another relay skips them rather than waiting, and after the commit finds them
 * relayed), and a notification is unique per event and recipient besides. Returns how many events it relayed.
 */
export async function relayPending(em: EntityManager, publisher: EventPublisher, log?: Logger): Promise<number> {
  let total = 0;
  for (;;) {
    const events = await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<OutboxRow[]>(
        `select id, seq, kind, proposal_id, authorization_id, import_id, enterprise_id, occurred_at, payload
         from outbox_event where relayed_at is null order by seq limit ? for update skip locked`,
        [RELAY_BATCH],
      );
      if (rows.length === 0) return [];
      const out = rows.map(relayed);
      const notifications = out.flatMap((e) => e.recipients.map((r) => ({ event_id: e.id, role: r.role, org: r.org, account: r.account })));
      if (notifications.length) {
        await tx.execute(
          `insert into notification (event_id, recipient_role, recipient_org, recipient_account)
           select n.event_id, n.role, n.org, n.account from jsonb_to_recordset(?::jsonb) as n(event_id uuid, role text, org text, account uuid)
           on conflict do nothing`,
          [JSON.stringify(notifications)],
        );
      }
      // A webhook receives exactly what its owner is told (the same recipients), of the kinds it chose, while enabled.
      const targets = out.flatMap((e) => e.recipients.map((r) => ({ event_id: e.id, kind: e.kind, role: r.role, org: r.org })));
      if (targets.length) {
        await tx.execute(
          `insert into webhook_delivery (event_id, webhook_id)
           select distinct t.event_id, w.id from jsonb_to_recordset(?::jsonb) as t(event_id uuid, kind text, role text, org text)
           join webhook w on w.owner_role = t.role and w.owner_org is not distinct from t.org and w.disabled_at is null and t.kind = any(w.events)
           on conflict do nothing`,
          [JSON.stringify(targets)],
        );
      }
      await tx.execute('update outbox_event set relayed_at = now() where id = any(?::uuid[])', [`{${rows.map((r) => r.id).join(',')}}`]);
      return out;
    });
    for (const event of events) {
      try {
        await publisher.publish(event);
      } catch (err) {
        log?.error({ err, event: event.id }, 'an event was relayed but its publisher failed');
      }
    }
    total += events.length;
    if (events.length < RELAY_BATCH) return total;
  }
}

/**
 * The relay of one process: run when woken (a commit that wrote outbox rows notifies `innozone_outbox`, on every
 * instance listening), by the pg-boss job that is its safety net, or by a call. Runs one at a time: a wake-up while it
 * runs makes it run once more after, so nothing committed meanwhile waits for the next job.
 */
export class EventRelay {
  private running: Promise<number> | null = null;
  private again = false;
  private listener: Client | null = null;

  constructor(
    private readonly orm: MikroORM,
    readonly publisher: EventPublisher,
    private readonly log: Logger,
    private readonly enqueue?: EnqueueDeliveries,
  ) {}

  /** Relays what is pending now; resolves when this run (and any it was asked to repeat) is done. */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          total += await relayPending(this.orm.em.fork(), this.publisher, this.log);
          // Committed: the deliveries written (and any sent again) go to their jobs. One left waiting by a failure
          // here is enqueued by the next run (every minute at the latest).
          if (this.enqueue) await enqueueWaitingDeliveries(this.orm.em.fork(), this.enqueue);
        } while (this.again);
      } catch (err) {
        this.log.error({ err }, 'the outbox relay failed; the next wake-up or job tries again');
      } finally {
        this.running = null;
      }
      return total;
    })();
    return this.running;
  }

  /** Listens for `innozone_outbox` on a connection of its own: each commit that wrote events wakes the relay at once. */
  async listen(url: string): Promise<void> {
    const client = new Client({ connectionString: url, application_name: 'innozone outbox listener' });
    client.on('notification', () => void this.run());
    // A lost connection loses wake-ups only: the job relays what they would have.
    client.on('error', (err) => this.log.warn({ err }, 'the outbox listener lost its connection; the relay job goes on'));
    await client.connect();
    await client.query('listen innozone_outbox');
    this.listener = client;
  }

  /** Stops listening and waits for a run under way. */
  async stop(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running;
  }
}
