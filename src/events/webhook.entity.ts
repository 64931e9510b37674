import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { OutboxEvent } from './outbox';

/**
 * A URL an organization's own systems receive its events at (issue 17 item 5): exactly the events the relay addresses
 * to its owner (src/events/recipients.ts), of the kinds it chose, signed with its secret. The owner is written as
 * notifications name a recipient: a role, and the organization it acts for (a bank's or an enterprise's credit code, a
 * handling unit's global id; null for the CPPCC office and the zone, which are one each).
 */
@Entity({ tableName: 'webhook' })
@Index({ name: 'webhook_owner_index', properties: ['ownerRole', 'ownerOrg'] })
export class Webhook {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  ownerRole!: string;

  @Property({ type: 'text', nullable: true })
  ownerOrg: string | null = null;

  @Property({ type: 'text' })
  url!: string;

  /** The event kinds it receives (EventKind values). */
  @Property({ type: 'text[]' })
  events!: string[];

  /**
   * The secret deliveries are signed with, encrypted (AES-256-GCM, src/events/webhook-secrets.ts): it must be read back
   * to sign, so it cannot be hashed; it is never returned through the API.
   */
  @Property({ type: 'bytea', lazy: true })
  secretCiphertext!: Buffer;

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** Who registered it (`ROLE` or `ROLE:organization`). */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** How far a delivery has got (WebhookDeliveryStatus in the schema). */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

/** One attempt of a delivery, as kept in `webhook_delivery.attempt_log`. */
export interface DeliveryAttempt {
  /** When it was sent (ISO). */
  at: string;
  /** The receiver's HTTP status, null when none came (refused, timed out, not connected). */
  statusCode: number | null;
  /** What went wrong, null for a 2xx. */
  error: string | null;
}

/**
 * One event for one webhook: written by the relay in the transaction that relays the event (unique per event and
 * webhook, so a relay run twice or on two instances writes one), sent by a pg-boss job whose id is this row's id.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ name: 'webhook_delivery_event_webhook_unique', properties: ['event', 'webhook'] })
@Index({ name: 'webhook_delivery_webhook_index', properties: ['webhook', 'createdAt'] })
@Index({ name: 'webhook_delivery_waiting_index', expression: `create index "webhook_delivery_waiting_index" on "webhook_delivery" ("created_at") where "queued_at" is null` })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne(() => Webhook, { ref: true, deleteRule: 'cascade' })
  webhook!: Ref<Webhook>;

  @ManyToOne(() => OutboxEvent, { ref: true, deleteRule: 'cascade' })
  event!: Ref<OutboxEvent>;

  /**
   * The pg-boss job that sends it: the same id however often it is enqueued (the queue drops a second), a new one when
   * a DEAD delivery is sent again (`redeliverWebhookDelivery`).
   */
  @Property({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  jobId: string = randomUUID();

  /** When its job was enqueued; null: waiting for the next relay run to enqueue it. */
  @Property({ type: 'datetime', nullable: true })
  queuedAt: Date | null = null;

  @Property({ type: 'text', defaultRaw: `'PENDING'` })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'json', defaultRaw: `'[]'` })
  attemptLog: DeliveryAttempt[] = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  deadAt: Date | null = null;
}

/**
 * The zone's webhook settings: one row, shared by every instance (the allow-list is re-read at each delivery). `entries`
 * are origins (`https://bank.example.cn`, `https://*.icbc.com.cn`, `http://127.0.0.1:8080`); empty: no webhook may be
 * registered or delivered to.
 */
@Entity({ tableName: 'webhook_settings' })
export class WebhookSettings {
  @PrimaryKey({ type: 'boolean', defaultRaw: 'true' })
  id: boolean = true;

  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  allowList: string[] = [];

  @Property({ type: 'datetime', nullable: true })
  updatedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  updatedBy: string | null = null;
}
