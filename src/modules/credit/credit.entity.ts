import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { CreditRating } from '../finance/enums';

/** The tax authority's yearly tax credit grade (纳税信用等级). */
export enum TaxCreditGradeValue {
  A = 'A',
  B = 'B',
  M = 'M',
  C = 'C',
  D = 'D',
}
registerEnumType(TaxCreditGradeValue, {
  name: 'TaxCreditGradeValue',
  description: 'Tax credit grade (纳税信用等级): A best; M for new enterprises without a full year; D worst.',
});

/** An SME credit rating (the zone's SME credit rating system): eligibility reads the one in force on a date. */
@ObjectType({ implements: Node, description: 'An SME credit rating from the zone’s credit rating system.' })
@Entity()
@Index({ properties: ['enterprise', 'ratedOn'] })
export class CreditRatingRecord extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => CreditRating)
  @Enum({ items: () => CreditRating, nativeEnumName: 'credit_rating' })
  rating!: CreditRating;

  @Field({ description: 'The rating agency.' })
  @Property({ type: 'text' })
  agency!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  ratedOn!: string;

  @Field(() => DateScalar, { description: 'Last day it may be relied on.' })
  @Property({ type: 'date' })
  validUntil!: string;
}

/** A tax credit grade for one year, as published on `evaluatedOn`. */
@ObjectType({ implements: Node, description: 'A tax credit grade (纳税信用等级) for one year.' })
@Entity()
@Unique({ properties: ['enterprise', 'year'] })
export class TaxCreditGrade extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => Int, { description: 'The tax year graded.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => TaxCreditGradeValue)
  @Enum({ items: () => TaxCreditGradeValue, nativeEnumName: 'tax_credit_grade_value' })
  grade!: TaxCreditGradeValue;

  @Field(() => DateScalar, { description: 'When the tax authority published it.' })
  @Property({ type: 'date' })
  evaluatedOn!: string;
}

/** A look-up of the dishonest judgment debtor list (失信被执行人名单) for an enterprise, and what it found. */
@ObjectType({ implements: Node, description: 'A check of the dishonest judgment debtor list (失信被执行人).' })
@Entity()
@Index({ properties: ['enterprise', 'checkedOn'] })
export class DishonestDebtorCheck extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  checkedOn!: string;

  @Field({ description: 'On the list on that day.' })
  @Property()
  listed!: boolean;

  @Field({ description: 'Where it was looked up, e.g. 中国执行信息公开网.' })
  @Property({ type: 'text' })
  source!: string;
}
