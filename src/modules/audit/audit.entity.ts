import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { Role } from '../../auth/roles';

export enum AuditOutcome {
  DONE = 'DONE',
  REFUSED = 'REFUSED',
  DENIED = 'DENIED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  valuesConfig: {
    DONE: { description: 'The operation took effect.' },
    REFUSED: { description: 'Refused with errors in its payload; nothing changed.' },
    DENIED: { description: "The actor's role may not do this; nothing changed." },
    FAILED: { description: 'Failed unexpectedly; nothing changed.' },
  },
});

/**
 * One audited event: append-only in PostgreSQL itself (a trigger refuses UPDATE, DELETE and TRUNCATE) and chained:
 * an insert trigger sets `prevHash` to the previous event's hash and `hash` to the SHA-256 of this event's fields
 * and `prevHash`, so `npm run audit:verify` names the first event that was changed by hand.
 */
@ObjectType({ description: 'An audited event: who did what, to which enterprise, when. Append-only, hash-chained.' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['enterpriseId', 'seq'] })
@Index({ properties: ['at'] })
export class AuditEvent {
  @Field(() => ID, { name: 'id', description: 'Position in the chain.' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  @Field(() => Role)
  @Property({ type: 'text' })
  actorRole!: Role;

  @Field(() => String, { nullable: true, description: 'The organisation the actor acted for.' })
  @Property({ type: 'text', nullable: true })
  actorOrg: string | null = null;

  @Field({ description: 'The GraphQL operation field, e.g. createEnterprise.' })
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  purpose: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  authorizationId: string | null = null;

  @Field(() => AuditOutcome)
  @Property({ type: 'text' })
  outcome!: AuditOutcome;

  @Property({ type: 'json', nullable: true })
  details: Record<string, unknown> | null = null;

  @Property({ type: 'text' })
  prevHash!: string;

  @Field({ description: 'SHA-256 over this event and the previous hash.' })
  @Property({ type: 'text' })
  hash!: string;
}
