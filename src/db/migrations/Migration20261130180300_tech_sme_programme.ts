import { Migration } from '@mikro-orm/migrations';

/**
 * The 科技型中小企业 evaluation as a programme (issue 13, item 2), with its first rules as data, as
 * Migration20261129063900_programmes holds the others. 科技型中小企业评价办法 (国科发政〔2017〕115号), article 6:
 * at most 500 staff, sales revenue and total assets each at most ¥200m, and an evaluation score of at least 60 with
 * the S&T staff points above 0; article 7: an enterprise with a valid high-tech certificate is confirmed without
 * scoring (TECH_SME_SCORE answers that route). Conditions the registry does not hold (registered in China, not in
 * a restricted industry, no major incident or serious dishonesty in the year) are not checked.
 */
const CRITERIA = [
  { kind: 'REGISTERED_IN_ZONE' },
  { kind: 'HEADCOUNT', maximumEmployees: 500 },
  { kind: 'REVENUE', maximum: '200000000.00' },
  { kind: 'TOTAL_ASSETS', maximum: '200000000.00' },
  { kind: 'TECH_SME_SCORE', minimumScore: 60 },
];

export class Migration20261130180300_tech_sme_programme extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `insert into "pilot_programme" ("id", "code", "name", "name_en", "description", "uptake")
       values (gen_random_uuid(), 'TECH_SME', '科技型中小企业评价', 'Tech SME evaluation',
               'The self-evaluation of a 科技型中小企业 before registering (入库登记): size limits, and 60 points of 100 or a valid high-tech certificate.',
               'TECH_SME_QUALIFICATION');`,
    );
    this.addSql(
      `insert into "programme_rule_version" ("id", "programme_id", "version", "effective_from", "criteria", "note", "recorded_by")
       select gen_random_uuid(), id, 1, '2017-05-03', '${JSON.stringify(CRITERIA)}'::jsonb,
              '国科发政〔2017〕115号: ≤ 500 staff, revenue and total assets ≤ ¥200m; ≥ 60 points with S&T staff points above 0, or a valid high-tech certificate.', 'migration'
       from "pilot_programme" where code = 'TECH_SME';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "programme_rule_version" where programme_id = (select id from "pilot_programme" where code = 'TECH_SME');`);
    this.addSql(`delete from "pilot_programme" where code = 'TECH_SME';`);
  }
}
