import { patentCheckDigit } from '../src/common/patent-number';
import { CREDIT_CODE_ALPHABET } from '../src/common/credit-code';
import { namePinyin, namePinyinOfWords } from '../src/modules/enterprise/pinyin';
import {
  APPRAISERS,
  BANKS,
  BRANCHES,
  BROKERS,
  CLUSTERS,
  FUNDS,
  GUARANTORS,
  INSTITUTIONS,
  INSURERS,
  makeCreditCode,
  OTC_CENTRE,
  PARKS,
  POOLS,
  UNDERWRITERS,
} from './reference';
import { tradingDayOnOrBefore } from './calendar';
import { addMonths, addYears, Random, seedUuid, yuan } from './random';

/**
 * The day the generator's dates run up to: its literals (checks from June to October 2025, instruments started by
 * October 2025, fiscal years to 2025 …) describe a zone as of this day. A zone loaded as of a later day has every
 * date moved forward (`shiftTables` in zone.ts), so the demo never ages.
 */
export const DATA_ANCHOR = '2025-11-01';

/** Rows of one table, as column → value (null for SQL NULL). */
export type Row = Record<string, string | number | boolean | null | string[]>;
export type Tables = Record<string, Row[]>;

/** The zone's tables in the order they can be loaded (a table after those it references). */
export const LOAD_ORDER = [
  'enterprise',
  'fiscal_year_financials',
  'high_tech_certificate',
  'patent',
  'patent_appraisal',
  'financing_instrument',
  'instrument_holder',
  'ip_pledge',
  'risk_compensation_claim',
  'research_project',
  'project_participant',
  'project_budget_line',
  'project_output',
  'equity_incentive_plan',
  'equity_grant',
  'talent_award',
  'tax_pilot_usage',
  'credit_rating_record',
  'tax_credit_grade',
  'dishonest_debtor_check',
  'qualification',
] as const;

export const emptyTables = (): Tables => Object.fromEntries(LOAD_ORDER.map((t) => [t, []]));

const INDUSTRY_WEIGHTS = [
  ['OPTOELECTRONIC_INFORMATION', 30],
  ['BIOMEDICINE', 15],
  ['ENERGY_SAVING_ENVIRONMENTAL', 10],
  ['HIGH_END_EQUIPMENT', 12],
  ['HIGH_TECH_SERVICES', 15],
  ['INTEGRATED_CIRCUITS', 6],
  ['NEW_DISPLAYS', 4],
  ['NEW_MATERIALS', 5],
  ['NEW_ENERGY', 3],
] as const;

const INDUSTRY_WORDS: Record<string, [string, string][]> = {
  OPTOELECTRONIC_INFORMATION: [['光电', 'Optoelectronics'], ['光通信', 'Optical Communication'], ['激光', 'Laser'], ['光纤', 'Fiber Optics']],
  BIOMEDICINE: [['生物', 'Biotech'], ['医药', 'Pharmaceutical'], ['基因', 'Genomics'], ['医疗器械', 'Medical Devices']],
  ENERGY_SAVING_ENVIRONMENTAL: [['环保', 'Environmental'], ['节能', 'Energy Saving'], ['水处理', 'Water Treatment']],
  HIGH_END_EQUIPMENT: [['智能装备', 'Intelligent Equipment'], ['精密机械', 'Precision Machinery'], ['机器人', 'Robotics']],
  HIGH_TECH_SERVICES: [['信息技术', 'Information Technology'], ['软件', 'Software'], ['数据', 'Data'], ['检测', 'Testing']],
  INTEGRATED_CIRCUITS: [['半导体', 'Semiconductor'], ['微电子', 'Microelectronics'], ['芯片', 'Chip']],
  NEW_DISPLAYS: [['显示', 'Display'], ['光显', 'Photonic Display']],
  NEW_MATERIALS: [['新材料', 'New Materials'], ['复合材料', 'Composite Materials']],
  NEW_ENERGY: [['新能源', 'New Energy'], ['储能', 'Energy Storage'], ['氢能', 'Hydrogen Energy']],
};

const CLUSTER_OF: Record<string, string | null> = {
  OPTOELECTRONIC_INFORMATION: 'OPTICAL_COMMUNICATION',
  BIOMEDICINE: 'BIOMEDICINE',
  ENERGY_SAVING_ENVIRONMENTAL: 'ENERGY_SAVING',
  INTEGRATED_CIRCUITS: 'INTEGRATED_CIRCUITS',
  NEW_DISPLAYS: 'NEW_DISPLAYS',
};

const PLACES: [string, string][] = [['武汉', 'Wuhan'], ['湖北', 'Hubei'], ['光谷', 'Guanggu'], ['东湖', 'Donghu'], ['楚天', 'Chutian'], ['江城', 'Jiangcheng'], ['长江', 'Changjiang'], ['汉江', 'Hanjiang']];
const FIRST: [string, string][] = [['华', 'Hua'], ['光', 'Guang'], ['锐', 'Rui'], ['精', 'Jing'], ['天', 'Tian'], ['博', 'Bo'], ['联', 'Lian'], ['明', 'Ming'], ['凯', 'Kai'], ['高', 'Gao'], ['众', 'Zhong'], ['拓', 'Tuo'], ['中', 'Zhong'], ['芯', 'Xin'], ['睿', 'Rui'], ['安', 'An'], ['菲', 'Fei'], ['帝', 'Di'], ['驿', 'Yi'], ['金', 'Jin'], ['长', 'Chang'], ['烽', 'Feng'], ['楚', 'Chu'], ['汉', 'Han'], ['新', 'Xin'], ['德', 'De'], ['恒', 'Heng'], ['海', 'Hai'], ['宏', 'Hong'], ['鼎', 'Ding'], ['瑞', 'Rui'], ['盛', 'Sheng'], ['泰', 'Tai'], ['瀚', 'Han'], ['卓', 'Zhuo'], ['领', 'Ling'], ['创', 'Chuang'], ['智', 'Zhi'], ['云', 'Yun'], ['嘉', 'Jia']];
const SECOND: [string, string][] = [['星', 'xing'], ['讯', 'xun'], ['光', 'guang'], ['测', 'ce'], ['喻', 'yu'], ['创', 'chuang'], ['影', 'ying'], ['德', 'de'], ['迪', 'di'], ['科', 'ke'], ['宇', 'yu'], ['普', 'pu'], ['源', 'yuan'], ['达', 'da'], ['翰', 'han'], ['尔', 'er'], ['路', 'lu'], ['山', 'shan'], ['飞', 'fei'], ['火', 'huo'], ['能', 'neng'], ['信', 'xin'], ['诚', 'cheng'], ['通', 'tong'], ['辉', 'hui'], ['腾', 'teng'], ['远', 'yuan'], ['航', 'hang'], ['峰', 'feng'], ['晟', 'sheng']];
const FORMS: [string, string][] = [['科技有限公司', 'Technology Co., Ltd.'], ['股份有限公司', 'Co., Ltd.'], ['技术有限公司', 'Technologies Co., Ltd.']];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '晓东', '志强', '海燕', '建华'];
const POSITIONS = ['技术总监', '研发工程师', '首席科学家', '产品经理', '副总经理', '核心技术骨干'];
const PROJECT_TOPICS = ['高速光模块', '光纤激光器', '硅光芯片', '生物制剂', '智能传感', '储能电池', '工业软件', '显示面板', '精密测量', '环保催化剂', '医学影像', '北斗导航'];

/**
 * The years the figures are drawn for. Each is recorded as the fiscal year before it (CLOSED): on the day the data
 * run to (2025-11-01) the years closed are 2022–2024, and 2025 is not yet; the demo recorded 2023–2025 before, so on
 * any day it was loaded a three-year criterion found a year missing (a closed year short) and answered UNKNOWN for
 * every enterprise. The draws are those of before, under the year they were drawn for, so no figure moved.
 */
const FISCAL_YEARS = [2023, 2024, 2025];
const CLOSED = (year: number) => year - 1;
const INSTRUMENT_WEIGHTS = [
  ['CREDIT_LOAN', 28],
  ['TECH_INSURANCE', 18],
  ['FUND_INVESTMENT', 11],
  ['IP_PLEDGE_LOAN', 10],
  ['RISK_COMPENSATION', 7],
  ['REGIONAL_OTC_LISTING', 5],
  ['NEEQ_LISTING', 4],
  ['REINSURANCE', 4],
  ['COLLECTIVE_BOND', 3],
  ['SME_COLLECTIVE_NOTE', 3],
  ['SHORT_TERM_BILL', 3],
  ['MEDIUM_TERM_NOTE', 3],
] as const;
const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B'] as const;
const INSURANCE_KINDS = ['RD_LIABILITY', 'KEY_RD_EQUIPMENT', 'BUSINESS_INTERRUPTION', 'PRODUCT_QUALITY', 'SMALL_LOAN_GUARANTEE', 'KEY_STAFF_HEALTH_ACCIDENT', 'DIRECTORS_OFFICERS', 'PATENT_ENFORCEMENT'];
const NEEQ_STAGES = ['JOINT_STOCK_REFORM', 'FILING_ACCEPTED', 'REVIEW_FEEDBACK', 'APPROVAL_LETTER', 'LISTED'];
const FORMS_OF_INCENTIVE = ['EQUITY_SALE', 'EQUITY_AWARD', 'STOCK_OPTION', 'RESTRICTED_STOCK', 'TECHNOLOGY_AS_CAPITAL', 'PROJECT_DIVIDEND', 'POSITION_DIVIDEND'];
const TAX_PILOTS = ['RD_SUPER_DEDUCTION', 'EMPLOYEE_EDUCATION_DEDUCTION', 'EQUITY_AWARD_INSTALLMENTS', 'PARTNERSHIP_VC_DEDUCTION', 'TECH_TRANSFER_INCOME_RELIEF', 'CAPITALIZED_RESERVE_INSTALLMENTS'];
const TALENT_SCHEMES = ['HIGH_LEVEL_TALENT_REWARD', 'ENTREPRENEUR_TRAINING', 'RESEARCHER_PART_TIME', 'INTERNSHIP_BASE', 'PHD_RECRUITMENT'];
const TOTAL_CAP: Record<string, number> = { LARGE: 5, MEDIUM: 10, SMALL: 30, MICRO: 30 };

/** `n` in base 31 over the credit-code alphabet, `width` characters. */
function base31(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = CREDIT_CODE_ALPHABET[n % 31]! + s;
    n = Math.floor(n / 31);
  }
  return s;
}

/** The credit code of synthetic enterprise `index`: unique for every index below 31^6. */
export function syntheticCreditCode(index: number): string {
  // 7919 is prime to 31^6, so the subjects of consecutive indexes look unrelated yet never collide.
  return makeCreditCode('420100', `MA4${base31((index * 7919 + 104_729) % 887_503_681, 6)}`);
}

function patentNumber(year: number, typeDigit: number, serial: number): string {
  const digits = `${year}${typeDigit}${String(serial % 10_000_000).padStart(7, '0')}`;
  return `ZL${digits}.${patentCheckDigit(digits)}`;
}

/** The earliest start of a demo NEEQ listing: two months (one stage) before the pilot reached East Lake on 2012-08-03. */
const NEEQ_REFORM_FROM = '2012-06-03';

/**
 * The stages of a NEEQ listing begun on `start` and drawn to reach stage `drawn`: one every two months, each after the
 * first on a day the regulator and the exchange work (the listing itself on a trading day), and only those reached by
 * the data's day.
 */
export function neeqStageHistory(start: string, drawn: number, dataDay = DATA_ANCHOR): { stage: string; on: string }[] {
  const history: { stage: string; on: string }[] = [];
  for (let s = 0; s <= drawn; s++) {
    const on = s === 0 ? start : tradingDayOnOrBefore(addMonths(start, s * 2));
    if (s > 0 && on > dataDay) break;
    history.push({ stage: NEEQ_STAGES[s]!, on });
  }
  return history;
}

/** What each kind of patent (the type digit of its number) may be titled: the four words the generator draws from. */
const PATENT_TITLE_WORDS: Record<number, readonly string[]> = {
  // Only an invention patent may claim a method or process.
  1: ['装置', '方法', '系统', '结构'],
  // A utility model protects a product's shape or structure, never a method (专利法 第二条).
  2: ['装置', '组件', '系统', '结构'],
  // A design protects a product's appearance and is titled by the product.
  3: ['设备', '外壳', '终端', '机箱'],
};
const PATENT_KIND_NAMES: Record<number, string> = { 1: '发明专利', 2: '实用新型专利', 3: '外观设计专利' };

/**
 * A patent's title for its type: 一种…方法 only for inventions; a design is titled by its product (…（外观）).
 * The word is chosen by `word` (0–3), one draw whatever the type, so the zone's other figures stay where they were.
 */
export function patentTitle(typeDigit: number, topic: string, word: number): string {
  const noun = PATENT_TITLE_WORDS[typeDigit]![word]!;
  return typeDigit === 3 ? `${topic}${noun}（外观）` : `一种${topic}${noun}`;
}

/** The enterprise facts a generated enterprise starts from (named demo enterprises pass their own). */
export interface EnterpriseSeed {
  key: string;
  creditCode: string;
  name: string;
  /** The words a synthetic name is made of (spelled in pinyin word by word, see `namePinyinOfWords`). */
  nameWords?: string[];
  nameEn: string;
  industry: string;
  parkCode: string;
  clusterCode: string | null;
  foundedOn: string;
  registeredCapital: string;
  size: string;
  stateOwned: boolean;
  /** The university that owns (controls) it: a university enterprise (校办企业). */
  universityKey: string | null;
  /**
   * The university it does most of its joint research with when that one does not (or no longer) own it: 华工科技
   * still works with 华中科技大学, whose spin-off it is, after the university let go of it in 2021.
   */
  researchUniversityKey?: string;
  /** Listed on a stock exchange: then it holds no NEEQ or regional equity-market listing. */
  exchangeListing?: { exchange: string; stockCode: string };
  /** A key unit of the equity incentive pilot: it always has a plan, marked as the pilot's. */
  pilotKeyUnit?: boolean;
  /**
   * A tech insurance policy in force and no dishonest-debtor check on record: the demo's certain UNKNOWN for the tech
   * insurance subsidy (certified, insured, but nobody has checked it), whatever else the generator drew.
   */
  insuredWithoutCheck?: boolean;
  /** Qualifications it holds (a named enterprise's, fixed; generated ones draw theirs), each `years` long from `validFrom`. */
  qualifications?: { kind: string; validFrom: string; years: number }[];
  /** What the equity incentive scope reads (a named enterprise's, as known; null: not known); generated ones draw it. */
  scope?: { listedOnExchange: boolean | null; convertedInstitute: boolean | null; investedByConvertedInstitute: boolean | null; investedByAcademia: boolean | null };
}

/**
 * The scope facts of the equity incentive rules for a generated enterprise, from a side random: about one in ten of
 * each not known; a quarter of large enterprises listed on an exchange, few others; a fifth of state-owned ones
 * converted institutes; a university enterprise invested in by academia.
 */
function scopeOf(seed: EnterpriseSeed): NonNullable<EnterpriseSeed['scope']> {
  if (seed.scope) return seed.scope;
  const side = sideRandom(`scope:${seed.creditCode}`);
  const known = <T>(value: () => T): T | null => (side.chance(0.1) ? null : value());
  return {
    listedOnExchange: known(() => side.chance(seed.size === 'LARGE' ? 0.25 : 0.03)),
    convertedInstitute: known(() => seed.stateOwned && side.chance(0.2)),
    investedByConvertedInstitute: known(() => side.chance(0.04)),
    investedByAcademia: seed.universityKey ? true : known(() => side.chance(0.05)),
  };
}

export interface GeneratorOptions {
  /** Chance of an equity incentive plan per enterprise. */
  incentiveRate: number;
}

/** Makes the facts of synthetic enterprise `index`. */
export function syntheticEnterprise(index: number, r: Random): EnterpriseSeed {
  const industry = r.weighted(INDUSTRY_WEIGHTS);
  const place = r.pick(PLACES);
  const first = r.pick(FIRST);
  const second = r.pick(SECOND);
  const word = r.pick(INDUSTRY_WORDS[industry]!);
  const form = r.pick(FORMS);
  const size = r.weighted([['LARGE', 3], ['MEDIUM', 17], ['SMALL', 50], ['MICRO', 30]] as const);
  const capital = Math.exp(r.normal(size === 'LARGE' ? 19.5 : size === 'MEDIUM' ? 17.5 : 15.5, 0.8));
  return {
    key: `synthetic:${index}`,
    creditCode: syntheticCreditCode(index),
    name: `${place[0]}${first[0]}${second[0]}${word[0]}${form[0]}`,
    nameWords: [place[0], first[0], second[0], word[0], form[0]],
    nameEn: `${place[1]} ${first[1]}${second[1]} ${word[1]} ${form[1]}`,
    industry,
    parkCode: industry === 'BIOMEDICINE' && r.chance(0.8) ? 'BIOLAKE' : r.pick(PARKS).code,
    clusterCode: CLUSTER_OF[industry] && r.chance(0.7) ? CLUSTER_OF[industry]! : industry === 'OPTOELECTRONIC_INFORMATION' && r.chance(0.3) ? 'LASER' : null,
    foundedOn: r.date('1988-01-01', '2024-06-30'),
    registeredCapital: yuan(capital),
    size,
    stateOwned: r.chance(size === 'LARGE' ? 0.4 : 0.05),
    universityKey: r.chance(0.03) ? r.pick(['HUST', 'WHU', 'WUT', 'CCNU', 'CUG', 'HZAU']) : null,
  };
}

const ids = {
  park: (code: string) => PARKS.find((p) => p.code === code)!.id,
  cluster: (code: string) => CLUSTERS.find((c) => c.code === code)!.id,
  institution: (key: string) => INSTITUTIONS.find((i) => i.key === key)!.id,
};

/**
 * Generates one enterprise and everything it holds into `out`. `peers` are enterprises generated before in the
 * same batch, co-issuers of collective bonds. Deterministic for a given Random state.
 */
/**
 * The national high-tech field (国家重点支持的高新技术领域) an enterprise of a zone industry is most often classified
 * under. The classification is of its technology, not its industry, so some are classified otherwise (below).
 */
const FIELD_OF_INDUSTRY: Record<string, string> = {
  OPTOELECTRONIC_INFORMATION: 'ELECTRONIC_INFORMATION',
  INTEGRATED_CIRCUITS: 'ELECTRONIC_INFORMATION',
  NEW_DISPLAYS: 'ELECTRONIC_INFORMATION',
  BIOMEDICINE: 'BIOLOGY_AND_NEW_MEDICINE',
  NEW_MATERIALS: 'NEW_MATERIALS',
  NEW_ENERGY: 'NEW_ENERGY_AND_ENERGY_SAVING',
  ENERGY_SAVING_ENVIRONMENTAL: 'RESOURCES_AND_ENVIRONMENT',
  HIGH_END_EQUIPMENT: 'ADVANCED_MANUFACTURING_AND_AUTOMATION',
  HIGH_TECH_SERVICES: 'HIGH_TECH_SERVICES',
};

/** The GB/T 4754 sector a zone industry's enterprises usually have: they make things, but services are in I. */
const SECTOR_OF_INDUSTRY: Record<string, string> = {
  OPTOELECTRONIC_INFORMATION: 'MANUFACTURING',
  INTEGRATED_CIRCUITS: 'MANUFACTURING',
  NEW_DISPLAYS: 'MANUFACTURING',
  BIOMEDICINE: 'MANUFACTURING',
  NEW_MATERIALS: 'MANUFACTURING',
  NEW_ENERGY: 'MANUFACTURING',
  ENERGY_SAVING_ENVIRONMENTAL: 'MANUFACTURING',
  HIGH_END_EQUIPMENT: 'MANUFACTURING',
  HIGH_TECH_SERVICES: 'INFORMATION_AND_SOFTWARE',
};

/**
 * The sector of an enterprise's principal business. The named ones: their industry's usual one. Generated ones,
 * from a side stream keyed on the record (no earlier figure moves): about one in twelve not classified yet, one in
 * ten in R&D and technical services, and a few whose principal business is on the super-deduction's negative list
 * (a trading arm: wholesale and retail; a leasing or business services firm).
 */
function economicSectorOf(seed: EnterpriseSeed): string | null {
  if (!seed.key.startsWith('synthetic:')) return SECTOR_OF_INDUSTRY[seed.industry]!;
  const side = sideRandom(`sector:${seed.creditCode}`);
  const u = side.next();
  if (u < 0.08) return null;
  if (u < 0.18) return 'RESEARCH_AND_TECHNICAL_SERVICES';
  if (u < 0.22) return 'WHOLESALE_AND_RETAIL';
  if (u < 0.24) return 'LEASING_AND_BUSINESS_SERVICES';
  return SECTOR_OF_INDUSTRY[seed.industry]!;
}

/**
 * A Random of its own for figures added after the demo's first draws (total income, R&D staff, the high-tech
 * field): drawn from the key, so adding them moved none of the earlier figures.
 */
const sideRandom = (key: string) => new Random(parseInt(seedUuid(`side:${key}`).slice(0, 8), 16));

export function generateEnterprise(
  index: number,
  seed: EnterpriseSeed,
  r: Random,
  out: Tables,
  peers: EnterpriseSeed[],
  options: GeneratorOptions,
): void {
  const eid = seedUuid(`enterprise:${seed.creditCode}`);
  const firstInstrument = out['financing_instrument']!.length;
  const firstPledge = out['ip_pledge']!.length;
  const enterpriseRow: Row = {
    id: eid,
    credit_code: seed.creditCode,
    name: seed.name,
    name_pinyin: seed.nameWords ? namePinyinOfWords(seed.nameWords) : namePinyin(seed.name),
    name_en: seed.nameEn,
    industry: seed.industry,
    // Generated ones: about one in eight not classified yet, one in ten classified under advanced manufacturing
    // (a laser maker, say); the named ones under their industry's usual field.
    high_tech_field: ((side) =>
      !seed.key.startsWith('synthetic:') ? FIELD_OF_INDUSTRY[seed.industry]!
      : side.chance(0.12) ? null
      : side.chance(0.1) ? 'ADVANCED_MANUFACTURING_AND_AUTOMATION'
      : FIELD_OF_INDUSTRY[seed.industry]!)(sideRandom(`field:${seed.creditCode}`)),
    economic_sector: economicSectorOf(seed),
    park_id: ids.park(seed.parkCode),
    cluster_id: seed.clusterCode ? ids.cluster(seed.clusterCode) : null,
    founded_on: seed.foundedOn,
    registered_capital: seed.registeredCapital,
    size: seed.size,
    state_owned: seed.stateOwned,
    university_id: seed.universityKey ? ids.institution(seed.universityKey) : null,
    ...((scope) => ({
      listed_on_exchange: scope.listedOnExchange,
      converted_institute: scope.convertedInstitute,
      invested_by_converted_institute: scope.investedByConvertedInstitute,
      invested_by_academia: scope.investedByAcademia,
    }))(scopeOf(seed)),
  };
  out['enterprise']!.push(enterpriseRow);
  const k = seed.creditCode;

  // Yearly figures: revenue scales with size, R&D share 1–12%, most high-tech revenue.
  const base = Math.exp(r.normal(seed.size === 'LARGE' ? 21 : seed.size === 'MEDIUM' ? 18.5 : seed.size === 'SMALL' ? 16.5 : 15, 0.7));
  const rdShare = Math.min(0.2, Math.max(0.005, r.normal(0.05, 0.025)));
  const reports = r.chance(0.9);
  const foundedYear = Number(seed.foundedOn.slice(0, 4));
  if (reports) {
    for (const year of FISCAL_YEARS) {
      if (year <= foundedYear) continue;
      const revenue = base * (1 + (year - 2023) * r.normal(0.08, 0.05));
      const rd = revenue * rdShare * r.normal(1, 0.1);
      const employees = Math.max(3, Math.round(revenue / r.normal(600_000, 100_000)));
      const side = sideRandom(`fy:${k}:${year}`);
      out['fiscal_year_financials']!.push({
        id: seedUuid(`fy:${k}:${year}`),
        enterprise_id: eid,
        fiscal_year: CLOSED(year),
        revenue: yuan(revenue),
        rd_expense: yuan(Math.max(0, rd)),
        rd_expense_in_china: yuan(Math.max(0, rd) * Math.min(1, r.normal(0.95, 0.03))),
        high_tech_revenue: yuan(revenue * Math.min(0.98, Math.max(0.2, r.normal(0.7, 0.15)))),
        employees,
        st_staff: Math.max(1, Math.min(employees, Math.round(employees * Math.min(0.7, Math.max(0.05, r.normal(0.25, 0.1)))))),
      });
      const row = out['fiscal_year_financials']!.at(-1)!;
      // Total income: sales revenue and other income (subsidies, investment income), 0–15% more; most report it.
      row['total_income'] = side.chance(0.92) ? yuan(revenue * (1 + Math.max(0, side.normal(0.05, 0.04)))) : null;
      // R&D staff: part of the S&T staff (35–85% of it); not every enterprise reports them.
      row['rd_staff'] = side.chance(0.9) ? Math.round((row['st_staff'] as number) * Math.min(0.85, Math.max(0.35, side.normal(0.6, 0.15)))) : null;
      // The innovation-capability score of a certification on these figures (most around 75; none for one in five), and
      // incidents: about one in a hundred reports a major one, one in twenty-five reports nothing.
      row['innovation_score'] = side.chance(0.8) ? Math.min(98, Math.max(40, Math.round(side.normal(75, 9)))) : null;
      row['major_incident'] = side.chance(0.04) ? null : side.chance(0.01);
    }
  }

  // High-tech certificate: about half the enterprises, issued 2019–2025.
  const named = !seed.key.startsWith('synthetic:');
  if (named || r.chance(0.5)) {
    const issued = r.date(named ? '2024-01-01' : '2019-01-01', '2025-10-31');
    out['high_tech_certificate']!.push({
      id: seedUuid(`cert:${k}`),
      enterprise_id: eid,
      number: `GR${issued.slice(0, 4)}42${String(index % 1_000_000).padStart(6, '0')}`,
      issued_on: issued,
      expires_on: addYears(issued, 3, 1),
      criteria_version: 'RULES_2016',
    });
  }

  // Patents, most granted, half of them appraised.
  const patents: { id: string; appraisalId: string | null; value: number; valid: boolean; typeDigit: number }[] = [];
  const patentCount = r.chance(0.65) ? r.int(1, 5) : 0;
  for (let p = 0; p < patentCount; p++) {
    const year = r.int(2012, 2024);
    const typeDigit = r.weighted([[1, 5], [2, 4], [3, 1]] as const);
    // index·8 + p: unique across the zone (up to 1.25 million enterprises) whatever the year and type.
    const number = patentNumber(year, typeDigit, index * 8 + p);
    const pid = seedUuid(`patent:${number}`);
    const status = r.weighted([['VALID', 80], ['PENDING', 8], ['LAPSED', 7], ['EXPIRED', 3], ['INVALIDATED', 2]] as const);
    const granted = status === 'PENDING' ? null : addMonths(`${year}-01-15`, r.int(12, 30));
    out['patent']!.push({
      id: pid,
      owner_id: eid,
      number,
      type: typeDigit === 1 ? 'INVENTION' : typeDigit === 2 ? 'UTILITY_MODEL' : 'DESIGN',
      title: patentTitle(typeDigit, r.pick(PROJECT_TOPICS), r.int(0, 3)),
      legal_status: status,
      granted_on: granted && granted > '2025-11-01' ? '2025-11-01' : granted,
    });
    let appraisalId: string | null = null;
    const value = Math.round(Math.exp(r.normal(14.5, 0.8)));
    if (status === 'VALID' && r.chance(0.6)) {
      appraisalId = seedUuid(`appraisal:${pid}`);
      out['patent_appraisal']!.push({
        id: appraisalId,
        patent_id: pid,
        appraiser: r.pick(APPRAISERS),
        value: yuan(value),
        appraised_on: r.date('2022-01-01', '2025-10-31'),
      });
    }
    patents.push({ id: pid, appraisalId, value, valid: status === 'VALID', typeDigit });
  }

  // Instruments: about five per enterprise.
  const earliest = seed.foundedOn > '2012-01-01' ? seed.foundedOn : '2012-01-01';
  const count = Math.max(0, Math.round(r.normal(5, 2.2)));
  const loans: { id: string; amount: number; start: string; end: string }[] = [];
  const policies: { id: string; amount: number; policyNo: string }[] = [];
  let listedSomewhere = false;
  for (let n = 0; n < count; n++) {
    const kind = r.weighted(INSTRUMENT_WEIGHTS);
    const iid = seedUuid(`instrument:${k}:${n}`);
    const start = r.date(earliest, '2025-10-31');
    const row: Row = { id: iid, kind, start_date: start, end_date: null };
    const holders: [string, string][] = [[eid, '100']];
    const stale = start < '2021-01-01';
    switch (kind) {
      case 'CREDIT_LOAN':
      case 'IP_PLEDGE_LOAN': {
        const pledgeable = patents.filter((p) => p.valid && p.appraisalId);
        if (kind === 'IP_PLEDGE_LOAN' && pledgeable.length === 0) continue;
        const term = r.pick([12, 24, 36, 60]);
        const bank = r.pick(BANKS.filter((b) => !b.planned));
        const branches = BRANCHES.filter((b) => b.bankId === bank.id);
        const end = addMonths(start, term);
        const amount =
          kind === 'IP_PLEDGE_LOAN'
            ? Math.round(pledgeable.reduce((s, p) => s + p.value, 0) * r.normal(0.4, 0.08) / 10_000) * 10_000
            : Math.round(Math.exp(r.normal(15.2, 0.9)) / 10_000) * 10_000;
        Object.assign(row, {
          status: end < '2025-11-01' ? r.weighted([['COMPLETED', 92], ['DEFAULTED', 5], ['TERMINATED', 3]] as const) : r.chance(0.03) ? 'DEFAULTED' : 'ACTIVE',
          amount: yuan(Math.max(100_000, amount)),
          end_date: end,
          lender_id: bank.id,
          lender_branch_id: branches.length && r.chance(0.7) ? r.pick(branches).id : null,
          contract_no: `${bank.key}-${start.slice(0, 4)}-${iid.slice(0, 8).toUpperCase()}`,
          interest_rate: r.pick(['3.4500', '3.6500', '3.8500', '4.3500', '4.7500', '5.2000']),
          term_months: term,
          rating_used: r.pick(RATINGS),
        });
        if (kind === 'IP_PLEDGE_LOAN') {
          const status = row['status'];
          const open = status === 'ACTIVE' || status === 'PENDING';
          // A patent is pledged under one open loan at a time.
          const chosen = pledgeable.slice(0, r.int(1, pledgeable.length));
          if (open) pledgeable.forEach((p) => chosen.includes(p) && (p.valid = false));
          Object.assign(row, {
            pledge_registration_no: `Y${start.slice(0, 4)}42${String(parseInt(iid.slice(0, 6), 16)).padStart(8, '0')}`,
            guarantor: r.chance(0.5) ? r.pick(GUARANTORS) : null,
            guarantee_share: r.chance(0.5) ? r.pick(['30.0000', '40.0000', '50.0000']) : null,
            risk_compensation_share: r.chance(0.5) ? r.pick(['20.0000', '30.0000']) : null,
          });
          // Registered when the loan starts; the registration is cancelled when a repaid or terminated loan ends (a
          // defaulted loan's bank holds it). Overlaps between loans are settled once the enterprise is generated.
          const cancelled = status === 'COMPLETED' || status === 'TERMINATED' ? end : null;
          for (const p of chosen) {
            out['ip_pledge']!.push({
              id: seedUuid(`pledge:${iid}:${p.id}`),
              loan_id: iid,
              patent_id: p.id,
              appraisal_id: p.appraisalId,
              registered_on: start,
              cancelled_on: cancelled,
            });
          }
        }
        loans.push({ id: iid, amount: Number(String(row['amount']).slice(0, -3)), start, end });
        break;
      }
      case 'TECH_INSURANCE': {
        const sum = Math.round(Math.exp(r.normal(15.5, 1)) / 10_000) * 10_000 + 100_000;
        const premium = Math.round(sum * r.normal(0.012, 0.003));
        const claimed = r.chance(0.7) ? Math.round(premium * r.pick([0.25, 0.4, 0.5, 0.7])) : null;
        const end = addYears(start, 1, 1);
        const policyNo = `P${start.slice(0, 4)}${iid.slice(0, 10).toUpperCase()}`;
        Object.assign(row, {
          status: end < '2025-11-01' ? 'COMPLETED' : 'ACTIVE',
          amount: yuan(sum),
          end_date: end,
          insurer_id: r.pick(INSURERS.filter((i) => !i.reinsurer)).id,
          policy_no: policyNo,
          insurance_kind: r.pick(INSURANCE_KINDS),
          premium: yuan(Math.max(1000, premium)),
          subsidy_claimed: claimed === null ? null : yuan(claimed),
          subsidy_approved: claimed === null ? null : yuan(claimed * (r.chance(0.8) ? 1 : 0.5)),
        });
        policies.push({ id: iid, amount: sum, policyNo });
        break;
      }
      case 'REINSURANCE': {
        const policy = policies.length ? r.pick(policies) : null;
        if (!policy) continue;
        const share = r.pick([20, 30, 40, 50]);
        Object.assign(row, {
          status: 'ACTIVE',
          amount: yuan((policy.amount * share) / 100),
          reinsurer_id: r.pick(INSURERS.filter((i) => i.reinsurer)).id,
          underlying_policy_id: policy.id,
          treaty_no: `T${start.slice(0, 4)}-${iid.slice(0, 6).toUpperCase()}`,
          ceded_share: `${share}.0000`,
        });
        break;
      }
      case 'FUND_INVESTMENT': {
        const fund = r.pick(FUNDS);
        Object.assign(row, {
          status: stale && r.chance(0.4) ? 'COMPLETED' : 'ACTIVE',
          amount: yuan(Math.round(Math.exp(r.normal(16, 1)) / 100_000) * 100_000 + 500_000),
          fund_id: fund.id,
          stake: `${r.int(2, 25)}.${String(r.int(0, 99)).padStart(2, '0')}00`,
        });
        break;
      }
      case 'RISK_COMPENSATION': {
        const loan = loans.length ? r.pick(loans) : null;
        if (!loan) continue;
        const pool = r.pick(POOLS);
        const ratio = Number(pool.coverageRatio);
        const cap = Math.min(Number(pool.capPerLoan), Math.round((loan.amount * ratio) / 100));
        Object.assign(row, {
          status: loan.end < '2025-11-01' ? 'COMPLETED' : 'ACTIVE',
          amount: yuan(cap),
          start_date: loan.start,
          end_date: loan.end,
          pool_id: pool.id,
          covered_loan_id: loan.id,
          coverage_ratio: `${ratio}.0000`,
        });
        if (r.chance(0.1)) {
          const claim = Math.round(cap * r.normal(0.5, 0.15));
          out['risk_compensation_claim']!.push({
            id: seedUuid(`claim:${iid}`),
            cover_id: iid,
            claimed_on: loan.end < '2025-11-01' ? loan.end : '2025-10-01',
            amount: yuan(Math.min(cap, Math.max(1000, claim))),
            status: r.pick(['FILED', 'PAID', 'REJECTED']),
            paid_amount: null,
          });
        }
        break;
      }
      case 'REGIONAL_OTC_LISTING':
        Object.assign(row, {
          status: r.chance(0.9) ? 'ACTIVE' : 'TERMINATED',
          amount: yuan(r.chance(0.5) ? 0 : Math.round(Math.exp(r.normal(15, 1)) / 10_000) * 10_000),
          centre: OTC_CENTRE,
          board: r.pick(['科技板', '成长板', '展示板']),
          custody_code: `WH${String(parseInt(iid.slice(0, 6), 16) % 1_000_000).padStart(6, '0')}`,
        });
        // A company listed on an exchange has no business on a regional equity market (draws made, row dropped).
        if (seed.exchangeListing) continue;
        break;
      case 'NEEQ_LISTING': {
        const drawnStage = r.weighted([[4, 70], [0, 6], [1, 8], [2, 8], [3, 8]] as const);
        // Filed no earlier than the day the pilot reached East Lake (2012-08-03), two months after the reform began.
        const begun = start < NEEQ_REFORM_FROM ? NEEQ_REFORM_FROM : start;
        row['start_date'] = begun;
        const history = neeqStageHistory(begun, drawnStage);
        // A stage is reached only by the data's day: one drawn as listed by a process begun late is still under way.
        const stageIndex = history.length - 1;
        const listed = stageIndex === 4;
        const pilotEra = begun < '2013-01-01';
        // The draws as they were before a stage could come out later than drawn, whatever is kept of them.
        const amount = drawnStage === 4 ? Math.round(Math.exp(r.normal(16.5, 0.8)) / 10_000) * 10_000 : 0;
        const prefix = drawnStage === 4 ? (pilotEra ? '43' : r.pick(['83', '87'])) : null;
        const broker = r.pick(BROKERS);
        const tier = drawnStage === 4 && !pilotEra ? r.pick(['BASE', 'INNOVATION']) : null;
        // The code follows the listing date: 430xxx before the nationwide NEEQ of 2014.
        const listedOn = listed ? history[4]!.on : null;
        const serial = parseInt(iid.slice(0, 6), 16);
        Object.assign(row, {
          status: listed ? 'ACTIVE' : 'PENDING',
          amount: yuan(listed ? amount : 0),
          stock_code:
            listedOn === null ? null : listedOn < '2014-01-01' ? `430${String(serial % 1000).padStart(3, '0')}` : `${prefix === '43' ? '83' : prefix}${String(serial % 10_000).padStart(4, '0')}`,
          sponsor_broker: broker,
          tier: listed ? tier : null,
          stage: NEEQ_STAGES[stageIndex],
          stage_history: JSON.stringify(history),
          first_batch: pilotEra && r.chance(0.5),
          listed_company_id: eid,
        });
        // One live listing per company (a second one drawn is dropped, its draws made), and none for a company
        // listed on an exchange already: the draws are made all the same, so the rest of the zone stays as it was.
        if (listedSomewhere || seed.exchangeListing) continue;
        // Only a joint-stock company (股份有限公司) files with NEEQ: the reform renamed a generated 有限公司; a named one
        // keeps the name it really has, so it holds no listing past the reform.
        if (stageIndex > 0 && !seed.name.endsWith('股份有限公司')) {
          if (named) continue;
          enterpriseRow['name'] = seed.name.replace(/有限公司$/, '股份有限公司');
          enterpriseRow['name_pinyin'] = seed.nameWords
            ? namePinyinOfWords(seed.nameWords.map((w, i) => (i === seed.nameWords!.length - 1 ? w.replace(/有限公司$/, '股份有限公司') : w)))
            : namePinyin(enterpriseRow['name'] as string);
        }
        listedSomewhere = true;
        break;
      }
      default: {
        // Bonds and notes. Collective issues take co-issuers from the enterprises generated just before.
        const collective = kind === 'COLLECTIVE_BOND' || kind === 'SME_COLLECTIVE_NOTE';
        const co = collective ? peers.slice(-r.int(1, 3)) : [];
        if (collective && co.length === 0) continue;
        const tenor = kind === 'SHORT_TERM_BILL' ? r.pick([6, 9, 12]) : kind === 'MEDIUM_TERM_NOTE' ? r.pick([36, 60]) : r.pick([36, 60, 72]);
        const end = addMonths(start, tenor);
        Object.assign(row, {
          status: end < '2025-11-01' ? r.weighted([['COMPLETED', 96], ['DEFAULTED', 4]] as const) : 'ACTIVE',
          amount: yuan(Math.round(Math.exp(r.normal(18, 0.6)) / 1_000_000) * 1_000_000 + 10_000_000),
          end_date: end,
          code: `${kind === 'SHORT_TERM_BILL' ? '0' : kind === 'MEDIUM_TERM_NOTE' ? '1' : '2'}${start.slice(2, 4)}${String(index).padStart(7, '0')}${n}`,
          underwriter: r.pick(UNDERWRITERS),
          coupon_rate: r.pick(['3.2000', '3.9000', '4.5000', '5.8000', '6.5000']),
          tenor_months: tenor,
          rating: r.pick(['AAA', 'AA', 'A']),
          guarantor: collective ? r.pick(GUARANTORS) : null,
        });
        if (collective) {
          const shares = co.length === 1 ? ['60', '40'] : co.length === 2 ? ['50', '30', '20'] : ['40', '20', '20', '20'];
          holders[0] = [eid, shares[0]!];
          co.forEach((peer, c) => holders.push([seedUuid(`enterprise:${peer.creditCode}`), shares[c + 1]!]));
        }
      }
    }
    out['financing_instrument']!.push(row);
    holders.forEach(([enterpriseId, share], h) =>
      out['instrument_holder']!.push({
        id: seedUuid(`holder:${iid}:${enterpriseId}`),
        instrument_id: iid,
        enterprise_id: enterpriseId,
        share: `${share}.0000`,
        lead: h === 0,
      }),
    );
  }

  // An industry–university–research project for most enterprises.
  if (r.chance(0.85)) {
    const pid = seedUuid(`project:${k}`);
    const start = r.date('2015-01-01', '2025-06-30');
    const done = start < '2022-01-01';
    out['research_project']!.push({
      id: pid,
      title: `${r.pick(PROJECT_TOPICS)}关键技术联合攻关`,
      status: done ? 'COMPLETED' : r.chance(0.1) ? 'PLANNED' : 'ACTIVE',
      start_date: start,
      end_date: done ? addYears(start, r.int(1, 3)) : null,
      platform: r.chance(0.3) ? `${seed.name.slice(0, 4)}联合研发中心` : null,
      disposal_rights_pilot: r.chance(0.25),
    });
    // A university enterprise (or a former one) mostly works with its own university.
    const ownKey = seed.universityKey ?? seed.researchUniversityKey;
    const own = ownKey ? INSTITUTIONS.find((i) => i.key === ownKey) : undefined;
    const lead = own && r.chance(0.8) ? own : r.pick(INSTITUTIONS);
    const parts: Row[] = [
      { enterprise_id: eid, institution_id: null, role: 'FUNDER' },
      { enterprise_id: null, institution_id: lead.id, role: 'LEAD_RESEARCH_INSTITUTION' },
    ];
    if (r.chance(0.3)) {
      const other = r.pick(INSTITUTIONS.filter((i) => i.id !== lead.id));
      parts.push({ enterprise_id: null, institution_id: other.id, role: 'PARTNER' });
    }
    const partner = peers.length && r.chance(0.2) ? peers[peers.length - 1]! : null;
    if (partner) parts.push({ enterprise_id: seedUuid(`enterprise:${partner.creditCode}`), institution_id: null, role: 'PARTNER' });
    parts.forEach((p, i) => out['project_participant']!.push({ id: seedUuid(`participant:${pid}:${i}`), project_id: pid, ...p }));
    const budget = Math.exp(r.normal(14, 0.8));
    out['project_budget_line']!.push({ id: seedUuid(`budget:${pid}:e`), project_id: pid, source: 'ENTERPRISE', amount: yuan(budget) });
    if (r.chance(0.5)) {
      out['project_budget_line']!.push({ id: seedUuid(`budget:${pid}:g`), project_id: pid, source: r.pick(['GOVERNMENT', 'TECH_TRANSFER_FUND']), amount: yuan(budget * 0.4) });
    }
    if (r.chance(0.2)) out['project_budget_line']!.push({ id: seedUuid(`budget:${pid}:u`), project_id: pid, source: 'UNIVERSITY', amount: yuan(budget * 0.2) });
    if (done || r.chance(0.3)) {
      const patent = patents[0];
      out['project_output']!.push({
        id: seedUuid(`output:${pid}:0`),
        project_id: pid,
        kind: patent ? 'PATENT' : r.pick(['TRANSFERRED_ACHIEVEMENT', 'PAPER', 'STANDARD', 'PRODUCT']),
        title: patent ? `联合申请${PATENT_KIND_NAMES[patent.typeDigit]}` : `${r.pick(PROJECT_TOPICS)}成果`,
        patent_id: patent ? patent.id : null,
      });
    }
  }

  // Incentive plans, within the 2016 caps whenever the enterprise is state-owned.
  if (seed.pilotKeyUnit || r.chance(options.incentiveRate)) {
    const form = r.pick(FORMS_OF_INCENTIVE);
    const planId = seedUuid(`plan:${k}`);
    const dividend = form === 'PROJECT_DIVIDEND' || form === 'POSITION_DIVIDEND';
    const cap = TOTAL_CAP[seed.size]!;
    const total = dividend ? null : Math.min(cap, r.int(2, 12));
    const approved = r.date('2016-06-01', '2025-06-30');
    out['equity_incentive_plan']!.push({
      id: planId,
      enterprise_id: eid,
      title: `${seed.name.slice(0, 6)}${approved.slice(0, 4)}年${form === 'STOCK_OPTION' ? '股票期权' : dividend ? '分红' : '股权'}激励计划`,
      form,
      status: r.pick(['APPROVED', 'IN_EFFECT', 'ENDED']),
      approved_on: approved,
      total_equity_share: total === null ? null : `${total}.0000`,
      profit_share: dividend ? `${r.int(5, 15)}.0000` : null,
      pilot_key_unit: seed.pilotKeyUnit ?? false,
      // What 财资〔2016〕4号 reads, drawn on the side so no earlier figure moved: a position dividend runs 1–3 years over
      // 10–30% of its staff; a project dividend (5–15%, so from industrialisation) 3–5 years.
      ...((side) => ({
        ends_on:
          form === 'POSITION_DIVIDEND' ? addYears(approved, side.int(1, 3), 1)
          : form === 'PROJECT_DIVIDEND' ? addYears(approved, side.int(3, 5), 1)
          : null,
        project_basis: form === 'PROJECT_DIVIDEND' ? 'INDUSTRIALIZATION' : null,
        net_asset_increase: form === 'EQUITY_AWARD' ? yuan(side.int(20, 400) * 1_000_000) : null,
        staff_in_post: form === 'POSITION_DIVIDEND' ? side.int(30, 3000) : null,
      }))(sideRandom(`plan:${k}`)),
    });
    const grants = dividend ? 0 : r.int(1, Math.min(4, total!));
    for (let g = 0; g < grants; g++) {
      const granted = approved;
      const option = form === 'STOCK_OPTION';
      const first = option ? addYears(granted, r.int(1, 2)) : null;
      out['equity_grant']!.push({
        id: seedUuid(`grant:${planId}:${g}`),
        plan_id: planId,
        grantee_name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
        position: r.pick(POSITIONS),
        equity_share: `${Math.min(3, Math.max(0.1, Math.floor((total! / grants) * 10) / 10)).toFixed(4)}`,
        service_years: form === 'EQUITY_AWARD' ? r.int(3, 15) : r.int(1, 15),
        // Awards go to key technical staff; an award's value is drawn on the side (¥0.2m–3m). Plans the demo drew
        // before the matched purchase was recorded have none (purchased_share null), as rows recorded then would.
        key_technical: form === 'EQUITY_AWARD',
        award_value: form === 'EQUITY_AWARD' ? yuan(sideRandom(`grant:${planId}:${g}`).int(2, 30) * 100_000) : null,
        granted_on: granted,
        first_exercise_on: first,
        exercise_deadline: first ? addYears(first, r.int(2, 5)) : null,
      });
    }
  }

  if (r.chance(0.1)) {
    const scheme = r.pick(TALENT_SCHEMES);
    out['talent_award']!.push({
      id: seedUuid(`talent:${k}`),
      enterprise_id: eid,
      scheme,
      recipient_name: scheme === 'INTERNSHIP_BASE' ? null : `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
      amount: yuan(r.pick([100_000, 200_000, 500_000, 1_000_000, 3_000_000])),
      awarded_on: r.date('2015-01-01', '2025-10-31'),
    });
  }

  if (reports && r.chance(0.35)) {
    const pilot = r.pick(TAX_PILOTS);
    const year = r.pick(FISCAL_YEARS);
    out['tax_pilot_usage']!.push({
      id: seedUuid(`tax:${k}:${pilot}:${year}`),
      enterprise_id: eid,
      pilot,
      fiscal_year: CLOSED(year),
      relief_amount: yuan(base * rdShare * 0.25 * r.normal(1, 0.2)),
    });
  }


  // A default is dated halfway through the instrument's term (and no later than the zone's data runs).
  for (const row of out['financing_instrument']!.slice(firstInstrument)) {
    if (row['status'] !== 'DEFAULTED') continue;
    const start = row['start_date'] as string;
    const end = (row['end_date'] as string | null) ?? addYears(start, 1);
    const months = Math.max(1, Math.round((Date.parse(end) - Date.parse(start)) / (2 * 30.44 * 86_400_000)));
    const mid = addMonths(start, months);
    row['defaulted_on'] = mid < '2025-10-31' ? mid : '2025-10-31';
  }

  // Registrations of one patent never overlap (the patent office registers a pledge of a patent not pledged): where
  // loans drawn apart would overlap, the earlier registration is cancelled the day the later one is made.
  const byPatent = new Map<unknown, Row[]>();
  for (const pledge of out['ip_pledge']!.slice(firstPledge)) byPatent.set(pledge['patent_id'], [...(byPatent.get(pledge['patent_id']) ?? []), pledge]);
  for (const pledges of byPatent.values()) {
    pledges.sort((a, b) => ((a['registered_on'] as string) < (b['registered_on'] as string) ? -1 : (a['registered_on'] as string) > (b['registered_on'] as string) ? 1 : 0));
    for (let i = 0; i + 1 < pledges.length; i++) {
      const next = pledges[i + 1]!['registered_on'] as string;
      const cancelled = pledges[i]!['cancelled_on'] as string | null;
      if (cancelled === null || cancelled > next) pledges[i]!['cancelled_on'] = next;
    }
  }

  creditStanding(k, eid, out);
  honours(index, seed, eid, out);
  if (seed.insuredWithoutCheck) insuredWithoutCheck(k, eid, out);
}

/** Who grants each qualification, how its numbers look (Y: the year it is valid from; N: the enterprise's serial), how long it lasts (design). */
const QUALIFICATIONS: Record<string, { issuer: string; number: (year: string, n: string) => string; years: number }> = {
  TECH_SME: { issuer: '湖北省科学技术厅', number: (y, n) => `${y}420100${n}`, years: 1 },
  INNOVATIVE_SME: { issuer: '湖北省经济和信息化厅', number: (y, n) => `CX${y}42${n}`, years: 3 },
  PROVINCIAL_SPECIALIZED_SME: { issuer: '湖北省经济和信息化厅', number: (y, n) => `ZJTX${y}42${n}`, years: 3 },
  LITTLE_GIANT: { issuer: '工业和信息化部', number: (y, n) => `XJR${y}${n}`, years: 3 },
  SINGLE_ITEM_CHAMPION: { issuer: '工业和信息化部', number: (y, n) => `DXGJ${y}${n}`, years: 3 },
  GAZELLE: { issuer: '武汉东湖新技术开发区管理委员会', number: (y, n) => `DL${y}${n}`, years: 1 },
  POTENTIAL_UNICORN: { issuer: '武汉东湖新技术开发区管理委员会', number: (y, n) => `QZDJS${y}${n}`, years: 1 },
  UNICORN: { issuer: '武汉东湖新技术开发区管理委员会', number: (y, n) => `DJS${y}${n}`, years: 1 },
};

/**
 * What the 科技型中小企业 evaluation reads and the zone's honours: total assets of each fiscal year (about one
 * enterprise in eight does not report them), qualifications, and awards of the named talent programmes with their
 * batch and year. Drawn from a generator of the enterprise's own, as creditStanding's are, so every figure generated
 * before stays as it was.
 */
function honours(index: number, seed: EnterpriseSeed, eid: string, out: Tables): void {
  const k = seed.creditCode;
  const r = new Random(parseInt(seedUuid(`honours:${k}`).slice(0, 8), 16));
  const years = out['fiscal_year_financials']!.filter((y) => y['enterprise_id'] === eid);
  const reportsAssets = r.chance(0.88);
  for (const y of years) y['total_assets'] = reportsAssets ? yuan(Number(y['revenue']) * Math.max(0.3, r.normal(1.1, 0.35))) : null;

  const serial = String(index % 1_000_000).padStart(6, '0');
  const add = (kind: string, validFrom: string, years = QUALIFICATIONS[kind]!.years) => {
    const q = QUALIFICATIONS[kind]!;
    out['qualification']!.push({
      id: seedUuid(`qualification:${k}:${kind}:${validFrom}`),
      enterprise_id: eid,
      kind,
      number: q.number(validFrom.slice(0, 4), serial),
      valid_from: validFrom,
      valid_to: addYears(validFrom, years, 1),
      issuer: q.issuer,
    });
  };
  // A named enterprise holds what its seed says (none when it says nothing); a generated one draws its own.
  if (!seed.key.startsWith('synthetic:')) {
    for (const q of seed.qualifications ?? []) add(q.kind, q.validFrom, q.years);
  } else {
    // Registered as a tech SME this year (or, now and then, only last year: lapsed) when small enough to be one.
    const latest = years.sort((a, b) => Number(b['fiscal_year']) - Number(a['fiscal_year']))[0];
    const small = latest && Number(latest['employees']) <= 500 && Number(latest['revenue']) <= 200_000_000;
    if (small && r.chance(0.45)) add('TECH_SME', r.chance(0.8) ? r.date('2025-03-01', '2025-10-31') : r.date('2024-03-01', '2024-10-31'));
    const sme = seed.size !== 'LARGE';
    if (sme && r.chance(0.12)) add('INNOVATIVE_SME', r.date('2021-06-01', '2025-10-31'));
    if (sme && r.chance(0.07)) add('PROVINCIAL_SPECIALIZED_SME', r.date('2021-06-01', '2025-10-31'));
    if (sme && r.chance(0.03)) add('LITTLE_GIANT', r.date('2021-06-01', '2025-10-31'));
    if (!sme && r.chance(0.2)) add('SINGLE_ITEM_CHAMPION', r.date('2021-06-01', '2025-10-31'));
    if (r.chance(0.06)) add('GAZELLE', r.date('2024-06-01', '2025-10-31'));
    if (r.chance(0.05)) add(r.chance(0.4) ? 'UNICORN' : 'POTENTIAL_UNICORN', r.date('2024-06-01', '2025-10-31'));
  }

  // The named talent programmes select in yearly batches; an award is paid in the first half of the next year. The
  // named enterprises with honours have a 3551光谷人才计划 awardee each.
  const programme = seed.qualifications?.length ? 'OPTICS_VALLEY_3551' : r.chance(0.06) ? 'OPTICS_VALLEY_3551' : r.chance(0.03) ? 'WUHAN_YINGCAI' : null;
  if (programme) {
    const year = programme === 'OPTICS_VALLEY_3551' ? r.int(2012, 2024) : r.int(2019, 2024);
    out['talent_award']!.push({
      id: seedUuid(`talent:${k}:${programme}`),
      enterprise_id: eid,
      scheme: programme,
      recipient_name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
      amount: yuan(r.pick([500_000, 1_000_000, 3_000_000])),
      awarded_on: r.date(`${year + 1}-01-10`, `${year + 1}-06-30`),
      // 3551光谷人才计划 from 2010 (batch 1), one batch a year; 武汉英才计划 twice a year (design).
      batch: programme === 'OPTICS_VALLEY_3551' ? year - 2009 : r.int(1, 2),
      year,
    });
  }
}

/**
 * A policy in force since two months before the data's day, for a year (`EnterpriseSeed.insuredWithoutCheck`), and
 * its dishonest-debtor check removed. Fixed figures, no draws: the rest of the zone stays as generated.
 */
function insuredWithoutCheck(k: string, eid: string, out: Tables): void {
  const iid = seedUuid(`instrument:${k}:insured-without-check`);
  const start = addMonths(DATA_ANCHOR, -2);
  out['financing_instrument']!.push({
    id: iid,
    kind: 'TECH_INSURANCE',
    start_date: start,
    end_date: addYears(start, 1, 1),
    status: 'ACTIVE',
    amount: yuan(5_000_000),
    insurer_id: INSURERS.find((i) => !i.reinsurer)!.id,
    policy_no: `P${start.slice(0, 4)}${iid.slice(0, 10).toUpperCase()}`,
    insurance_kind: INSURANCE_KINDS[0]!,
    premium: yuan(60_000),
    subsidy_claimed: null,
    subsidy_approved: null,
  });
  out['instrument_holder']!.push({ id: seedUuid(`holder:${iid}:${eid}`), instrument_id: iid, enterprise_id: eid, share: '100.0000', lead: true });
  out['dishonest_debtor_check'] = out['dishonest_debtor_check']!.filter((c) => c['enterprise_id'] !== eid);
}

const AGENCIES = ['东湖征信评级有限公司', '湖北省信用评级中心', '中诚信（武汉）评级'];

/**
 * Credit standing the eligibility checks read: SME credit ratings, tax credit grades, dishonest-debtor checks.
 * Drawn from a generator of the enterprise's own, so adding them left every other generated figure as it was.
 */
function creditStanding(k: string, eid: string, out: Tables): void {
  const r = new Random(parseInt(seedUuid(`credit:${k}`).slice(0, 8), 16));
  if (r.chance(0.75)) {
    const ratedOn = r.date('2025-01-01', '2025-10-31');
    out['credit_rating_record']!.push({
      id: seedUuid(`rating:${k}`),
      enterprise_id: eid,
      rating: r.weighted([['AAA', 3], ['AA', 10], ['A', 25], ['BBB', 30], ['BB', 20], ['B', 10], ['CCC', 2]] as const),
      agency: r.pick(AGENCIES),
      rated_on: ratedOn,
      valid_until: addYears(ratedOn, 2, 1),
    });
  }
  for (const year of [2023, 2024]) {
    if (!r.chance(0.85)) continue;
    out['tax_credit_grade']!.push({
      id: seedUuid(`taxgrade:${k}:${year}`),
      enterprise_id: eid,
      year,
      grade: r.weighted([['A', 40], ['B', 40], ['M', 10], ['C', 7], ['D', 3]] as const),
      evaluated_on: `${year + 1}-04-${String(r.int(10, 28)).padStart(2, '0')}`,
    });
  }
  if (r.chance(0.8)) {
    out['dishonest_debtor_check']!.push({
      id: seedUuid(`dishonest:${k}`),
      enterprise_id: eid,
      // Most within the last few months; about one in seven more than a year old, as a zone's records are: a pilot
      // asking for a check within the year answers UNKNOWN for those.
      checked_on: r.date('2024-09-01', '2025-10-31'),
      listed: r.chance(0.03),
      source: '中国执行信息公开网',
    });
  }
}
