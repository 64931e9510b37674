import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { QualificationKind } from './enums';

@InputType()
export class QualificationInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field(() => QualificationKind)
  kind!: QualificationKind;

  @Field({ description: 'The number the issuer gave; unique within the kind.' })
  number!: string;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day it is valid; not before validFrom.' })
  validTo!: string;

  @Field({ description: 'The authority that granted it.' })
  issuer!: string;
}
