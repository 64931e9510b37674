import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../common/pagination';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';
import { InstrumentKind } from '../finance/enums';
import { OutreachFilter } from '../eligibility/eligibility.types';
import { EconomicSector, EnterpriseSize, HighTechCriteriaVersion, HighTechField, Industry } from './enums';

@InputType({ description: 'Which enterprises: every given condition must hold.' })
export class EnterpriseFilter {
  @Field(() => String, {
    nullable: true,
    description: 'A substring of the Chinese or English name (any case), or the first characters of the credit code.',
  })
  search?: string | null;

  @Field(() => [Industry], { nullable: true })
  industries?: Industry[] | null;

  @Field(() => [String], { nullable: true, description: 'Park codes.' })
  parks?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Industry cluster codes.' })
  clusters?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Holds a high-tech certificate valid today (or not).' })
  highTech?: boolean | null;

  @Field(() => [InstrumentKind], { nullable: true, description: 'Holds at least one instrument of one of these kinds.' })
  instrumentKinds?: InstrumentKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Owned by a university (or not).' })
  universityAffiliated?: boolean | null;

  @Field(() => [CreditCodeScalar], { nullable: true, description: 'Exactly these enterprises (at most 1000).' })
  creditCodes?: string[] | null;

  @Field(() => OutreachFilter, {
    nullable: true,
    description: 'Only enterprises eligible for a programme on a date that do not use it yet (zone administrators).',
  })
  outreach?: OutreachFilter | null;
}

export enum EnterpriseOrderField {
  NAME = 'NAME',
  NAME_EN = 'NAME_EN',
  CREDIT_CODE = 'CREDIT_CODE',
  FOUNDED_ON = 'FOUNDED_ON',
  REGISTERED_CAPITAL = 'REGISTERED_CAPITAL',
}
registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  valuesConfig: { NAME: { description: 'Chinese name in pinyin order (zh collation).' } },
});

@InputType()
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField)
  field!: EnterpriseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Accept a credit code whose check character is wrong (some early codes were so issued).' })
export class CheckCharacterOverrideInput {
  @Field({ description: 'Why: e.g. the business licence shows this code.' })
  reason!: string;
}

@InputType()
export class CreateEnterpriseInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => Industry)
  industry!: Industry;

  @Field(() => HighTechField, { nullable: true, description: 'The national high-tech field of its core technology, when classified.' })
  highTechField?: HighTechField | null;

  @Field(() => EconomicSector, { nullable: true, description: 'The GB/T 4754 sector of its principal business, when classified.' })
  economicSector?: EconomicSector | null;

  @Field({ description: 'Code of the park it sits in.' })
  parkCode!: string;

  @Field(() => String, { nullable: true })
  clusterCode?: string | null;

  @Field(() => DateScalar)
  foundedOn!: string;

  @Field(() => DecimalScalar)
  registeredCapital!: string;

  @Field(() => EnterpriseSize)
  size!: EnterpriseSize;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  stateOwned?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The owning university, for a university enterprise.' })
  universityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Shares listed on a stock exchange (not NEEQ); null: not known.' })
  listedOnExchange?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '转制院所企业; null: not known.' })
  convertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '转制院所所投资的科技企业; null: not known.' })
  investedByConvertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '高等院校和科研院所投资的科技企业; null: not known.' })
  investedByAcademia?: boolean | null;

  @Field(() => CheckCharacterOverrideInput, { nullable: true })
  checkCharacterOverride?: CheckCharacterOverrideInput | null;
}

@InputType({ description: 'Fields to change; those left out stay as they are. The credit code is the key and does not change.' })
export class UpdateEnterpriseInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => Industry, { nullable: true })
  industry?: Industry | null;

  @Field(() => HighTechField, { nullable: true, description: 'Null: no longer classified.' })
  highTechField?: HighTechField | null;

  @Field(() => EconomicSector, { nullable: true, description: 'Null: no longer classified.' })
  economicSector?: EconomicSector | null;

  @Field(() => String, { nullable: true })
  parkCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty string: no cluster.' })
  clusterCode?: string | null;

  @Field(() => DateScalar, { nullable: true })
  foundedOn?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  registeredCapital?: string | null;

  @Field(() => EnterpriseSize, { nullable: true })
  size?: EnterpriseSize | null;

  @Field(() => Boolean, { nullable: true })
  stateOwned?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Empty string: not a university enterprise.' })
  universityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Null: no longer known.' })
  listedOnExchange?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Null: no longer known.' })
  convertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Null: no longer known.' })
  investedByConvertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Null: no longer known.' })
  investedByAcademia?: boolean | null;
}

@InputType()
export class FiscalYearInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => DecimalScalar)
  revenue!: string;

  @Field(() => DecimalScalar)
  rdExpense!: string;

  @Field(() => DecimalScalar)
  rdExpenseInChina!: string;

  @Field(() => DecimalScalar)
  highTechRevenue!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total income (收入总额): sales revenue and every other income. The high-tech share of high-tech certification divides by it.',
  })
  totalIncome?: string | null;

  @Field(() => Int)
  employees!: number;

  @Field(() => Int)
  stStaff!: number;

  @Field(() => Int, { nullable: true, description: 'R&D staff (研发人员), a part of the S&T staff.' })
  rdStaff?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The innovation-capability score (企业创新能力评价, 0–100) assessed for high-tech certification on this year’s figures.',
  })
  innovationScore?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A major safety or quality accident, or a serious environmental violation, in the year (left out: not reported).',
  })
  majorIncident?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total assets at the end of the year (科技型中小企业 evaluation reads it); left out: not reported.',
  })
  totalAssets?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Required to correct a year already recorded: the version you read. Omit for a new year.',
  })
  version?: number | null;
}

@InputType()
export class HighTechCertificateInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field({ description: 'e.g. GR201942001291.' })
  number!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to three years after issue.' })
  expiresOn?: string | null;

  @Field(() => HighTechCriteriaVersion)
  criteriaVersion!: HighTechCriteriaVersion;
}
