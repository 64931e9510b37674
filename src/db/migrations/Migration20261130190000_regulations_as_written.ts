import { Migration } from '@mikro-orm/migrations';

const FIELDS = [
  'ELECTRONIC_INFORMATION', 'BIOLOGY_AND_NEW_MEDICINE', 'AEROSPACE', 'NEW_MATERIALS', 'HIGH_TECH_SERVICES', 'NEW_ENERGY_AND_ENERGY_SAVING',
  'RESOURCES_AND_ENVIRONMENT', 'ADVANCED_MANUFACTURING_AND_AUTOMATION',
];

const band = (revenueUpTo: string | null, minimumPercent: string) => ({ revenueUpTo, minimumPercent });

/**
 * Corrections of rule versions recorded wrongly (issue 13), checked against the regulations. Each is a new version
 * that corrects the old one (`corrects_version`), with the reason, so the old one is in force on no date; what banks
 * were answered under the old ones stays in their receipts.
 */
const CORRECTIONS: { programme: string; corrects: number; effectiveFrom: string; note: string; reason: string; criteria: Record<string, unknown>[] }[] = [
  {
    programme: 'HIGH_TECH_SELF_CHECK',
    corrects: 1,
    effectiveFrom: '2008-01-01',
    note: '国科发火〔2008〕172号: R&D 6% / 4% / 3% of sales revenue (up to ¥50m / ¥50m–200m / over ¥200m) over three years, ≥ 60% of it in China; S&T staff (junior-college degree or above) ≥ 30% and R&D staff ≥ 10% of employees; high-tech income ≥ 60% of total income; core IP; a national high-tech field.',
    reason:
      'Corrects version 1: the 2008 rules applied from 2008-01-01 (not 2008-04-14), set no minimum age, asked for S&T staff ≥ 30% and R&D staff ≥ 10% (not 10% S&T staff), R&D in China ≥ 60%, the high-tech share of total income, and the national high-tech fields (not the zone’s industries).',
    criteria: [
      { kind: 'REGISTERED_IN_ZONE' },
      { kind: 'CORE_IP', count: 1 },
      { kind: 'NATIONAL_HIGH_TECH_FIELD', fields: FIELDS },
      { kind: 'ST_STAFF_SHARE', minimumPercent: '30.0000' },
      { kind: 'RD_STAFF_SHARE', minimumPercent: '10.0000' },
      { kind: 'RD_INTENSITY', years: 3, rdBands: [band('50000000.00', '6.0000'), band('200000000.00', '4.0000'), band(null, '3.0000')] },
      { kind: 'RD_IN_CHINA_SHARE', years: 3, minimumPercent: '60.0000' },
      { kind: 'HIGH_TECH_REVENUE_SHARE', minimumPercent: '60.0000' },
    ],
  },
  {
    programme: 'HIGH_TECH_SELF_CHECK',
    corrects: 2,
    effectiveFrom: '2016-01-01',
    note: '国科发火〔2016〕32号 (issued 2016-01-29, in force from 2016-01-01): founded a year before; R&D 5% / 4% / 3% of sales revenue over three years (or the years it has), ≥ 60% of it in China; S&T staff ≥ 10%; high-tech income ≥ 60% of total income; core IP; a national high-tech field.',
    reason:
      'Corrects version 2: the 2016 rules also require R&D in China ≥ 60% of all R&D, the high-tech share of total income (not sales revenue), and a technology in the eight national high-tech fields (not the zone’s industries). Not checked here: the innovation-capability score ≥ 70 and no major safety, quality or environmental incident in the prior year, which the registry does not hold.',
    criteria: [
      { kind: 'REGISTERED_IN_ZONE', minYears: 1 },
      { kind: 'CORE_IP', count: 1 },
      { kind: 'NATIONAL_HIGH_TECH_FIELD', fields: FIELDS },
      { kind: 'ST_STAFF_SHARE', minimumPercent: '10.0000' },
      { kind: 'RD_INTENSITY', years: 3, rdBands: [band('50000000.00', '5.0000'), band('200000000.00', '4.0000'), band(null, '3.0000')] },
      { kind: 'RD_IN_CHINA_SHARE', years: 3, minimumPercent: '60.0000' },
      { kind: 'HIGH_TECH_REVENUE_SHARE', minimumPercent: '60.0000' },
    ],
  },
  {
    programme: 'NEEQ_FIRST_BATCH',
    corrects: 1,
    effectiveFrom: '2012-08-03',
    note: 'NEEQ pilot widened to East Lake (2012-08-03): two years in existence; no revenue threshold. Zone conditions (design): certified, tax credit A or B, no default, not a dishonest debtor.',
    reason:
      'Corrects version 1: East Lake joined the NEEQ pilot when the State Council widened it in August 2012 (not 2010), and NEEQ sets no revenue threshold (two years in existence, a clear business, sound governance, lawful shares, a sponsoring broker).',
    criteria: [
      { kind: 'REGISTERED_IN_ZONE', minYears: 2 },
      { kind: 'HIGH_TECH_CERTIFICATE' },
      { kind: 'TAX_CREDIT_GRADE', grades: ['A', 'B'] },
      { kind: 'NO_RECENT_DEFAULT', months: 24 },
      { kind: 'NOT_DISHONEST_DEBTOR', maxAgeDays: 365 },
    ],
  },
  {
    programme: 'EQUITY_INCENTIVE',
    corrects: 1,
    effectiveFrom: '2016-03-01',
    note: '财资〔2016〕4号: state-owned; R&D ≥ 3% of revenue in each of the last three years (or the years it has); R&D staff ≥ 10% of employees in the year before the plan.',
    reason:
      'Corrects version 1: 财资〔2016〕4号 asks for R&D ≥ 3% of revenue in each of the three years (not on average), R&D staff (not all S&T staff) ≥ 10% of employees, and judges a firm under three years on the years it has (no minimum age). Not checked here: the scope (unlisted, of the listed types of tech enterprise).',
    criteria: [
      { kind: 'REGISTERED_IN_ZONE' },
      { kind: 'STATE_OWNED', stateOwned: true },
      { kind: 'RD_INTENSITY', years: 3, eachYear: true, rdBands: [band(null, '3.0000')] },
      { kind: 'RD_STAFF_SHARE', minimumPercent: '10.0000' },
    ],
  },
];

const text = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The regulations as written (issue 13): the figures and classification they read that the registry lacked (total
 * income, R&D staff, the national high-tech field of an enterprise's technology, corrections linking a version to the
 * one it corrects), then the corrected rule versions. Figures recorded before are left without the new ones (null):
 * criteria reading them answer UNKNOWN until they are recorded, rather than guess.
 */
export class Migration20261130190000_regulations_as_written extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "fiscal_year_financials" add column "total_income" numeric(18,2) null, add column "rd_staff" integer null;');
    this.addSql(`create type "high_tech_field" as enum (${FIELDS.map(text).join(', ')});`);
    this.addSql('alter table "enterprise" add column "high_tech_field" "high_tech_field" null;');
    this.addSql('alter table "programme_rule_version" add column "corrects_version" smallint null;');
    this.addSql(
      'create unique index "programme_rule_version_corrected_once" on "programme_rule_version" ("programme_id", "corrects_version") where "corrects_version" is not null;',
    );
    for (const c of CORRECTIONS) {
      this.addSql(
        `insert into "programme_rule_version" ("id", "programme_id", "version", "effective_from", "criteria", "note", "recorded_by", "retroactive_reason", "corrects_version")
         select gen_random_uuid(), p.id, (select max(v.version) + 1 from "programme_rule_version" v where v.programme_id = p.id), '${c.effectiveFrom}',
                ${text(JSON.stringify(c.criteria))}::jsonb, ${text(c.note)}, 'migration', ${text(c.reason)}, ${c.corrects}
         from "pilot_programme" p where p.code = '${c.programme}';`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "programme_rule_version" where "recorded_by" = 'migration' and "corrects_version" is not null;`);
    this.addSql('drop index "programme_rule_version_corrected_once";');
    this.addSql('alter table "programme_rule_version" drop column "corrects_version";');
    this.addSql('alter table "enterprise" drop column "high_tech_field";');
    this.addSql('drop type "high_tech_field";');
    this.addSql('alter table "fiscal_year_financials" drop column "total_income", drop column "rd_staff";');
  }
}
