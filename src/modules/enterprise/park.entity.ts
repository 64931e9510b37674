import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';

/** Reference data known by a stable code: parks and clusters. Not a type of its own in the schema. */
@ObjectType('CodedReference')
export abstract class CodedReference extends BaseEntity {
  @Field({ description: 'Stable short code, used in filters (e.g. "BIOLAKE", "OPTICAL_COMMUNICATION").' })
  @Unique()
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'Its Chinese name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name; null when none is recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;
}

/** A sub-park of the zone (光谷生物城, 光谷软件园 …). */
@ObjectType({
  implements: Node,
  description: 'A sub-park (园区) of the zone, e.g. 光谷生物城 (Biolake) or 光谷软件园; every enterprise is registered in one. Reference data.',
})
@Entity()
export class Park extends CodedReference {}

/** A strategic emerging industry cluster (战略性新兴产业集群). */
@ObjectType({
  implements: Node,
  description: 'A strategic emerging industry cluster (战略性新兴产业集群), e.g. optical communication (光通信); an enterprise may belong to one. Reference data.',
})
@Entity()
export class IndustryCluster extends CodedReference {}
