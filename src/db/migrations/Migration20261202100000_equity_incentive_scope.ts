import { Migration } from '@mikro-orm/migrations';

const base = (types: string[]) => [
  { kind: 'REGISTERED_IN_ZONE' },
  { kind: 'STATE_OWNED', stateOwned: true },
  { kind: 'UNLISTED' },
  { kind: 'TECH_ENTERPRISE_TYPE', techEnterpriseTypes: types },
  { kind: 'RD_INTENSITY', years: 3, eachYear: true, rdBands: [{ revenueUpTo: null, minimumPercent: '3.0000' }] },
  { kind: 'RD_STAFF_SHARE', minimumPercent: '10.0000' },
];

/**
 * The scope of the equity incentive rules (issue 13), and 财资〔2018〕54号. The registry learns what the scope reads:
 * whether an enterprise is listed on a stock exchange (a NEEQ quotation is not a listing), a converted research
 * institute, invested in by one, or invested in by a university or research institute (an owning university counts
 * too). All null for enterprises recorded before: the criteria answer UNKNOWN for them rather than guess.
 *
 * Then two versions of EQUITY_INCENTIVE: 财资〔2016〕4号 with its scope, correcting version 2 (which said the scope was
 * not checked), and 财资〔2018〕54号, which added tech enterprises invested in by converted institutes. Scope not
 * checked by either: the S&T service bodies (国家和省级认定的科技服务机构), which the regulation judges on S&T service
 * income ≥ 60% instead of R&D; a rule version is a conjunction and cannot say "either the R&D conditions or that".
 */
const VERSIONS: { corrects: number | null; effectiveFrom: string; note: string; reason: string; criteria: Record<string, unknown>[] }[] = [
  {
    corrects: 2,
    effectiveFrom: '2016-03-01',
    note:
      '财资〔2016〕4号 (in force from 2016-03-01): an unlisted state-owned or state-controlled tech enterprise (a NEEQ-quoted one counts as unlisted): a certified high-tech enterprise, a converted research institute, one invested in by a university or research institute, or one in the national tech-SME database; R&D ≥ 3% of revenue in each of the last three years (or the years it has), R&D staff ≥ 10% of employees.',
    reason:
      'Corrects version 2: 财资〔2016〕4号 covers unlisted tech enterprises of the types its article 2 names only; version 2 did not check the scope. The S&T service bodies of article 2 (judged on S&T service income instead of R&D) are not checked here.',
    criteria: base(['HIGH_TECH', 'CONVERTED_INSTITUTE', 'INVESTED_BY_ACADEMIA', 'TECH_SME']),
  },
  {
    corrects: null,
    effectiveFrom: '2018-09-18',
    note:
      '财资〔2018〕54号 (issued 2018-09-18) widened 财资〔2016〕4号: tech enterprises invested in by converted research institutes are covered too; the R&D conditions apply to every type but the S&T service bodies.',
    reason: '财资〔2018〕54号 was issued on 2018-09-18 and is recorded after that date.',
    criteria: base(['HIGH_TECH', 'CONVERTED_INSTITUTE', 'INVESTED_BY_CONVERTED_INSTITUTE', 'INVESTED_BY_ACADEMIA', 'TECH_SME']),
  },
];

const text = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class Migration20261202100000_equity_incentive_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "enterprise" add column "listed_on_exchange" boolean null, add column "converted_institute" boolean null,
      add column "invested_by_converted_institute" boolean null, add column "invested_by_academia" boolean null;`);
    for (const v of VERSIONS) {
      this.addSql(
        `insert into "programme_rule_version" ("id", "programme_id", "version", "effective_from", "criteria", "note", "recorded_by", "retroactive_reason", "corrects_version")
         select gen_random_uuid(), p.id, (select max(v.version) + 1 from "programme_rule_version" v where v.programme_id = p.id), '${v.effectiveFrom}',
                ${text(JSON.stringify(v.criteria))}::jsonb, ${text(v.note)}, 'migration', ${text(v.reason)}, ${v.corrects ?? 'null'}
         from "pilot_programme" p where p.code = 'EQUITY_INCENTIVE';`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "programme_rule_version" where "recorded_by" = 'migration' and "effective_from" in ('2016-03-01', '2018-09-18')
      and "programme_id" = (select id from "pilot_programme" where code = 'EQUITY_INCENTIVE') and "criteria" @> '[{"kind": "UNLISTED"}]';`);
    this.addSql(`alter table "enterprise" drop column "listed_on_exchange", drop column "converted_institute", drop column "invested_by_converted_institute", drop column "invested_by_academia";`);
  }
}
