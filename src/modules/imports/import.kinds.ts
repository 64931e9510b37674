import type { EntityData, EntityName } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { creditCodeCheckCharacter } from '../../common/credit-code';
import { toGlobalId } from '../../common/global-id';
import { MutationErrorCode, type Problems } from '../../common/mutation-errors';
import { AuthorizationScope, DataAuthorization } from '../authorization/authorization.entity';
import { authorizationToGrant } from '../authorization/authorization.service';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade, TaxCreditGradeValue } from '../credit/credit.entity';
import { creditRatingToRecord, dishonestDebtorCheckToRecord, taxCreditGradeToRecord } from '../credit/credit.service';
import { Enterprise } from '../enterprise/enterprise.entity';
import { enterpriseToCreate, fiscalYearToRecord } from '../enterprise/enterprise.service';
import { EconomicSector, EnterpriseSize, HighTechField, Industry } from '../enterprise/enums';
import { FiscalYearFinancials } from '../enterprise/financials.entity';
import type { RegistryFacts } from '../enterprise/registry-facts';
import { CreditRating } from '../finance/enums';
import { InstitutionKind } from '../institution/institution.entity';
import { type Cell, cellText, creditCode, date, integer, money, oneOf, type Parsed, someOf, text, type Vocabulary, yesNo } from './import.cells';
import { ImportKind } from './import.entity';

/** The words a column accepts for each value of the API's enums (the API name is accepted too). */
export const INDUSTRY: Vocabulary<Industry> = {
  labels: {
    OPTOELECTRONIC_INFORMATION: '光电子信息',
    BIOMEDICINE: '生物医药',
    ENERGY_SAVING_ENVIRONMENTAL: '节能环保',
    HIGH_END_EQUIPMENT: '高端装备制造',
    HIGH_TECH_SERVICES: '高技术服务业',
    INTEGRATED_CIRCUITS: '集成电路',
    NEW_DISPLAYS: '新型显示',
    NEW_MATERIALS: '新材料',
    NEW_ENERGY: '新能源',
  },
};

export const HIGH_TECH_FIELD: Vocabulary<HighTechField> = {
  labels: {
    ELECTRONIC_INFORMATION: '电子信息',
    BIOLOGY_AND_NEW_MEDICINE: '生物与新医药',
    AEROSPACE: '航空航天',
    NEW_MATERIALS: '新材料',
    HIGH_TECH_SERVICES: '高技术服务',
    NEW_ENERGY_AND_ENERGY_SAVING: '新能源与节能',
    RESOURCES_AND_ENVIRONMENT: '资源与环境',
    ADVANCED_MANUFACTURING_AND_AUTOMATION: '先进制造与自动化',
  },
};

export const ECONOMIC_SECTOR: Vocabulary<EconomicSector> = {
  labels: {
    AGRICULTURE: '农、林、牧、渔业',
    MINING: '采矿业',
    MANUFACTURING: '制造业',
    TOBACCO_MANUFACTURING: '烟草制品业',
    UTILITIES: '电力、热力、燃气及水生产和供应业',
    CONSTRUCTION: '建筑业',
    WHOLESALE_AND_RETAIL: '批发和零售业',
    TRANSPORT_AND_POSTAL: '交通运输、仓储和邮政业',
    ACCOMMODATION_AND_CATERING: '住宿和餐饮业',
    INFORMATION_AND_SOFTWARE: '信息传输、软件和信息技术服务业',
    FINANCE: '金融业',
    REAL_ESTATE: '房地产业',
    LEASING_AND_BUSINESS_SERVICES: '租赁和商务服务业',
    RESEARCH_AND_TECHNICAL_SERVICES: '科学研究和技术服务业',
    WATER_ENVIRONMENT_AND_PUBLIC_FACILITIES: '水利、环境和公共设施管理业',
    RESIDENT_SERVICES: '居民服务、修理和其他服务业',
    EDUCATION: '教育',
    HEALTH_AND_SOCIAL_WORK: '卫生和社会工作',
    CULTURE_AND_SPORTS: '文化、体育和娱乐业',
    ENTERTAINMENT: '娱乐业',
    PUBLIC_ADMINISTRATION: '公共管理、社会保障和社会组织',
    INTERNATIONAL_ORGANIZATIONS: '国际组织',
  },
};

export const SIZE: Vocabulary<EnterpriseSize> = {
  labels: { LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型' },
  aliases: { 大型企业: EnterpriseSize.LARGE, 中型企业: EnterpriseSize.MEDIUM, 小型企业: EnterpriseSize.SMALL, 微型企业: EnterpriseSize.MICRO },
};

export const RATING: Vocabulary<CreditRating> = {
  labels: { AAA: 'AAA', AA: 'AA', A: 'A', BBB: 'BBB', BB: 'BB', B: 'B', CCC: 'CCC', CC: 'CC', C: 'C' },
  aliases: Object.fromEntries(Object.values(CreditRating).map((r) => [`${r}级`, r])),
};

export const TAX_GRADE: Vocabulary<TaxCreditGradeValue> = {
  labels: { A: 'A', B: 'B', M: 'M', C: 'C', D: 'D' },
  aliases: Object.fromEntries(Object.values(TaxCreditGradeValue).map((g) => [`${g}级`, g])),
};

export const SCOPE: Vocabulary<AuthorizationScope> = {
  labels: {
    PROFILE: '基本信息',
    HIGH_TECH: '高新资质',
    PATENTS: '专利',
    FINANCIALS: '财务数据',
    INSTRUMENTS: '融资工具',
    ELIGIBILITY: '试点资格',
  },
};

/** Reference data as loaded for the file: to read a park, a university or a bank written by its name. */
export type References = ReturnType<RegistryFacts['loaded']>;

/** What a column holds, which says how a cell is read, how the template writes an example, and what the guide says. */
export type ColumnType =
  | { type: 'text'; max?: number }
  | { type: 'creditCode' }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'integer' }
  | { type: 'yesNo' }
  | { type: 'oneOf'; vocabulary: Vocabulary<string> }
  | { type: 'someOf'; vocabulary: Vocabulary<string> }
  | { type: 'park' }
  | { type: 'cluster' }
  | { type: 'university' }
  | { type: 'bank' };

export interface Column {
  /** The Chinese header, as the template writes it and a file must have it. */
  header: string;
  /** The input field it fills, below `input` (dotted when nested: `checkCharacterOverride.reason`). */
  field: string;
  /** A file without this column is not this kind's template; a row must fill it (a text the rules then check). */
  required: boolean;
  holds: ColumnType;
  /** What it is, in Chinese, for the template's guide. */
  note: string;
}

/** A problem a cell makes on its own (not a rule of the registry: the API would have refused its type). */
export type CellProblem = { problem: { zh: string; en: string; code?: MutationErrorCode } };

/** Reads a cell of a column into the input's value: the same value GraphQL would give the mutation. */
export function readCell(column: Column, cell: Cell, refs: References): Parsed<unknown> | CellProblem {
  const h = column.holds;
  switch (h.type) {
    case 'text':
      return text(cell);
    case 'creditCode':
      return creditCode(cell);
    case 'date':
      return date(cell);
    case 'money':
      return money(cell);
    case 'integer':
      return integer(cell);
    case 'yesNo':
      return yesNo(cell);
    case 'oneOf':
      return oneOf(h.vocabulary)(cell);
    case 'someOf':
      return someOf(h.vocabulary)(cell);
    case 'park':
    case 'cluster': {
      // By code, or by its Chinese or English name; an unknown one goes to the rules as a code (NOT_FOUND there).
      const given = cellText(cell);
      const list = h.type === 'park' ? refs.parks : refs.clusters;
      const found = list.find((p) => p.code === given || p.name === given || p.nameEn === given);
      return { value: found?.code ?? given };
    }
    case 'university': {
      const given = cellText(cell);
      const found = refs.institutions.find((i) => i.name === given || i.nameEn === given);
      if (!found) {
        const universities = refs.institutions.filter((i) => i.kind === InstitutionKind.UNIVERSITY).map((i) => i.name);
        return {
          problem: {
            zh: `没有名为“${given}”的高校。已登记的高校：${universities.join('、')}。`,
            en: `No university is named "${given}".`,
            code: MutationErrorCode.NOT_FOUND,
          },
        };
      }
      return { value: toGlobalId('Institution', found.id) };
    }
    case 'bank': {
      // By name, or by credit code; an unknown code goes to the rules (NOT_FOUND there).
      const given = cellText(cell);
      const found = refs.banks.find((b) => b.name === given || b.nameEn === given);
      if (found) return { value: found.creditCode };
      const code = creditCode(cell);
      if ('value' in code) return code;
      return { problem: { zh: `没有名为“${given}”的银行（也不是统一社会信用代码）。`, en: `No bank is named "${given}" (nor is it a credit code).`, code: MutationErrorCode.NOT_FOUND } };
    }
  }
}

/** An example value in the API's form (dates YYYY-MM-DD, money as a decimal string, enum values by API name). */
export type Example = string | number | boolean | string[] | null;

/** A record's values to write: the entity and what the rules gave. */
export interface Draft {
  entity: EntityName<object>;
  data: EntityData<object>;
}

/** Rows that hold the same record (a key written twice in one file), which the registry could not hold both of. */
export interface SameRecord {
  key(input: Record<string, unknown>): string;
  /** Within the same key, do two rows clash (authorizations: their days overlap)? Always, when left out. */
  clash?(a: Record<string, unknown>, b: Record<string, unknown>): boolean;
  /** The column the problem is shown at. */
  column: string;
  zh(firstRow: number): string;
  en(firstRow: number): string;
}

export interface KindSpec {
  kind: ImportKind;
  /** In URLs: the value in lower-kebab-case. */
  slug: string;
  /** The Chinese name of what a file of this kind lists (the template's sheet and file name). */
  title: string;
  /** The mutation whose rules a row follows. */
  mutation: string;
  columns: Column[];
  /** Reads ahead, for every row at once, what the rules will ask (`RegistryFacts`). */
  preload(facts: RegistryFacts, inputs: Record<string, unknown>[]): Promise<void>;
  /** The rules of one row (the mutation's own): what to write, or null with its problems. */
  prepare(ctx: RequestContext, input: Record<string, unknown>, problems: Problems, facts: RegistryFacts): Promise<Draft | null>;
  sameRecord?: SameRecord;
  /** The template's example rows, which import as they are once the examples of enterprises are registered. */
  examples(today: string): Record<string, Example>[];
}

const CREDIT_CODE: Column = { header: '统一社会信用代码', field: 'creditCode', required: true, holds: { type: 'creditCode' }, note: '企业的统一社会信用代码（18 位）。' };

/** The example enterprises of the templates (made-up codes with valid check characters): the other kinds' examples name the first. */
const exampleCode = (subject: string) => `91420100${subject}${creditCodeCheckCharacter(`91420100${subject}`)}`;
export const EXAMPLE_ENTERPRISES = [
  { creditCode: exampleCode('MA4KEX001'), name: '武汉光谷示例激光技术有限公司' },
  { creditCode: exampleCode('MA4KEX002'), name: '武汉光谷示例生物医药有限公司' },
] as const;
const EXAMPLE = EXAMPLE_ENTERPRISES[0].creditCode;

const year = (today: string) => Number(today.slice(0, 4));

/** Codes in the rows that are credit codes, for preloading. */
const codesOf = (inputs: Record<string, unknown>[], field = 'creditCode') =>
  inputs.map((i) => i[field]).filter((c): c is string => typeof c === 'string');

async function preloadEnterprisesOf(facts: RegistryFacts, inputs: Record<string, unknown>[]): Promise<Enterprise[]> {
  const codes = codesOf(inputs);
  await facts.preloadEnterprises(codes);
  const found: Enterprise[] = [];
  for (const code of new Set(codes)) {
    const e = await facts.enterprise(code);
    if (e) found.push(e);
  }
  return found;
}

const draft = (entity: EntityName<object>, data: EntityData<object> | null): Draft | null => (data ? { entity, data } : null);

const ENTERPRISES: KindSpec = {
  kind: ImportKind.ENTERPRISES,
  slug: 'enterprises',
  title: '企业名录',
  mutation: 'createEnterprise',
  columns: [
    { ...CREDIT_CODE, note: '企业的统一社会信用代码（18 位），登记的主键；同一文件内不能重复，也不能是已登记的企业。' },
    { header: '企业名称', field: 'name', required: true, holds: { type: 'text' }, note: '营业执照上的中文名称。' },
    { header: '英文名称', field: 'nameEn', required: false, holds: { type: 'text' }, note: '企业使用的英文名称，没有可不填。' },
    { header: '所属产业', field: 'industry', required: true, holds: { type: 'oneOf', vocabulary: INDUSTRY }, note: '企业所属的园区产业。' },
    { header: '高新技术领域', field: 'highTechField', required: false, holds: { type: 'oneOf', vocabulary: HIGH_TECH_FIELD }, note: '核心技术所属的国家重点支持的高新技术领域，未归类可不填。' },
    { header: '国民经济行业门类', field: 'economicSector', required: false, holds: { type: 'oneOf', vocabulary: ECONOMIC_SECTOR }, note: '主营业务的国民经济行业分类（GB/T 4754）门类，未归类可不填。' },
    { header: '所在园区', field: 'parkCode', required: true, holds: { type: 'park' }, note: '企业所在的园区。' },
    { header: '产业集群', field: 'clusterCode', required: false, holds: { type: 'cluster' }, note: '企业所属的战略性新兴产业集群，没有可不填。' },
    { header: '成立日期', field: 'foundedOn', required: true, holds: { type: 'date' }, note: '营业执照上的成立日期，不能晚于今天。' },
    { header: '注册资本（元）', field: 'registeredCapital', required: true, holds: { type: 'money' }, note: '以元为单位，须大于 0。' },
    { header: '企业规模', field: 'size', required: true, holds: { type: 'oneOf', vocabulary: SIZE }, note: '按中小企业划型标准的规模。' },
    { header: '是否国有企业', field: 'isStateOwned', required: false, holds: { type: 'yesNo' }, note: '不填视为“否”。' },
    { header: '所属高校', field: 'universityId', required: false, holds: { type: 'university' }, note: '校办企业所属的高校名称，不是校办企业可不填。' },
    { header: '是否上市公司', field: 'isListedOnExchange', required: false, holds: { type: 'yesNo' }, note: '股票在证券交易所上市（新三板挂牌不算）；不清楚可不填。' },
    { header: '是否转制院所企业', field: 'isConvertedInstitute', required: false, holds: { type: 'yesNo' }, note: '不清楚可不填。' },
    { header: '是否转制院所投资企业', field: 'isInvestedByConvertedInstitute', required: false, holds: { type: 'yesNo' }, note: '转制院所所投资的科技企业；不清楚可不填。' },
    { header: '是否高校院所投资企业', field: 'isInvestedByAcademia', required: false, holds: { type: 'yesNo' }, note: '高等院校和科研院所投资的科技企业；不清楚可不填。' },
    {
      header: '校验码例外理由',
      field: 'checkCharacterOverride.reason',
      required: false,
      holds: { type: 'text', max: 500 },
      note: '仅当代码校验码不符、但确系依法如此核发时填写理由（如“营业执照原件所载代码”）；其余情况不填。',
    },
  ],
  async preload(facts, inputs) {
    await facts.preloadEnterprises(codesOf(inputs).map((c) => c.trim().toUpperCase()));
  },
  async prepare(ctx, input, problems, facts) {
    return draft(Enterprise, await enterpriseToCreate(ctx, input as never, problems, facts));
  },
  sameRecord: {
    key: (i) => String(i['creditCode']),
    column: '统一社会信用代码',
    zh: (row) => `与第 ${row} 行的统一社会信用代码相同：同一企业只能登记一次。`,
    en: (row) => `The same credit code as row ${row}: an enterprise is registered once.`,
  },
  examples: () => [
    {
      creditCode: EXAMPLE_ENTERPRISES[0].creditCode, name: EXAMPLE_ENTERPRISES[0].name, nameEn: 'Optics Valley Example Laser Technology Co., Ltd.',
      industry: Industry.OPTOELECTRONIC_INFORMATION, highTechField: HighTechField.ADVANCED_MANUFACTURING_AND_AUTOMATION, economicSector: EconomicSector.MANUFACTURING,
      parkCode: '光电子信息产业园', clusterCode: '激光产业集群', foundedOn: '2015-06-18', registeredCapital: '50000000.00', size: EnterpriseSize.SMALL,
      isStateOwned: false, universityId: null, isListedOnExchange: false, isConvertedInstitute: null, isInvestedByConvertedInstitute: null, isInvestedByAcademia: true,
      'checkCharacterOverride.reason': null,
    },
    {
      creditCode: EXAMPLE_ENTERPRISES[1].creditCode, name: EXAMPLE_ENTERPRISES[1].name, nameEn: null,
      industry: Industry.BIOMEDICINE, highTechField: HighTechField.BIOLOGY_AND_NEW_MEDICINE, economicSector: EconomicSector.RESEARCH_AND_TECHNICAL_SERVICES,
      parkCode: '光谷生物城', clusterCode: null, foundedOn: '2019-11-01', registeredCapital: '12345678.90', size: EnterpriseSize.MICRO,
      isStateOwned: null, universityId: '华中科技大学', isListedOnExchange: null, isConvertedInstitute: null, isInvestedByConvertedInstitute: null, isInvestedByAcademia: null,
      'checkCharacterOverride.reason': null,
    },
  ],
};

const FISCAL_YEAR_FIGURES: KindSpec = {
  kind: ImportKind.FISCAL_YEAR_FIGURES,
  slug: 'fiscal-year-figures',
  title: '年度财务和人员数据',
  mutation: 'recordFiscalYear',
  columns: [
    { ...CREDIT_CODE, note: '已登记企业的统一社会信用代码。' },
    { header: '年度', field: 'fiscalYear', required: true, holds: { type: 'integer' }, note: '会计年度（公历年），1949 年至今年；同一企业的同一年度只能录入一次，已录入的年度请用 recordFiscalYear 更正。' },
    { header: '销售收入（元）', field: 'revenue', required: true, holds: { type: 'money' }, note: '须大于 0。' },
    { header: '研发费用（元）', field: 'rdExpense', required: true, holds: { type: 'money' }, note: '研究开发费用，不能为负数。' },
    { header: '境内研发费用（元）', field: 'rdExpenseInChina', required: true, holds: { type: 'money' }, note: '在中国境内发生的研发费用，不能多于研发费用。' },
    { header: '高新技术产品（服务）收入（元）', field: 'highTechRevenue', required: true, holds: { type: 'money' }, note: '不能多于销售收入。' },
    { header: '收入总额（元）', field: 'totalIncome', required: false, holds: { type: 'money' }, note: '销售收入和其他收入之和，不能少于销售收入；未报可不填。' },
    { header: '资产总额（元）', field: 'totalAssets', required: false, holds: { type: 'money' }, note: '年末资产总额，须大于 0；未报可不填。' },
    { header: '职工总数', field: 'employees', required: true, holds: { type: 'integer' }, note: '至少 1 人。' },
    { header: '科技人员', field: 'scienceAndTechnologyStaff', required: true, holds: { type: 'integer' }, note: '不能多于职工总数。' },
    { header: '研发人员', field: 'rdStaff', required: false, holds: { type: 'integer' }, note: '科技人员中的研发人员，不能多于科技人员；未报可不填。' },
    { header: '创新能力评分', field: 'innovationScore', required: false, holds: { type: 'integer' }, note: '高新技术企业认定的企业创新能力评价得分，0–100；未评可不填。' },
    { header: '是否发生重大事故或严重环境违法', field: 'hadMajorIncident', required: false, holds: { type: 'yesNo' }, note: '当年是否发生重大安全、重大质量事故或严重环境违法行为；未报可不填。' },
  ],
  async preload(facts, inputs) {
    await facts.preloadYears(await preloadEnterprisesOf(facts, inputs));
  },
  async prepare(ctx, input, problems, facts) {
    const year = await fiscalYearToRecord(ctx, input as never, problems, facts);
    return year && { entity: FiscalYearFinancials, data: { enterprise: year.enterprise, ...year.figures } };
  },
  sameRecord: {
    key: (i) => `${i['creditCode']}:${i['fiscalYear']}`,
    column: '年度',
    zh: (row) => `与第 ${row} 行是同一企业的同一年度：一个年度只能录入一次。`,
    en: (row) => `The same enterprise and fiscal year as row ${row}: a year is recorded once.`,
  },
  examples: (today) => [
    {
      creditCode: EXAMPLE, fiscalYear: year(today) - 1, revenue: '86000000.00', rdExpense: '5160000.00', rdExpenseInChina: '5160000.00',
      highTechRevenue: '64500000.00', totalIncome: '87200000.00', totalAssets: '120000000.00', employees: 180, scienceAndTechnologyStaff: 46,
      rdStaff: 38, innovationScore: 78, hadMajorIncident: false,
    },
    {
      creditCode: EXAMPLE, fiscalYear: year(today) - 2, revenue: '72000000.50', rdExpense: '3960000.00', rdExpenseInChina: '3800000.00',
      highTechRevenue: '50400000.00', totalIncome: null, totalAssets: null, employees: 150, scienceAndTechnologyStaff: 40,
      rdStaff: null, innovationScore: null, hadMajorIncident: null,
    },
  ],
};

const CREDIT_RATINGS: KindSpec = {
  kind: ImportKind.CREDIT_RATINGS,
  slug: 'credit-ratings',
  title: '中小企业信用评级',
  mutation: 'recordCreditRating',
  columns: [
    { ...CREDIT_CODE, note: '已登记企业的统一社会信用代码。' },
    { header: '信用等级', field: 'rating', required: true, holds: { type: 'oneOf', vocabulary: RATING }, note: '评级机构给出的等级。' },
    { header: '评级机构', field: 'agency', required: true, holds: { type: 'text' }, note: '给出评级的机构名称。' },
    { header: '评级日期', field: 'ratedOn', required: true, holds: { type: 'date' }, note: '不能晚于今天。' },
    { header: '有效期至', field: 'validUntil', required: false, holds: { type: 'date' }, note: '可依赖该评级的最后一天，不能早于评级日期；不填则为评级日期一年后的前一天。' },
  ],
  async preload(facts, inputs) {
    await preloadEnterprisesOf(facts, inputs);
  },
  async prepare(ctx, input, problems, facts) {
    return draft(CreditRatingRecord, await creditRatingToRecord(ctx, input as never, problems, facts));
  },
  examples: (today) => [
    { creditCode: EXAMPLE, rating: CreditRating.AA, agency: '武汉东湖信用评级有限公司', ratedOn: `${year(today) - 1}-06-30`, validUntil: null },
    { creditCode: EXAMPLE, rating: CreditRating.A, agency: '湖北中小企业信用评价中心', ratedOn: `${year(today) - 2}-06-30`, validUntil: `${year(today) - 1}-06-29` },
  ],
};

const TAX_CREDIT_GRADES: KindSpec = {
  kind: ImportKind.TAX_CREDIT_GRADES,
  slug: 'tax-credit-grades',
  title: '纳税信用等级',
  mutation: 'recordTaxCreditGrade',
  columns: [
    { ...CREDIT_CODE, note: '已登记企业的统一社会信用代码。' },
    { header: '纳税年度', field: 'year', required: true, holds: { type: 'integer' }, note: '评价的纳税年度，2000 年至去年；同一企业每年一条。' },
    { header: '纳税信用等级', field: 'grade', required: true, holds: { type: 'oneOf', vocabulary: TAX_GRADE }, note: '税务机关公布的级别。' },
    { header: '公布日期', field: 'evaluatedOn', required: true, holds: { type: 'date' }, note: '税务机关公布的日期：在纳税年度结束之后，不能晚于今天。' },
  ],
  async preload(facts, inputs) {
    await facts.preloadYears(await preloadEnterprisesOf(facts, inputs));
  },
  async prepare(ctx, input, problems, facts) {
    return draft(TaxCreditGrade, await taxCreditGradeToRecord(ctx, input as never, problems, facts));
  },
  sameRecord: {
    key: (i) => `${i['creditCode']}:${i['year']}`,
    column: '纳税年度',
    zh: (row) => `与第 ${row} 行是同一企业的同一纳税年度：每年只能录入一个等级。`,
    en: (row) => `The same enterprise and tax year as row ${row}: one grade a year.`,
  },
  examples: (today) => {
    const y = year(today);
    // Published in April: this year's (for last year) once it is out, or today when that is earlier.
    const published = `${y}-04-20` <= today ? `${y}-04-20` : today;
    return [
      { creditCode: EXAMPLE, year: y - 1, grade: TaxCreditGradeValue.A, evaluatedOn: published },
      { creditCode: EXAMPLE, year: y - 2, grade: TaxCreditGradeValue.B, evaluatedOn: `${y - 1}-04-20` },
    ];
  },
};

const DISHONEST_DEBTOR_CHECKS: KindSpec = {
  kind: ImportKind.DISHONEST_DEBTOR_CHECKS,
  slug: 'dishonest-debtor-checks',
  title: '失信被执行人查询',
  mutation: 'recordDishonestDebtorCheck',
  columns: [
    { ...CREDIT_CODE, note: '已登记企业的统一社会信用代码。' },
    { header: '查询日期', field: 'checkedOn', required: true, holds: { type: 'date' }, note: '查询失信被执行人名单的日期，不能晚于今天。' },
    { header: '是否列入失信名单', field: 'wasListed', required: true, holds: { type: 'yesNo' }, note: '查询当天企业是否在失信被执行人名单上。' },
    { header: '查询来源', field: 'source', required: true, holds: { type: 'text' }, note: '在哪里查询，如“中国执行信息公开网”。' },
  ],
  async preload(facts, inputs) {
    await preloadEnterprisesOf(facts, inputs);
  },
  async prepare(ctx, input, problems, facts) {
    return draft(DishonestDebtorCheck, await dishonestDebtorCheckToRecord(ctx, input as never, problems, facts));
  },
  examples: (today) => [
    { creditCode: EXAMPLE, checkedOn: today, wasListed: false, source: '中国执行信息公开网' },
    { creditCode: EXAMPLE, checkedOn: `${year(today) - 1}-12-31`, wasListed: false, source: '信用中国（湖北）' },
  ],
};

/** The day before the same date `years` later: the last day of a term of that many years. */
function lastDayAfter(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const PAPER_AUTHORIZATIONS: KindSpec = {
  kind: ImportKind.PAPER_AUTHORIZATIONS,
  slug: 'paper-authorizations',
  title: '纸质数据授权书',
  mutation: 'grantAuthorization',
  columns: [
    { ...CREDIT_CODE, note: '授权企业（已登记）的统一社会信用代码。' },
    { header: '被授权银行', field: 'bankCreditCode', required: true, holds: { type: 'bank' }, note: '银行名称或其统一社会信用代码；须为已开业的银行。' },
    { header: '授权范围', field: 'scopes', required: true, holds: { type: 'someOf', vocabulary: SCOPE }, note: '授权银行查看的数据，可填多项，用顿号“、”分隔；至少一项。' },
    { header: '用途', field: 'purpose', required: true, holds: { type: 'text' }, note: '银行使用数据的用途，最多 500 字；同一企业对同一银行、同一用途，同一天只能有一份授权有效。' },
    { header: '生效日期', field: 'validFrom', required: true, holds: { type: 'date' }, note: '授权开始生效的日期。' },
    { header: '截止日期', field: 'validUntil', required: true, holds: { type: 'date' }, note: '授权有效的最后一天（含当天）：不能早于今天，最长为生效日期起三年。' },
    { header: '签字人', field: 'signer', required: true, holds: { type: 'text' }, note: '代表企业签字的人的姓名和职务，最多 100 字。' },
    { header: '授权书编号', field: 'paperReference', required: true, holds: { type: 'text' }, note: '已签署的纸质授权书的编号，最多 100 字。' },
  ],
  async preload(facts, inputs) {
    await facts.preloadAuthorizations(await preloadEnterprisesOf(facts, inputs));
  },
  async prepare(ctx, input, problems, facts) {
    return draft(DataAuthorization, await authorizationToGrant(ctx, input as never, problems, facts));
  },
  sameRecord: {
    key: (i) => `${i['creditCode']}:${i['bankCreditCode']}:${String(i['purpose']).trim()}`,
    clash: (a, b) => String(a['validFrom']) <= String(b['validUntil']) && String(b['validFrom']) <= String(a['validUntil']),
    column: '用途',
    zh: (row) => `与第 ${row} 行是同一企业对同一银行、同一用途的授权，且有效期重叠：同一天只能有一份有效。`,
    en: (row) => `The same enterprise, bank and purpose as row ${row}, on overlapping days: one is in force on any day.`,
  },
  examples: (today) => [
    {
      creditCode: EXAMPLE, bankCreditCode: '汉口银行', scopes: [AuthorizationScope.PROFILE, AuthorizationScope.FINANCIALS, AuthorizationScope.ELIGIBILITY],
      purpose: '科技信用贷款授信审查', validFrom: today, validUntil: lastDayAfter(today, 1), signer: '张伟（财务总监）', paperReference: `授权书〔${year(today)}〕001号`,
    },
    {
      creditCode: EXAMPLE, bankCreditCode: '招商银行', scopes: [AuthorizationScope.PROFILE, AuthorizationScope.PATENTS],
      purpose: '知识产权质押贷款试点资格审核', validFrom: today, validUntil: lastDayAfter(today, 3), signer: '张伟（财务总监）', paperReference: `授权书〔${year(today)}〕002号`,
    },
  ],
};

/** Every kind, by its ImportKind. */
export const KINDS: Record<ImportKind, KindSpec> = {
  ENTERPRISES,
  FISCAL_YEAR_FIGURES,
  CREDIT_RATINGS,
  TAX_CREDIT_GRADES,
  DISHONEST_DEBTOR_CHECKS,
  PAPER_AUTHORIZATIONS,
};

/** The kind a URL names (`fiscal-year-figures`), or undefined. */
export const kindOfSlug = (slug: string): KindSpec | undefined => Object.values(KINDS).find((k) => k.slug === slug);
