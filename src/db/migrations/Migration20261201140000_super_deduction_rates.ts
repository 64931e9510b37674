import { Migration } from '@mikro-orm/migrations';

const SECTORS = [
  'AGRICULTURE', 'MINING', 'MANUFACTURING', 'TOBACCO_MANUFACTURING', 'UTILITIES', 'CONSTRUCTION', 'WHOLESALE_AND_RETAIL', 'TRANSPORT_AND_POSTAL',
  'ACCOMMODATION_AND_CATERING', 'INFORMATION_AND_SOFTWARE', 'FINANCE', 'REAL_ESTATE', 'LEASING_AND_BUSINESS_SERVICES', 'RESEARCH_AND_TECHNICAL_SERVICES',
  'WATER_ENVIRONMENT_AND_PUBLIC_FACILITIES', 'RESIDENT_SERVICES', 'EDUCATION', 'HEALTH_AND_SOCIAL_WORK', 'CULTURE_AND_SPORTS', 'ENTERTAINMENT',
  'PUBLIC_ADMINISTRATION', 'INTERNATIONAL_ORGANISATIONS',
];

/** 财税〔2015〕119号 art. 4: the industries the super-deduction does not apply to (GB/T 4754, by the principal business). */
const NEGATIVE_LIST = ['TOBACCO_MANUFACTURING', 'ACCOMMODATION_AND_CATERING', 'WHOLESALE_AND_RETAIL', 'REAL_ESTATE', 'LEASING_AND_BUSINESS_SERVICES', 'ENTERTAINMENT'];

const ZONE_AND_RD = [{ kind: 'REGISTERED_IN_ZONE' }, { kind: 'RD_EXPENSE', minimum: '0.01' }];
const WITH_NEGATIVE_LIST = [{ kind: 'REGISTERED_IN_ZONE' }, { kind: 'EXCLUDED_SECTOR', sectors: NEGATIVE_LIST }, { kind: 'RD_EXPENSE', minimum: '0.01' }];

const rate = (percent: string, basis: string, cls: { sectors?: string[]; qualifications?: string[] } = {}) => ({ percent, ...cls, basis });
const MANUFACTURING = { sectors: ['MANUFACTURING'] };
const TECH_SME = { qualifications: ['TECH_SME'] };

const RECORDED_LATE = 'Recorded after its date: the super-deduction’s rate history was missing from the registry (issue 13), so eligibility on a past date named no rate and ignored the negative list.';

/**
 * The R&D super-deduction as the regulations wrote it, year by year (issue 13): the rate as data on each version
 * (`benefits`: the first rate whose class the enterprise is in applies), and from 2016 the negative list of
 * industries, read from the new GB/T 4754 sector of the enterprise (UNKNOWN until it is classified).
 */
const VERSIONS: { effectiveFrom: string; corrects?: number; note: string; reason: string; criteria: Record<string, unknown>[]; benefits: ReturnType<typeof rate>[] }[] = [
  {
    effectiveFrom: '2008-01-01',
    note: '企业所得税法 art. 30 and 实施条例 art. 95 (from 2008-01-01): R&D expense not capitalised is deducted, and 50% of it on top.',
    reason: `${RECORDED_LATE} The 50% rate of the Enterprise Income Tax Law applied before the zone’s 2010 version.`,
    criteria: ZONE_AND_RD,
    benefits: [rate('50.0000', '企业所得税法 art. 30: every enterprise')],
  },
  {
    effectiveFrom: '2010-01-01',
    corrects: 1,
    note: '财税〔2010〕81号: the Zhongguancun widening of the R&D expense that counts, extended to the zone; the rate stays 50%.',
    reason: 'Corrects version 1, recorded without the rate: 50% of R&D expense on top (企业所得税法 art. 30).',
    criteria: ZONE_AND_RD,
    benefits: [rate('50.0000', '企业所得税法 art. 30; 财税〔2010〕81号: every enterprise')],
  },
  {
    effectiveFrom: '2016-01-01',
    note: '财税〔2015〕119号 (from 2016-01-01): not for tobacco manufacturing, accommodation and catering, wholesale and retail, real estate, leasing and business services, entertainment (烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业), by the principal business under GB/T 4754; 50%.',
    reason: `${RECORDED_LATE} 财税〔2015〕119号 was issued on 2015-11-02 for tax years from 2016.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [rate('50.0000', '财税〔2015〕119号: every enterprise not on the negative list')],
  },
  {
    effectiveFrom: '2017-01-01',
    note: '财税〔2017〕34号 (2017-01-01 to 2019-12-31): 75% for 科技型中小企业; 50% for the others.',
    reason: `${RECORDED_LATE} 财税〔2017〕34号 was issued on 2017-05-02, effective 2017-01-01.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [rate('75.0000', '财税〔2017〕34号: 科技型中小企业', TECH_SME), rate('50.0000', '企业所得税法 art. 30: other enterprises')],
  },
  {
    effectiveFrom: '2018-01-01',
    note: '财税〔2018〕99号 (2018-01-01 to 2020-12-31, extended to 2023-12-31 by 2021年第6号): 75% for every enterprise.',
    reason: `${RECORDED_LATE} 财税〔2018〕99号 was issued on 2018-09-20, effective 2018-01-01.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [rate('75.0000', '财税〔2018〕99号: every enterprise')],
  },
  {
    effectiveFrom: '2021-01-01',
    note: '财税〔2021〕13号 (from 2021-01-01): 100% for manufacturing enterprises (principal business manufacturing); 75% for the others (2021年第6号).',
    reason: `${RECORDED_LATE} 财税〔2021〕13号 was issued on 2021-03-31, effective 2021-01-01.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [rate('100.0000', '财税〔2021〕13号: manufacturing', MANUFACTURING), rate('75.0000', '财税〔2018〕99号, 2021年第6号: other enterprises')],
  },
  {
    effectiveFrom: '2022-01-01',
    note: '财政部 税务总局 科技部公告2022年第16号 (from 2022-01-01): 100% also for 科技型中小企业; manufacturing 100%; 75% for the others.',
    reason: `${RECORDED_LATE} 2022年第16号 was issued on 2022-03-23, effective 2022-01-01.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [
      rate('100.0000', '财税〔2021〕13号: manufacturing', MANUFACTURING),
      rate('100.0000', '2022年第16号: 科技型中小企业', TECH_SME),
      rate('75.0000', '财税〔2018〕99号, 2021年第6号: other enterprises'),
    ],
  },
  {
    effectiveFrom: '2022-10-01',
    note: '财政部 税务总局 科技部公告2022年第28号 (2022-10-01 to 2022-12-31): 100% for the enterprises at 75%, so 100% for every enterprise.',
    reason: `${RECORDED_LATE} 2022年第28号 was issued on 2022-09-22 for expense from 2022-10-01.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [rate('100.0000', '2022年第28号 (fourth quarter of 2022): every enterprise')],
  },
  {
    effectiveFrom: '2023-01-01',
    note: '财政部 税务总局公告2023年第7号 (from 2023-01-01, a standing rule): 100% for every enterprise not on the negative list. Not modelled: 120% for integrated-circuit and industrial-mother-machine enterprises (2023年第44号, 2023–2027), whose lists the registry does not hold.',
    reason: `${RECORDED_LATE} 2023年第7号 was issued on 2023-03-26, effective 2023-01-01.`,
    criteria: WITH_NEGATIVE_LIST,
    benefits: [rate('100.0000', '2023年第7号: every enterprise')],
  },
];

const text = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The national economic sector of an enterprise (GB/T 4754; null: not classified) and rates as data on rule
 * versions (`benefits`, none on the versions recorded before), then the super-deduction's versions, numbered in the
 * order above after the existing one.
 */
export class Migration20261201140000_super_deduction_rates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "economic_sector" as enum (${SECTORS.map(text).join(', ')});`);
    this.addSql('alter table "enterprise" add column "economic_sector" "economic_sector" null;');
    this.addSql(`alter table "programme_rule_version" add column "benefits" jsonb not null default '[]';`);
    for (const v of VERSIONS) {
      this.addSql(
        `insert into "programme_rule_version" ("id", "programme_id", "version", "effective_from", "criteria", "benefits", "note", "recorded_by", "retroactive_reason", "corrects_version")
         select gen_random_uuid(), p.id, (select max(v.version) + 1 from "programme_rule_version" v where v.programme_id = p.id), '${v.effectiveFrom}',
                ${text(JSON.stringify(v.criteria))}::jsonb, ${text(JSON.stringify(v.benefits))}::jsonb, ${text(v.note)}, 'migration', ${text(v.reason)}, ${v.corrects ?? 'null'}
         from "pilot_programme" p where p.code = 'RD_SUPER_DEDUCTION';`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(
      `delete from "programme_rule_version" where "recorded_by" = 'migration' and "programme_id" = (select id from "pilot_programme" where code = 'RD_SUPER_DEDUCTION') and "version" > 1;`,
    );
    this.addSql('alter table "programme_rule_version" drop column "benefits";');
    this.addSql('alter table "enterprise" drop column "economic_sector";');
    this.addSql('drop type "economic_sector";');
  }
}
