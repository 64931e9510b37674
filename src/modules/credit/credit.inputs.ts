import { Field, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { ChangeRecordInput } from '../audit/correction';
import { CreditRating } from '../finance/enums';
import { TaxCreditGradeValue } from './credit.entity';

@InputType({ description: 'An SME credit rating (中小企业信用评级) to record for an enterprise.' })
export class RecordCreditRatingInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise rated.' })
  creditCode!: string;

  @Field(() => CreditRating, { description: 'The grade given.' })
  rating!: CreditRating;

  @Field({ description: 'The rating agency (评级机构) that gave it.' })
  agency!: string;

  @Field(() => DateScalar, { description: 'The day it was given; not in the future.' })
  ratedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day it may be relied on (included); not before `ratedOn`. Default: a year after `ratedOn`, the day before.' })
  validUntil?: string | null;
}

@InputType({
  description: 'A credit rating recorded wrongly, and its corrected values: only those given change, and at least one must differ from what is recorded.',
})
export class CorrectCreditRatingInput extends ChangeRecordInput {
  @Field(() => CreditRating, { nullable: true, description: 'The grade actually given.' })
  rating?: CreditRating | null;

  @Field(() => String, { nullable: true, description: 'The agency that actually gave it.' })
  agency?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was actually given; not in the future, nor after `validUntil`.' })
  ratedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day it may actually be relied on; not before `ratedOn`.' })
  validUntil?: string | null;
}

@InputType({ description: 'A credit rating recorded in error (never given, or given to another enterprise), to void.' })
export class VoidCreditRatingInput extends ChangeRecordInput {}

@InputType({ description: 'A tax credit grade (纳税信用等级) for one tax year, as the tax authority published it.' })
export class RecordTaxCreditGradeInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise graded.' })
  creditCode!: string;

  @Field(() => Int, { description: 'The tax year graded: a year ended, from 2000.' })
  year!: number;

  @Field(() => TaxCreditGradeValue, { description: 'The grade published.' })
  grade!: TaxCreditGradeValue;

  @Field(() => DateScalar, { description: 'The day it was published: after the year ended, not in the future.' })
  evaluatedOn!: string;
}

@InputType({ description: 'A look-up of the dishonest judgment debtor list (失信被执行人名单) for an enterprise, and what it found.' })
export class RecordDishonestDebtorCheckInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise looked up.' })
  creditCode!: string;

  @Field(() => DateScalar, { description: 'The day of the look-up; not in the future.' })
  checkedOn!: string;

  @Field({ description: 'Whether the enterprise was on the list that day.' })
  wasListed!: boolean;

  @Field({ description: 'Where it was looked up, e.g. 中国执行信息公开网 (the courts’ enforcement information site).' })
  source!: string;
}

@InputType({
  description: 'A dishonest-debtor check recorded wrongly, and its corrected values: only those given change, and at least one must differ from what is recorded.',
})
export class CorrectDishonestDebtorCheckInput extends ChangeRecordInput {
  @Field(() => DateScalar, { nullable: true, description: 'The day of the look-up; not in the future.' })
  checkedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the enterprise was actually on the list that day.' })
  wasListed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where it was actually looked up.' })
  source?: string | null;
}

@InputType({ description: 'A dishonest-debtor check recorded in error (never made, or of another enterprise), to void.' })
export class VoidDishonestDebtorCheckInput extends ChangeRecordInput {}
