import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';
import { PatentLegalStatus } from './patent.entity';

@InputType()
export class PatentInput {
  @Field(() => CreditCodeScalar, { description: 'The owner.' })
  creditCode!: string;

  @Field({ description: 'ZL + 12 digits + . + check digit; the type follows from its 5th digit.' })
  number!: string;

  @Field()
  title!: string;

  @Field(() => PatentLegalStatus)
  legalStatus!: PatentLegalStatus;

  @Field(() => DateScalar, { nullable: true })
  grantedOn?: string | null;
}

@InputType()
export class PatentAppraisalInput {
  @Field()
  patentNumber!: string;

  @Field()
  appraiser!: string;

  @Field(() => DecimalScalar)
  value!: string;

  @Field(() => DateScalar)
  appraisedOn!: string;
}
