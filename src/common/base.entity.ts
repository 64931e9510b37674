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
