import { Arg, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Language } from '../common/language';
import { Connection } from '../common/pagination';
import { Payload } from '../common/payload';
import { DateTimeScalar } from '../common/scalars';
import { EventKind } from './event-kind';
import { Actor } from '../modules/viewer/actor';
import type { EventPayload } from './outbox';
import type { Recipient } from './recipients';
import { TITLES } from './titles';

/** A notification's id as clients see it: opaque, and not a Node (it is fetched in `notifications` only). */
export const notificationId = (uuid: string) => `NTF_${Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url')}`;

/** The uuid of a notification id, or null for anything else. */
export function notificationUuid(id: string): string | null {
  if (!/^NTF_[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const hex = Buffer.from(id.slice(4), 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

@ObjectType({
  description:
    'An event told to you (the role and organization of your token, or your account): a step of a proposal, an authorization’s change, ' +
    'an import’s end, or what a daily sweep found. Newest first in `notifications`.',
})
export class Notification {
  /** The notification's uuid. */
  readonly uuid: string;
  readonly payload: EventPayload;
  /** To whom it is addressed: what the access policy's row rule (ADDRESSED_TO_VIEWER) compares with the viewer. */
  readonly recipientRole: string;
  readonly recipientOrg: string | null;
  readonly recipientAccount: string | null;

  @Field(() => EventKind, { description: 'What happened.' })
  kind: EventKind;

  @Field(() => DateTimeScalar, { description: 'When it happened (the change was committed with its event at this time).' })
  occurredAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When you marked it read (`markNotificationsRead`); null while unread.' })
  readAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The global id of what it is about, for `node(id:)`: a Proposal, a DataAuthorization, an Import or an Enterprise. Null when you may not ' +
      'see it (any more): a proposal returned by your unit, an authorization revoked for your bank.',
  })
  subjectId: string | null;

  constructor(row: { uuid: string; kind: EventKind; occurredAt: Date; readAt: Date | null; payload: EventPayload; subjectId: string | null; recipient: Recipient }) {
    this.recipientRole = row.recipient.role;
    this.recipientOrg = row.recipient.org;
    this.recipientAccount = row.recipient.account;
    this.uuid = row.uuid;
    this.kind = row.kind;
    this.occurredAt = row.occurredAt;
    this.readAt = row.readAt;
    this.payload = row.payload;
    this.subjectId = row.subjectId;
  }

  @Field(() => ID, { description: 'Opaque id: what `markNotificationsRead` takes.' })
  get id(): string {
    return notificationId(this.uuid);
  }

  @Field(() => Actor, { description: 'To whom it is addressed: your role, and the organization you act for (null: every viewer of your role).' })
  get recipient(): Actor {
    return new Actor(this.recipientRole as Actor['role'], this.recipientOrg);
  }

  @Field({ description: 'Has it been marked read?' })
  get isRead(): boolean {
    return this.readAt !== null;
  }

  @Field({ description: 'What happened, in a line, naming the proposal, enterprise, bank or file: in Chinese by default.' })
  title(@Arg('language', () => Language, { defaultValue: Language.CHINESE, description: 'The language of the line: Chinese by default.' }) language: Language): string {
    const [chinese, english] = TITLES[this.kind](this.payload);
    return language === Language.ENGLISH ? english : chinese;
  }
}

@ObjectType('NotificationConnection', { description: 'A page of your notifications, newest first (by when their events were written).' })
export class NotificationConnection extends Connection(Notification, 'Notification') {}

@InputType({ description: 'Notifications to mark read.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { description: 'Ids of your notifications (1 to 100); read ones stay read, with the time they were first read.' })
  ids!: string[];
}

export const MarkNotificationsReadPayload = Payload('MarkNotificationsReadPayload', 'notifications', [Notification], 'The notifications marked read, in the order given.');
