import { LEGACY_REMOVAL } from '../../common/legacy-args';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../common/pagination';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';
import { InstrumentKind } from '../finance/enums';
import { OutreachFilter } from '../eligibility/eligibility.types';
import { EconomicSector, EnterpriseSize, HighTechCriteriaVersion, HighTechField, Industry } from './enums';

@InputType({ description: 'Which enterprises: every given condition must hold (a condition left out or null selects all).' })
export class EnterpriseFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'A substring of the Chinese or English name (any case), of the Chinese name in pinyin without tones, full or initials (华工科技: `huagong`, `hgkj`; spaces ignored), or the first characters of the credit code; at most 100 characters.',
  })
  search?: string | null;

  @Field(() => [Industry], { nullable: true, description: 'In one of these zone industries.' })
  industries?: Industry[] | null;

  @Field(() => [EnterpriseSize], { nullable: true, description: 'Of one of these size classes.' })
  sizes?: EnterpriseSize[] | null;

  @Field(() => [String], { nullable: true, description: 'In one of these parks, by code (`Park.code`).' })
  parks?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'In one of these industry clusters, by code (`IndustryCluster.code`).' })
  clusters?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: holds a high-tech enterprise certificate (高新技术企业证书) valid today (Asia/Shanghai); false: holds none.',
  })
  isHighTech?: boolean | null;

  @Field(() => [InstrumentKind], { nullable: true, description: 'Holds at least one financing instrument of one of these kinds.' })
  instrumentKinds?: InstrumentKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: owned by a university (校办企业); false: not.' })
  isUniversityAffiliated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Before API v1: `isHighTech`.', deprecationReason: `Use isHighTech. Removed after ${LEGACY_REMOVAL}.` })
  highTech?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Before API v1: `isUniversityAffiliated`.',
    deprecationReason: `Use isUniversityAffiliated. Removed after ${LEGACY_REMOVAL}.`,
  })
  universityAffiliated?: boolean | null;

  @Field(() => [CreditCodeScalar], { nullable: true, description: 'Exactly these enterprises, by credit code (at most 1000).' })
  creditCodes?: string[] | null;

  @Field(() => OutreachFilter, {
    nullable: true,
    description: 'Only enterprises eligible for a program on a date that do not use it yet. Zone administrators only: anyone else is refused with FORBIDDEN.',
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
  description: 'What enterprises can be sorted by; ties are broken by the enterprise (its id), so paging never repeats or skips one.',
  valuesConfig: {
    NAME: { description: 'The Chinese name, in pinyin order (zh collation).' },
    NAME_EN: { description: 'The English name; a missing one sorts as the empty string.' },
    CREDIT_CODE: { description: 'The credit code.' },
    FOUNDED_ON: { description: 'The founding date.' },
    REGISTERED_CAPITAL: { description: 'The registered capital, by amount.' },
  },
});

@InputType({ description: 'One key of an enterprise list\'s order.' })
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField, { description: 'What to sort by.' })
  field!: EnterpriseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Which way; ascending when left out.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Accept a credit code whose check character is wrong (some early codes were so issued).' })
export class CheckCharacterOverrideInput {
  @Field({ description: 'Why: e.g. the business license shows this code. Kept with the enterprise (`Enterprise.creditCodeOverride`).' })
  reason!: string;
}

@InputType({ description: 'An enterprise to register.' })
export class CreateEnterpriseInput {
  @Field(() => CreditCodeScalar, {
    description: 'Its Unified Social Credit Code; a wrong check character is refused unless `checkCharacterOverride` says why it is accepted.',
  })
  creditCode!: string;

  @Field({ description: 'The registered Chinese name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The English name it uses, if any.' })
  nameEn?: string | null;

  @Field(() => Industry, { description: 'The zone industry it belongs to.' })
  industry!: Industry;

  @Field(() => HighTechField, { nullable: true, description: 'The national high-tech field of its core technology, when classified.' })
  highTechField?: HighTechField | null;

  @Field(() => EconomicSector, { nullable: true, description: 'The GB/T 4754 sector of its principal business, when classified.' })
  economicSector?: EconomicSector | null;

  @Field({ description: 'The code of the park it sits in (`Park.code`).' })
  parkCode!: string;

  @Field(() => String, { nullable: true, description: 'The code of the industry cluster it belongs to (`IndustryCluster.code`), if any.' })
  clusterCode?: string | null;

  @Field(() => DateScalar, { description: 'The day it was founded; not after today.' })
  foundedOn!: string;

  @Field(() => DecimalScalar, { description: 'Registered capital in yuan; more than zero.' })
  registeredCapital!: string;

  @Field(() => EnterpriseSize, { description: 'Its size class.' })
  size!: EnterpriseSize;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'A state-owned enterprise (国有企业); false when left out.' })
  isStateOwned?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The owning university (an `Institution` of kind UNIVERSITY), for a university enterprise.' })
  universityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Shares listed on a stock exchange (上市公司; not a NEEQ quotation); null: not known.' })
  isListedOnExchange?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A converted research institute (转制院所企业); null: not known.' })
  isConvertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A tech enterprise a converted research institute invested in (转制院所所投资的科技企业); null: not known.' })
  isInvestedByConvertedInstitute?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A tech enterprise a university or research institute invested in (高等院校和科研院所投资的科技企业); null: not known.',
  })
  isInvestedByAcademia?: boolean | null;

  @Field(() => CheckCharacterOverrideInput, { nullable: true, description: 'Accepts a code whose check character is wrong, with the reason.' })
  checkCharacterOverride?: CheckCharacterOverrideInput | null;
}

@InputType({
  description: 'Changes to an enterprise: the fields given change, those left out stay as they are. The credit code is the key and does not change.',
})
export class UpdateEnterpriseInput {
  @Field(() => ID, { description: 'The enterprise (its global id).' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read: a change made since is refused with a StaleVersionError.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'The registered Chinese name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The English name; null: none.' })
  nameEn?: string | null;

  @Field(() => Industry, { nullable: true, description: 'The zone industry.' })
  industry?: Industry | null;

  @Field(() => HighTechField, { nullable: true, description: 'The national high-tech field; null: no longer classified.' })
  highTechField?: HighTechField | null;

  @Field(() => EconomicSector, { nullable: true, description: 'The GB/T 4754 sector; null: no longer classified.' })
  economicSector?: EconomicSector | null;

  @Field(() => String, { nullable: true, description: 'The code of the park it moved to.' })
  parkCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The code of its industry cluster; the empty string: no cluster.' })
  clusterCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The founding date; not after today.' })
  foundedOn?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Registered capital in yuan; more than zero.' })
  registeredCapital?: string | null;

  @Field(() => EnterpriseSize, { nullable: true, description: 'Its size class.' })
  size?: EnterpriseSize | null;

  @Field(() => Boolean, { nullable: true, description: 'A state-owned enterprise (国有企业).' })
  isStateOwned?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The owning university; the empty string: not a university enterprise.' })
  universityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Shares listed on a stock exchange; null: no longer known.' })
  isListedOnExchange?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A converted research institute (转制院所企业); null: no longer known.' })
  isConvertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Invested in by a converted research institute (转制院所所投资); null: no longer known.' })
  isInvestedByConvertedInstitute?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Invested in by a university or research institute (高等院校和科研院所投资); null: no longer known.' })
  isInvestedByAcademia?: boolean | null;
}

@InputType({
  description:
    "One fiscal year's figures of an enterprise, given whole: a correction (with `version`) replaces the year, and a figure left out of it is no longer known.",
})
export class RecordFiscalYearInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise.' })
  creditCode!: string;

  @Field(() => Int, { description: 'The fiscal year (a calendar year in China), from 1949 to this year.' })
  fiscalYear!: number;

  @Field(() => DecimalScalar, { description: 'Sales revenue (销售收入), yuan; more than zero.' })
  revenue!: string;

  @Field(() => DecimalScalar, { description: 'R&D expense (研究开发费用), yuan.' })
  rdExpense!: string;

  @Field(() => DecimalScalar, { description: 'The part of the R&D expense spent in China (境内研发费用), yuan; at most `rdExpense`.' })
  rdExpenseInChina!: string;

  @Field(() => DecimalScalar, { description: 'Revenue from high-tech products and services (高新技术产品（服务）收入), yuan; at most `revenue`.' })
  highTechRevenue!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total income (收入总额): sales revenue and every other income, yuan; at least `revenue`. The high-tech share of high-tech certification divides by it.',
  })
  totalIncome?: string | null;

  @Field(() => Int, { description: 'Employees (职工总数); at least 1.' })
  employees!: number;

  @Field(() => Int, { description: 'Science and technology staff (科技人员); at most `employees`.' })
  scienceAndTechnologyStaff!: number;

  @Field(() => Int, { nullable: true, description: 'R&D staff (研发人员), a part of the science and technology staff; at most `scienceAndTechnologyStaff`.' })
  rdStaff?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The innovation-capability score (企业创新能力评价, 0–100) assessed for high-tech certification on this year’s figures.',
  })
  innovationScore?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A major safety or quality accident, or a serious environmental violation, in the year (重大安全、重大质量事故或严重环境违法行为); left out: not reported.',
  })
  hadMajorIncident?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total assets at the end of the year (资产总额; 科技型中小企业 evaluation reads it), yuan; left out: not reported.',
  })
  totalAssets?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Required to correct a year already recorded: the version you read (a stale one is refused). Omit for a new year.',
  })
  version?: number | null;
}

@InputType({ description: 'A high-tech enterprise certificate (高新技术企业证书) to record.' })
export class RecordHighTechCertificateInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise certified.' })
  creditCode!: string;

  @Field({ description: 'The certificate number, e.g. GR201942001291 (GF… for a renewal under the 2008 rules); its year is the year of issue.' })
  number!: string;

  @Field(() => DateScalar, { description: 'The day it was issued; not after today.' })
  issuedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Its last valid day (included); at most three years after issue, less a day, which it is when left out.',
  })
  validUntil?: string | null;

  @Field(() => HighTechCriteriaVersion, { description: 'The rules it was granted under.' })
  criteriaVersion!: HighTechCriteriaVersion;
}
