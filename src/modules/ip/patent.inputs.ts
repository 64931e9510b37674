import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';
import { ChangeRecordInput } from '../audit/correction';
import { PatentLegalStatus } from './patent.entity';

@InputType({ description: 'A patent (专利) of an enterprise to register.' })
export class RecordPatentInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise holding it (专利权人).' })
  creditCode!: string;

  @Field({ description: 'The patent number: ZL + 12 digits + . + check digit; its kind follows from the 5th digit, and the check digit is verified.' })
  number!: string;

  @Field({ description: 'Its title (at most 300 characters).' })
  title!: string;

  @Field(() => PatentLegalStatus, { description: 'Where it stands in law.' })
  legalStatus!: PatentLegalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was granted: required unless PENDING, absent when PENDING; not in the future.' })
  grantedOn?: string | null;
}

@InputType({
  description:
    'A registered patent brought up to date (granted, lapsed, invalidated, expired) or corrected: only the values given change, and at least one must differ from what is recorded.',
})
export class UpdatePatentInput extends ChangeRecordInput {
  @Field(() => String, { nullable: true, description: 'Its title (at most 300 characters).' })
  title?: string | null;

  @Field(() => PatentLegalStatus, { nullable: true, description: 'Where it stands in law now.' })
  legalStatus?: PatentLegalStatus | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was granted; not in the future. A patent PENDING has none: moving it back to PENDING clears it.',
  })
  grantedOn?: string | null;
}

@InputType({ description: 'An appraisal of a registered patent (专利评估) to record.' })
export class RecordPatentAppraisalInput {
  @Field({ description: 'The number of the patent appraised, as registered.' })
  patentNumber!: string;

  @Field({ description: 'The appraisal firm (评估机构).' })
  appraiser!: string;

  @Field(() => DecimalScalar, { description: 'The value appraised, in yuan; more than 0.' })
  value!: string;

  @Field(() => DateScalar, { description: 'The day of the appraisal; not in the future.' })
  appraisedOn!: string;
}

@InputType({
  description: 'A patent appraisal recorded wrongly, and its corrected values: only those given change, and at least one must differ from what is recorded.',
})
export class CorrectPatentAppraisalInput extends ChangeRecordInput {
  @Field(() => String, { nullable: true, description: 'The firm that actually appraised it.' })
  appraiser?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The value actually appraised, in yuan; more than 0.' })
  value?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The actual day of the appraisal; not in the future.' })
  appraisedOn?: string | null;
}

@InputType({ description: 'A patent appraisal recorded in error, to void; one a pledge relies on cannot be voided (correct it instead).' })
export class VoidPatentAppraisalInput extends ChangeRecordInput {}
