import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';
import { toGlobalId } from './global-id';

/** Every record: a uuid key (exposed only as an opaque global id) and when it was made and last changed. */
@ObjectType('BaseEntity', { description: 'Not in the schema: the fields every record type inherits.' })
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => DateTimeScalar, { description: 'When this record last changed.' })
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** The GraphQL type this record is served as; global ids carry it. */
  get typename(): string {
    return this.constructor.name;
  }

  @Field(() => ID, { name: 'id', description: 'Opaque global id (Node).' })
  get nodeId(): string {
    return toGlobalId(this.typename, this.id);
  }
}

/** A record users edit: each change bumps `version`, and an update naming an older version is refused. */
@ObjectType('VersionedEntity')
export abstract class VersionedEntity extends BaseEntity {
  @Field(() => Int, { description: 'Bumped by every change; send it back with an update so a stale one is refused.' })
  @Property({ version: true })
  version!: number;
}

/**
 * A recorded fact people may get wrong (a rating, a check, an appraisal): corrected in place with its version, or
 * voided, never deleted. A voided record counts nowhere (eligibility, lists) and stays readable by id, with why.
 * Both are audited with the record before and after (src/common/correction.ts).
 */
@ObjectType('VoidableEntity')
export abstract class VoidableEntity extends VersionedEntity {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When it was voided as recorded in error: a voided record counts nowhere (eligibility answers, lists) and stays readable by id (`node`) with its `voidReason`. Null while it stands.',
  })
  @Property({ type: 'datetime', nullable: true })
  voidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was voided, as given when it was. Null while it stands.' })
  @Property({ type: 'text', nullable: true })
  voidReason: string | null = null;
}
