import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { QualificationKind } from './enums';

/** A qualification held by an enterprise from `validFrom` through `validUntil`; (kind, number) names it. */
@ObjectType({ implements: Node, description: 'A qualification (资质) an enterprise holds (科技型中小企业, 专精特新, 瞪羚 …), valid for a period.' })
@Entity()
@Unique({ name: 'qualification_kind_number_unique', properties: ['kind', 'number'] })
// Holders of a kind on a day (the QUALIFICATION criterion, the tech SME outreach list).
@Index({ name: 'qualification_kind_valid_index', properties: ['kind', 'validUntil', 'validFrom'] })
export class Qualification extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field(() => QualificationKind, { description: 'What the qualification is.' })
  @Enum({ items: () => QualificationKind, nativeEnumName: 'qualification_kind' })
  kind!: QualificationKind;

  @Field({ description: 'The number the issuer gave (证书编号), e.g. a 科技型中小企业 入库登记编号; unique within the kind.' })
  @Property({ type: 'text' })
  number!: string;

  @Field(() => DateScalar, { description: 'The first day it is valid.' })
  @Property({ type: 'date' })
  validFrom!: string;

  /** The column keeps its first name (valid_to); the API says validUntil, the last day included. */
  @Field(() => DateScalar, { description: 'The last day it is valid (included).' })
  @Property({ type: 'date', fieldName: 'valid_to' })
  validUntil!: string;

  @Field({ description: 'The authority that granted it (发证机关), e.g. 湖北省科学技术厅.' })
  @Property({ type: 'text' })
  issuer!: string;
}
