import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { AuthorizationScope } from './authorization.entity';

@InputType({ description: 'An enterprise lets a bank see its data, for one purpose, over a period of at most three years.' })
export class GrantAuthorizationInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise granting (a representative: its own).' })
  creditCode!: string;

  @Field(() => CreditCodeScalar, { description: 'The bank receiving access: a registered bank, open (not planned).' })
  bankCreditCode!: string;

  @Field(() => [AuthorizationScope], { description: 'What the bank may see beyond identity and zone membership; at least one.' })
  scopes!: AuthorizationScope[];

  @Field({ description: 'What the bank may use the data for (用途), up to 500 characters. At most one authorization per purpose is in force on any day.' })
  purpose!: string;

  @Field(() => DateScalar, { description: 'The first day it is in force (Asia/Shanghai).' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day it is in force, included: not before today, at most three years after validFrom.' })
  validUntil!: string;

  @Field({ description: 'Who signs for the enterprise (签字人: name and post), up to 100 characters.' })
  signer!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The reference of the signed paper (纸质授权书编号): required when an administrator records a paper authorization.',
  })
  paperReference?: string | null;
}

@InputType({ description: 'Ends an authorization at once.' })
export class RevokeAuthorizationInput {
  @Field(() => ID, { description: 'The global id of the authorization (a representative: one of its own enterprise).' })
  authorizationId!: string;
}

/** The orders a list of authorizations can be read in. */
export enum DataAuthorizationOrder {
  NEWEST_GRANT_FIRST = 'NEWEST_GRANT_FIRST',
  EARLIEST_END_FIRST = 'EARLIEST_END_FIRST',
}
registerEnumType(DataAuthorizationOrder, {
  name: 'DataAuthorizationOrder',
  description: 'The order of a list of data authorizations; ties are broken by the authorization (its id), so paging never repeats or skips one.',
  valuesConfig: {
    NEWEST_GRANT_FIRST: { description: 'The grant recorded last first.' },
    EARLIEST_END_FIRST: { description: 'The earliest last day in force (`validUntil`) first: those to renew soonest at the top.' },
  },
});
