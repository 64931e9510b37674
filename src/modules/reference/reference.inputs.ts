import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { FundType } from '../finance/enums';
import { InstitutionKind } from '../institution/institution.entity';

@InputType({ description: 'A park or an industry cluster: a stable code and its names.' })
export class CodedNameInput {
  @Field({ description: 'Capital letters, digits and underscores, e.g. BIOLAKE.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;
}

@InputType()
export class InstitutionInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => InstitutionKind)
  kind!: InstitutionKind;
}

@InputType()
export class BankInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field({ defaultValue: false, description: 'Takes part in the zone financing pilots.' })
  partner!: boolean;

  @Field({ defaultValue: false, description: 'Planned, not yet open.' })
  planned!: boolean;
}

@InputType()
export class BankBranchInput {
  @Field(() => CreditCodeScalar, { description: "The bank's credit code." })
  bankCreditCode!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: false })
  techSubBranch!: boolean;
}

@InputType()
export class InsurerInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field({ defaultValue: false })
  reinsurer!: boolean;
}

@InputType()
export class FundInput {
  @Field()
  name!: string;

  @Field()
  manager!: string;

  @Field(() => FundType)
  type!: FundType;
}

@InputType()
export class RiskCompensationPoolInput {
  @Field()
  name!: string;

  @Field()
  manager!: string;

  @Field(() => [String])
  contributors!: string[];

  @Field(() => PercentScalar)
  coverageRatio!: string;

  @Field(() => DecimalScalar)
  capPerLoan!: string;
}
