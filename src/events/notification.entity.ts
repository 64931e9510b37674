import { randomUUID } from 'node:crypto';
import { Entity, Index, Unique, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { OutboxEvent } from './outbox';

/**
 * One event told to one recipient: a role, and the organization it acts for (a credit code, a member's or a unit's
 * uuid; null: every viewer of the role) or the account that should see it (an import's administrator). Written by the
 * relay (src/events/relay.ts); read by `notifications` (src/events/notification.resolver.ts).
 */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_index', properties: ['recipientRole', 'recipientOrg', 'event'] })
@Unique({
  name: 'notification_event_recipient_unique',
  expression:
    'create unique index "notification_event_recipient_unique" on "notification" ("event_id", "recipient_role", "recipient_org", "recipient_account") nulls not distinct',
})
export class Notification {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne(() => OutboxEvent, { ref: true, deleteRule: 'cascade' })
  event!: Ref<OutboxEvent>;

  @Property({ type: 'text' })
  recipientRole!: string;

  @Property({ type: 'text', nullable: true })
  recipientOrg: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  recipientAccount: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
