import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { AuthorizationScope } from './authorization.entity';

@InputType()
export class GrantAuthorizationInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise granting (a representative: its own).' })
  creditCode!: string;

  @Field(() => CreditCodeScalar, { description: 'The bank receiving access.' })
  bankCreditCode!: string;

  @Field(() => [AuthorizationScope])
  scopes!: AuthorizationScope[];

  @Field()
  purpose!: string;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar)
  validTo!: string;

  @Field({ description: 'Who signs for the enterprise.' })
  signer!: string;

  @Field(() => String, { nullable: true, description: 'Required when an administrator records a signed paper authorisation.' })
  paperReference?: string | null;
}
