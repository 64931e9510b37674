import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, ForwardPageArgs } from '../common/pagination';
import { Payload } from '../common/payload';
import { DateTimeScalar } from '../common/scalars';
import { Actor } from '../modules/viewer/actor';
import type { Role } from '../auth/roles';
import { EventKind } from './event-kind';
import { eventId } from './webhook-delivery';
import { type DeliveryAttempt, WebhookDeliveryStatus } from './webhook.entity';

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'How far a webhook delivery has got.',
  valuesConfig: {
    PENDING: { description: 'Written with its event, not yet tried (or sent again by `redeliverWebhookDelivery`).' },
    RETRYING: { description: 'Tried and not accepted (no 2xx answer): tried again after a wait that doubles each time.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    DEAD: { description: 'Not accepted at the last attempt (WEBHOOK_RETRY_LIMIT retries): on the dead-letter list until sent again.' },
  },
});

/** An opaque id of a webhook (`WHK_…`) or a delivery (`WHD_…`): not a Node (they are fetched through `webhooks` only). */
const opaque = (prefix: string) => ({
  of: (uuid: string) => `${prefix}_${Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url')}`,
  uuid(id: string): string | null {
    if (!new RegExp(`^${prefix}_[A-Za-z0-9_-]{22}$`).test(id)) return null;
    const hex = Buffer.from(id.slice(prefix.length + 1), 'base64url').toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
});
export const WEBHOOK_ID = opaque('WHK');
export const DELIVERY_ID = opaque('WHD');

@ObjectType({ description: 'One attempt of a webhook delivery.' })
export class WebhookDeliveryAttempt {
  @Field(() => Int, { description: 'Its number: 1 for the first attempt.' })
  number: number;

  @Field(() => DateTimeScalar, { description: 'When it was sent (the `t` of its signature).' })
  at: Date;

  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status; null when none came (refused, timed out, not allowed).' })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong; null when the receiver answered 2xx.' })
  error: string | null;

  constructor(number: number, a: DeliveryAttempt) {
    this.number = number;
    this.at = new Date(a.at);
    this.statusCode = a.statusCode;
    this.error = a.error;
  }
}

/** A delivery's row as the read path gives it. */
export interface DeliveryRow {
  id: string;
  event_id: string;
  seq: string;
  kind: EventKind;
  status: WebhookDeliveryStatus;
  attempt_log: DeliveryAttempt[];
  created_at: Date | string;
  delivered_at: Date | string | null;
  dead_at: Date | string | null;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

@ObjectType({ description: 'One event sent to one webhook: its status and every attempt, newest delivery first in `Webhook.deliveries`.' })
export class WebhookDelivery {
  readonly uuid: string;
  readonly seq: string;
  readonly log: DeliveryAttempt[];

  @Field(() => EventKind, { description: 'What the event announced.' })
  kind: EventKind;

  @Field(() => WebhookDeliveryStatus, { description: 'How far it has got.' })
  status: WebhookDeliveryStatus;

  @Field(() => DateTimeScalar, { description: 'When it was written (with its event’s relay).' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the receiver accepted it (2xx); null until then.' })
  deliveredAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it went DEAD (its last attempt failed); null otherwise.' })
  deadAt: Date | null;

  constructor(row: DeliveryRow) {
    this.uuid = row.id;
    this.seq = String(row.seq);
    this.log = row.attempt_log;
    this.kind = row.kind;
    this.status = row.status;
    this.createdAt = new Date(row.created_at);
    this.deliveredAt = date(row.delivered_at);
    this.deadAt = date(row.dead_at);
    this.eventId = eventId(row.event_id);
  }

  @Field(() => ID, { description: 'Opaque id: what `redeliverWebhookDelivery` takes.' })
  get id(): string {
    return DELIVERY_ID.of(this.uuid);
  }

  @Field(() => ID, { description: 'The event’s id, sent as `Innozone-Event-Id` (the same in every attempt and to every webhook): what a receiver dedupes by.' })
  eventId: string;

  @Field(() => Int, { description: 'How many times it was sent.' })
  get attemptCount(): number {
    return this.log.length;
  }

  @Field(() => [WebhookDeliveryAttempt], { description: 'Every attempt, first first: the waits between them show the backoff.' })
  get attempts(): WebhookDeliveryAttempt[] {
    return this.log.map((a, i) => new WebhookDeliveryAttempt(i + 1, a));
  }

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null before the first, or when no answer came.' })
  get lastStatusCode(): number | null {
    return this.log.at(-1)?.statusCode ?? null;
  }

  @Field(() => String, { nullable: true, description: 'What went wrong at the last attempt; null when it was accepted or not yet tried.' })
  get lastError(): string | null {
    return this.log.at(-1)?.error ?? null;
  }
}

@ObjectType('WebhookDeliveryConnection', { description: 'A page of a webhook’s deliveries, newest event first.' })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery, 'WebhookDelivery') {}

@ArgsType()
export class WebhookDeliveriesArgs extends ForwardPageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status (DEAD: the dead-letter list); all when omitted.' })
  status?: WebhookDeliveryStatus | null;
}

/** A webhook's row as the read path gives it. */
export interface WebhookRow {
  id: string;
  owner_role: Role;
  owner_org: string | null;
  url: string;
  events: EventKind[];
  disabled_at: Date | string | null;
  created_at: Date | string;
  created_by: string;
  updated_at: Date | string;
}

@ObjectType({
  description:
    'A URL an organization’s own systems receive its events at: exactly the events addressed to it (as its notifications are), of ' +
    'the kinds it chose, each POSTed as JSON and signed (README “Webhooks”). Its secret is never shown.',
})
export class Webhook {
  readonly uuid: string;
  /** To whom it is addressed: what the access policy's row rule (ADDRESSED_TO_VIEWER) compares with the viewer. */
  readonly recipientRole: Role;
  readonly recipientOrg: string | null;
  readonly recipientAccount = null;
  readonly createdByStored: string;

  @Field({ description: 'Where deliveries are POSTed: on the zone’s webhook allow-list.' })
  url: string;

  @Field(() => [EventKind], { description: 'The kinds of event it receives (of those addressed to its organization).' })
  events: EventKind[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was disabled (`disableWebhook`): nothing is delivered while it is; null when enabled.' })
  disabledAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it was last changed.' })
  updatedAt: Date;

  constructor(row: WebhookRow) {
    this.uuid = row.id;
    this.recipientRole = row.owner_role;
    this.recipientOrg = row.owner_org;
    this.createdByStored = row.created_by;
    this.url = row.url;
    this.events = row.events;
    this.disabledAt = date(row.disabled_at);
    this.createdAt = new Date(row.created_at);
    this.updatedAt = new Date(row.updated_at);
  }

  @Field(() => ID, { description: 'Opaque id: what `updateWebhook`, `disableWebhook`, `enableWebhook` and `deleteWebhook` take.' })
  get id(): string {
    return WEBHOOK_ID.of(this.uuid);
  }

  @Field({ description: 'Is it delivered to? False once disabled.' })
  get isEnabled(): boolean {
    return this.disabledAt === null;
  }

  @Field(() => Actor, { description: 'Whose events it receives: the role and organization they are addressed to (null: the CPPCC office, the zone).' })
  get recipient(): Actor {
    return new Actor(this.recipientRole, this.recipientOrg);
  }

  @Field(() => Actor, { description: 'Who registered it.' })
  get createdBy(): Actor {
    return Actor.parse(this.createdByStored)!;
  }
}

@ObjectType('WebhookConnection', { description: 'A page of webhooks, oldest registered first.' })
export class WebhookConnection extends Connection(Webhook, 'Webhook') {}

@ObjectType({ description: 'Where webhooks may point: origins the zone’s administrators allow, shared by every instance.' })
export class WebhookAllowList {
  @Field(() => [String], {
    description:
      'Origins: `https://bank.example.cn` (that host, port 443), `https://*.icbc.com.cn` (its subdomains), `http://10.1.2.3:8080` ' +
      '(http only where the entry says so). Loopback and private addresses are reached only through an entry naming the host itself.',
  })
  entries: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last set; null: never (no webhook may be registered).' })
  updatedAt: Date | null;

  readonly updatedByStored: string | null;

  constructor(entries: string[], updatedAt: Date | string | null, updatedBy: string | null) {
    this.entries = entries;
    this.updatedAt = date(updatedAt);
    this.updatedByStored = updatedBy;
  }

  @Field(() => Actor, { nullable: true, description: 'Who set it last.' })
  get updatedBy(): Actor | null {
    return Actor.parse(this.updatedByStored);
  }
}

@InputType({ description: 'A webhook to register for your organization.' })
export class RegisterWebhookInput {
  @Field({ description: 'An http(s) URL on the webhook allow-list (`webhookAllowList`), without user name or fragment.' })
  url!: string;

  @Field(() => [EventKind], { description: 'The kinds of event to receive: at least one, each one your role is ever told of.' })
  events!: EventKind[];

  @Field({ description: 'The key deliveries are signed with (HMAC-SHA256): 32 to 256 characters, e.g. 32 random bytes in hex. Never shown again.' })
  secret!: string;
}

@InputType({ description: 'What to change of a webhook of yours: the fields given.' })
export class UpdateWebhookInput {
  @Field(() => ID, { description: 'The webhook.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new URL, on the allow-list.' })
  url?: string | null;

  @Field(() => [EventKind], { nullable: true, description: 'The kinds of event to receive from now on.' })
  events?: EventKind[] | null;

  @Field(() => String, { nullable: true, description: 'A new secret (rotation): deliveries sent from now on are signed with it.' })
  secret?: string | null;
}

@InputType({ description: 'A webhook to disable.' })
export class DisableWebhookInput {
  @Field(() => ID, { description: 'The webhook’s id.' })
  id!: string;
}

@InputType({ description: 'A disabled webhook to enable.' })
export class EnableWebhookInput {
  @Field(() => ID, { description: 'The webhook’s id.' })
  id!: string;
}

@InputType({ description: 'A webhook to delete.' })
export class DeleteWebhookInput {
  @Field(() => ID, { description: 'The webhook’s id.' })
  id!: string;
}

@InputType({ description: 'A delivery to send again.' })
export class RedeliverWebhookDeliveryInput {
  @Field(() => ID, { description: 'The delivery’s id: a DEAD one.' })
  id!: string;
}

@InputType({ description: 'The zone’s webhook allow-list, whole.' })
export class SetWebhookAllowListInput {
  @Field(() => [String], { description: 'Origins (see WebhookAllowList.entries), at most 100; empty: no webhook may be registered or delivered to.' })
  entries!: string[];
}

export const RegisterWebhookPayload = Payload('RegisterWebhookPayload', 'webhook', Webhook, 'The webhook registered.');
export const UpdateWebhookPayload = Payload('UpdateWebhookPayload', 'webhook', Webhook, 'The webhook as changed.');
export const DisableWebhookPayload = Payload('DisableWebhookPayload', 'webhook', Webhook, 'The webhook disabled.');
export const EnableWebhookPayload = Payload('EnableWebhookPayload', 'webhook', Webhook, 'The webhook enabled.');
export const DeleteWebhookPayload = Payload('DeleteWebhookPayload', 'webhook', Webhook, 'The webhook deleted, as it was (its deliveries went with it).');
export const RedeliverWebhookDeliveryPayload = Payload('RedeliverWebhookDeliveryPayload', 'delivery', WebhookDelivery, 'The delivery, PENDING again.');
export const SetWebhookAllowListPayload = Payload('SetWebhookAllowListPayload', 'allowList', WebhookAllowList, 'The allow-list as set.');
