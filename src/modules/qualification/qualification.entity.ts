import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { QualificationKind } from './enums';

/** A qualification held by an enterprise from `validFrom` through `validTo`; (kind, number) names it. */
@ObjectType({ implements: Node, description: 'A qualification an enterprise holds (科技型中小企业, 专精特新, 瞪羚 …), valid for a period.' })
@Entity()
@Unique({ name: 'qualification_kind_number_unique', properties: ['kind', 'number'] })
// Holders of a kind on a day (the QUALIFICATION criterion, the tech SME outreach list).
@Index({ name: 'qualification_kind_valid_index', properties: ['kind', 'validTo', 'validFrom'] })
export class Qualification extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field(() => QualificationKind)
  @Enum({ items: () => QualificationKind, nativeEnumName: 'qualification_kind' })
  kind!: QualificationKind;

  @Field({ description: 'The number the issuer gave, e.g. a 科技型中小企业 入库登记编号.' })
  @Property({ type: 'text' })
  number!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day it is valid.' })
  @Property({ type: 'date' })
  validTo!: string;

  @Field({ description: 'The authority that granted it, e.g. 湖北省科学技术厅.' })
  @Property({ type: 'text' })
  issuer!: string;
}
