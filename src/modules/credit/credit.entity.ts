import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, VoidableEntity } from '../../common/base.entity';
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
  description:
    'Tax credit grade (纳税信用等级) the tax authority publishes each year, by the letters of its rules (纳税信用管理办法): A best; M for new enterprises without a full year; D worst.',
  valuesConfig: {
    A: { description: 'Grade A (A级): the best; 90 points or more.' },
    B: { description: 'Grade B (B级): 70 to under 90 points.' },
    M: { description: 'Grade M (M级, from 2018): a newly established enterprise, or one without operating income in the year that scored 70 points or more.' },
    C: { description: 'Grade C (C级): 40 to under 70 points.' },
    D: { description: 'Grade D (D级): under 40 points, or judged D outright for a serious breach of tax law; the worst.' },
  },
});

/**
 * An SME credit rating (the zone's SME credit rating system): eligibility reads the one in force on a date, unless
 * voided. Corrected with `correctCreditRating`, voided with `voidCreditRating`.
 */
@ObjectType({
  implements: Node,
  description:
    'An SME credit rating (中小企业信用评级) of an enterprise from the zone’s credit rating system: relied on from `ratedOn` to `validUntil`; the CREDIT_RATING criterion reads the latest one in force that is not voided. Corrected with `correctCreditRating`, voided with `voidCreditRating`.',
})
@Entity()
@Index({ properties: ['enterprise', 'ratedOn'] })
@Check({ name: 'credit_rating_record_void_reason', expression: '(voided_at is null) = (void_reason is null)' })
export class CreditRatingRecord extends VoidableEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => CreditRating, { description: 'The grade given (信用等级), AAA strongest to C weakest.' })
  @Enum({ items: () => CreditRating, nativeEnumName: 'credit_rating' })
  rating!: CreditRating;

  @Field({ description: 'The rating agency (评级机构) that gave it.' })
  @Property({ type: 'text' })
  agency!: string;

  @Field(() => DateScalar, { description: 'The day it was given: relied on from this day.' })
  @Property({ type: 'date' })
  ratedOn!: string;

  @Field(() => DateScalar, { description: 'The last day it may be relied on (included); a year after `ratedOn` unless recorded otherwise.' })
  @Property({ type: 'date' })
  validUntil!: string;
}

/** A tax credit grade for one year, as published on `evaluatedOn`. */
@ObjectType({
  implements: Node,
  description: 'An enterprise’s tax credit grade (纳税信用等级) for one tax year, as the tax authority published it: what the TAX_CREDIT_GRADE criterion reads.',
})
@Entity()
@Unique({ properties: ['enterprise', 'year'] })
export class TaxCreditGrade extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => Int, { description: 'The tax year graded.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => TaxCreditGradeValue, { description: 'The grade published.' })
  @Enum({ items: () => TaxCreditGradeValue, nativeEnumName: 'tax_credit_grade_value' })
  grade!: TaxCreditGradeValue;

  @Field(() => DateScalar, { description: 'The day the tax authority published it (after the year ends).' })
  @Property({ type: 'date' })
  evaluatedOn!: string;
}

/** A look-up of the dishonest judgment debtor list (失信被执行人名单) for an enterprise, and what it found. */
@ObjectType({
  implements: Node,
  description:
    'A look-up of an enterprise in the list of dishonest judgment debtors (失信被执行人名单) and what it found: the NOT_DISHONEST_DEBTOR criterion reads the latest one that is not voided. Corrected with `correctDishonestDebtorCheck`, voided with `voidDishonestDebtorCheck`.',
})
@Entity()
@Index({ properties: ['enterprise', 'checkedOn'] })
@Check({ name: 'dishonest_debtor_check_void_reason', expression: '(voided_at is null) = (void_reason is null)' })
export class DishonestDebtorCheck extends VoidableEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => DateScalar, { description: 'The day the list was looked up.' })
  @Property({ type: 'date' })
  checkedOn!: string;

  @Field({ description: 'Whether the enterprise was on the list (失信被执行人) that day.' })
  @Property({ fieldName: 'listed' })
  wasListed!: boolean;

  @Field({ description: 'Where it was looked up, e.g. 中国执行信息公开网 (the courts’ enforcement information site).' })
  @Property({ type: 'text' })
  source!: string;
}
