import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { FundType } from '../finance/enums';
import { InstitutionKind } from '../institution/institution.entity';

/** A park or an industry cluster: a stable code and its names (not in the schema: each mutation has its own input). */
@InputType('CodedNameInput', { description: 'Not in the schema: the fields RecordParkInput and RecordIndustryClusterInput share.' })
export abstract class CodedNameInput {
  @Field({ description: 'Its stable code: 2–40 capital letters, digits and underscores, starting with a letter (e.g. BIOLAKE); unique.' })
  code!: string;

  @Field({ description: 'Its Chinese name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name, if any.' })
  nameEn?: string | null;
}

@InputType({ description: 'A sub-park (园区) of the zone to record.' })
export class RecordParkInput extends CodedNameInput {}

@InputType({ description: 'A strategic emerging industry cluster (战略性新兴产业集群) to record.' })
export class RecordIndustryClusterInput extends CodedNameInput {}

@InputType({ description: 'A university or research institute to record.' })
export class RecordInstitutionInput {
  @Field({ description: 'Its Chinese name; unique.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name, if any.' })
  nameEn?: string | null;

  @Field(() => InstitutionKind, { description: 'A university or a research institute.' })
  kind!: InstitutionKind;
}

@InputType({ description: 'A commercial bank (商业银行) to record.' })
export class RecordBankInput {
  @Field(() => CreditCodeScalar, { description: 'Its Unified Social Credit Code, with a correct check character; unique.' })
  creditCode!: string;

  @Field({ description: 'Its registered Chinese name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name, if any.' })
  nameEn?: string | null;

  @Field({ defaultValue: false, description: 'Whether it takes part in the zone’s financing pilots (合作银行); not while planned.' })
  isPartner!: boolean;

  @Field({ defaultValue: false, description: 'Whether it is planned and not yet open.' })
  isPlanned!: boolean;
}

@InputType({ description: 'A sub-branch (支行) of a recorded bank to record.' })
export class RecordBankBranchInput {
  @Field(() => CreditCodeScalar, { description: 'The credit code of its bank, as recorded.' })
  bankCreditCode!: string;

  @Field({ description: 'Its full Chinese name; unique in the zone.' })
  name!: string;

  @Field({ defaultValue: false, description: 'Whether it is a tech sub-branch (科技支行).' })
  isTechSubBranch!: boolean;
}

@InputType({ description: 'An insurer or reinsurer to record.' })
export class RecordInsurerInput {
  @Field({ description: 'Its registered Chinese name; unique.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name, if any.' })
  nameEn?: string | null;

  @Field({ defaultValue: false, description: 'Whether it is a reinsurer (再保险公司).' })
  isReinsurer!: boolean;
}

@InputType({ description: 'An investment fund (投资基金) to record.' })
export class RecordFundInput {
  @Field({ description: 'Its registered Chinese name; unique.' })
  name!: string;

  @Field({ description: 'Its fund manager (基金管理人).' })
  manager!: string;

  @Field(() => FundType, { description: 'What kind of fund it is.' })
  type!: FundType;
}

@InputType({ description: 'A risk compensation pool (风险补偿资金池) or SME loan mutual-aid fund to record.' })
export class RecordRiskCompensationPoolInput {
  @Field({ description: 'Its name; unique.' })
  name!: string;

  @Field({ description: 'Who manages it.' })
  manager!: string;

  @Field(() => [String], { description: 'Who paid in, by name (at least one, none empty).' })
  contributors!: string[];

  @Field(() => PercentScalar, { description: 'The share of a covered loss it pays as a rule, in percent: above 0, up to 100.' })
  coverageRatio!: string;

  @Field(() => DecimalScalar, { description: 'The most it covers for one loan, in yuan; more than 0.' })
  capPerLoan!: string;
}
