import { Migration } from '@mikro-orm/migrations';

/** The instrument kinds in Chinese, as evidence titles name them now (src/modules/cppcc/evidence.ts). */
const KINDS: Record<string, string> = {
  NEEQ_LISTING: '新三板挂牌',
  REGIONAL_OTC_LISTING: '区域股权市场挂牌',
  CREDIT_LOAN: '信用贷款',
  IP_PLEDGE_LOAN: '知识产权质押贷款',
  TECH_INSURANCE: '科技保险',
  REINSURANCE: '再保险',
  RISK_COMPENSATION: '风险补偿',
  COLLECTIVE_BOND: '集合债券',
  SME_COLLECTIVE_NOTE: '中小企业集合票据',
  SHORT_TERM_BILL: '短期融资券',
  MEDIUM_TERM_NOTE: '中期票据',
  FUND_INVESTMENT: '基金投资',
};

/** An English evidence title of before (`Portfolio of N enterprise(s)`, `KIND of names`, `name (code)`) in Chinese. */
function chineseTitle(column: string): string {
  const kinds = Object.entries(KINDS)
    .map(([code, name]) => `when ${column} like '${code} of %' then '${name}：' || substr(${column}, ${code.length + 5})`)
    .join(' ');
  return `case
    when ${column} ~ '^Portfolio of [0-9]+ enterprise\\(s\\)$' then regexp_replace(${column}, '^Portfolio of ([0-9]+) enterprise\\(s\\)$', '\\1家企业的统计')
    ${kinds}
    when ${column} ~ ' \\([0-9A-Z]{18}\\)$' then regexp_replace(${column}, ' \\(([0-9A-Z]{18})\\)$', '（\\1）')
    else ${column} end`;
}

/**
 * The CPPCC registers kept through the API (issue 16): a member's term (届) and the day it retired, a handling unit's
 * former names, and whether a piece of evidence names enterprises.
 *
 * Existing members were seeded for the current, 15th, municipal committee (2022–2027) and serve. Existing evidence
 * of an enterprise or an instrument names enterprises (it was frozen before aggregated evidence existed), as does a
 * portfolio asked by credit codes or by a search; other portfolios only count. Frozen evidence stays as frozen (its
 * snapshot and source are not rewritten), but its title, a line describing it, and the timeline notes that repeat it
 * are put into Chinese as new titles are written, so every reader sees one language.
 */
export class Migration20261213110000_cppcc_registers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cppcc_member" add column "term" smallint not null default 15, add column "retired_on" date null;`);
    this.addSql(`alter table "cppcc_member" alter column "term" drop default;`);
    this.addSql(`alter table "handling_unit" add column "former_names" text[] not null default '{}';`);
    this.addSql(`alter table "handling_unit" alter column "former_names" drop default;`);
    this.addSql(`alter table "proposal_evidence" add column "is_naming_enterprises" boolean not null default false;`);
    this.addSql(
      `update "proposal_evidence" set "is_naming_enterprises" = true
       where "kind" in ('ENTERPRISE', 'INSTRUMENT')
          or jsonb_typeof("source"->'portfolioFilter'->'creditCodes') = 'array'
          or jsonb_typeof("source"->'portfolioFilter'->'search') = 'string';`,
    );
    this.addSql(`update "proposal_evidence" set "title" = ${chineseTitle('"title"')};`);
    this.addSql(`update "proposal_event" set "note" = ${chineseTitle('"note"')} where "action" = 'EVIDENCE_ATTACHED' and "note" is not null;`);
    // The committee's names as they are: 特别邀请人士 (not 特邀人士), and the city's financial regulation bureau by its
    // name since the 2024 reorganization, the old one kept as its former name (timelines written then keep it).
    this.addSql(`update "sector" set "name" = '特别邀请人士' where "name" = '特邀人士';`);
    this.addSql(
      `update "handling_unit" set "name" = '武汉市地方金融管理局', "former_names" = array['武汉市地方金融工作局']
       where "name" = '武汉市地方金融工作局' and not exists (select 1 from "handling_unit" where "name" = '武汉市地方金融管理局');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "proposal_evidence" drop column "is_naming_enterprises";`);
    this.addSql(`alter table "handling_unit" drop column "former_names";`);
    this.addSql(`alter table "cppcc_member" drop column "term", drop column "retired_on";`);
  }
}
