import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { Role } from '../../auth/roles';
import { Actor } from '../viewer/actor';

export enum AuditOutcome {
  DONE = 'DONE',
  REFUSED = 'REFUSED',
  DENIED = 'DENIED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited operation ended.',
  valuesConfig: {
    DONE: { description: 'The operation took effect (for a read: the data was shown).' },
    REFUSED: { description: 'Refused with errors in its payload; nothing changed.' },
    DENIED: { description: "The actor's role may not do this (FORBIDDEN); nothing changed." },
    FAILED: { description: 'Failed unexpectedly; nothing changed.' },
  },
});

/**
 * One audited event: append-only in PostgreSQL itself (a trigger refuses UPDATE, DELETE and TRUNCATE) and chained:
 * an insert trigger sets `prevHash` to the previous event's hash and `hash` to the SHA-256 of this event's fields
 * and `prevHash`, so `npm run audit:verify` names the first event that was changed by hand.
 */
@ObjectType({
  description:
    'An audited event (审计日志): who did what, to which enterprise, when, under which authorization. Every write, every ' +
    'refused or denied attempt, and every read a bank makes of an enterprise\'s data. Append-only and hash-chained; kept at ' +
    'least six months (Cybersecurity Law art. 21).',
})
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['enterpriseId', 'seq'] })
@Index({ properties: ['occurredAt'] })
export class AuditEvent {
  @Field(() => ID, { name: 'id', description: 'Its position in the chain (not a Node id: events are read through `auditEvents`).' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  @Property({ type: 'datetime', defaultRaw: 'now()', fieldName: 'at' })
  occurredAt!: Date;

  /** The role of the token (column actor_role): see `actor`. */
  @Property({ type: 'text' })
  actorRole!: Role;

  /** The organization the token named (column actor_org): see `actor`. */
  @Property({ type: 'text', nullable: true })
  actorOrg: string | null = null;

  @Field(() => Actor, {
    nullable: true,
    description:
      'Who did it: the role, the organization it acted for and its name. Null when no one signed in did it: a sign-in ' +
      'attempt under a username no account has (`actorUsername` names the username tried).',
  })
  get actor(): Actor | null {
    return this.actorRole in Role ? new Actor(this.actorRole, this.actorOrg) : null;
  }

  @Field(() => String, {
    nullable: true,
    description:
      'The username of the account it was done through: the signed-in account of a session, or the username a sign-in ' +
      'attempt named (one no account has, too). Null for what was done with a bearer token.',
  })
  get actorUsername(): string | null {
    const username = this.details?.['actorUsername'];
    return typeof username === 'string' ? username : null;
  }

  @Field({ description: 'The root field of the operation: a mutation (e.g. createEnterprise), or for a bank\'s read the queries it read the data in, comma-separated.' })
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Field(() => String, { nullable: true, description: "The purpose of the authorization a bank read under (用途); null for other events." })
  @Property({ type: 'text', nullable: true })
  purpose: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  authorizationId: string | null = null;

  @Field(() => AuditOutcome, { description: 'How it ended.' })
  @Property({ type: 'text' })
  outcome!: AuditOutcome;

  @Property({ type: 'json', nullable: true })
  details: Record<string, unknown> | null = null;

  @Property({ type: 'text' })
  prevHash!: string;

  @Field({ description: 'SHA-256 over this event and the hash of the one before (hex): `npm run audit:verify` recomputes the chain.' })
  @Property({ type: 'text' })
  hash!: string;
}
