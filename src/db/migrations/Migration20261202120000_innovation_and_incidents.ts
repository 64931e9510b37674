import { Migration } from '@mikro-orm/migrations';

const FIELDS = [
  'ELECTRONIC_INFORMATION', 'BIOLOGY_AND_NEW_MEDICINE', 'AEROSPACE', 'NEW_MATERIALS', 'HIGH_TECH_SERVICES', 'NEW_ENERGY_AND_ENERGY_SAVING',
  'RESOURCES_AND_ENVIRONMENT', 'ADVANCED_MANUFACTURING_AND_AUTOMATION',
];

/** Version 4 of HIGH_TECH_SELF_CHECK (Migration20261130190000) with the two conditions it could not read then. */
const CRITERIA = [
  { kind: 'REGISTERED_IN_ZONE', minYears: 1 },
  { kind: 'CORE_IP', count: 1 },
  { kind: 'NATIONAL_HIGH_TECH_FIELD', fields: FIELDS },
  { kind: 'ST_STAFF_SHARE', minimumPercent: '10.0000' },
  {
    kind: 'RD_INTENSITY',
    years: 3,
    rdBands: [
      { revenueUpTo: '50000000.00', minimumPercent: '5.0000' },
      { revenueUpTo: '200000000.00', minimumPercent: '4.0000' },
      { revenueUpTo: null, minimumPercent: '3.0000' },
    ],
  },
  { kind: 'RD_IN_CHINA_SHARE', years: 3, minimumPercent: '60.0000' },
  { kind: 'HIGH_TECH_REVENUE_SHARE', minimumPercent: '60.0000' },
  // 工作指引 (国科发火〔2016〕195号): 综合得分达到70分以上（不含70分）, scored in whole points: at least 71.
  { kind: 'INNOVATION_SCORE', minimumScore: 71 },
  { kind: 'NO_MAJOR_INCIDENT' },
];

const text = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The last two conditions of 国科发火〔2016〕32号 art. 11 the registry could not read (issue 13): the innovation-capability
 * score (企业创新能力评价) and no major safety or quality accident or serious environmental violation in the year
 * before applying. Fiscal years gain both (null: not reported, so the criteria answer UNKNOWN), and version 4 of the
 * self-check is corrected to read them. The guideline asks for more than 70 points (不含70分), scored in whole points:
 * 71 or more, not the 70 the issue quoted.
 */
export class Migration20261202120000_innovation_and_incidents extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "fiscal_year_financials" add column "innovation_score" smallint null, add column "major_incident" boolean null;');
    this.addSql('alter table "fiscal_year_financials" add constraint "fiscal_year_financials_innovation_score_range" check ("innovation_score" >= 0 and "innovation_score" <= 100);');
    this.addSql(
      `insert into "programme_rule_version" ("id", "programme_id", "version", "effective_from", "criteria", "note", "recorded_by", "retroactive_reason", "corrects_version")
       select gen_random_uuid(), p.id, (select max(v.version) + 1 from "programme_rule_version" v where v.programme_id = p.id), '2016-01-01',
              ${text(JSON.stringify(CRITERIA))}::jsonb,
              ${text('国科发火〔2016〕32号 (issued 2016-01-29, in force from 2016-01-01): founded a year before; R&D 5% / 4% / 3% of sales revenue over three years (or the years it has), ≥ 60% of it in China; S&T staff ≥ 10%; high-tech income ≥ 60% of total income; core IP; a national high-tech field; an innovation-capability score over 70; no major safety, quality or environmental incident in the year before.')},
              'migration',
              ${text('Corrects version 4: the 2016 rules also require an innovation-capability score of more than 70 points (工作指引 国科发火〔2016〕195号: 70分以上，不含70分) and no major safety or quality accident or serious environmental violation in the year before applying (art. 11 (8)), which the registry now records with each fiscal year.')},
              4
       from "pilot_programme" p where p.code = 'HIGH_TECH_SELF_CHECK';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "programme_rule_version" where "recorded_by" = 'migration' and "corrects_version" = 4 and "programme_id" = (select id from "pilot_programme" where code = 'HIGH_TECH_SELF_CHECK');`);
    this.addSql('alter table "fiscal_year_financials" drop constraint "fiscal_year_financials_innovation_score_range";');
    this.addSql('alter table "fiscal_year_financials" drop column "innovation_score", drop column "major_incident";');
  }
}
