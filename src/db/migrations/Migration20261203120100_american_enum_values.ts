import { Migration } from '@mikro-orm/migrations';

/** Stored enum values spelt the British way before API v1, and their American spelling (the API's since). */
const RENAMED: [type: string, from: string, to: string][] = [
  ['qualification_kind', 'PROVINCIAL_SPECIALISED_SME', 'PROVINCIAL_SPECIALIZED_SME'],
  ['tax_pilot', 'EQUITY_AWARD_INSTALMENTS', 'EQUITY_AWARD_INSTALLMENTS'],
  ['tax_pilot', 'CAPITALISED_RESERVE_INSTALMENTS', 'CAPITALIZED_RESERVE_INSTALLMENTS'],
];

/** A rule version's criteria and rates naming a qualification kind by its old spelling name it by the new one. */
function renameInRules(from: string, to: string): string {
  const replaced = (column: string) => `replace("${column}"::text, '"${from}"', '"${to}"')::jsonb`;
  return `update "programme_rule_version" set "criteria" = ${replaced('criteria')}, "benefits" = ${replaced('benefits')}
    where "criteria"::text like '%"${from}"%' or "benefits"::text like '%"${from}"%';`;
}

/**
 * One spelling (API v1): the stored values of three enum members take the American spelling the API gives their
 * names, so a name is its value again (the SQL answers of src/db/sql-answer.ts read such columns as they are). Rows
 * keep their meaning: PostgreSQL renames the value in place. Rule versions naming a renamed qualification kind are
 * rewritten with it; receipts are not (immutable, they keep the facts as they were read, spelling included).
 */
export class Migration20261203120100_american_enum_values extends Migration {
  override async up(): Promise<void> {
    for (const [type, from, to] of RENAMED) {
      this.addSql(`alter type "${type}" rename value '${from}' to '${to}';`);
      if (type === 'qualification_kind') this.addSql(renameInRules(from, to));
    }
  }

  override async down(): Promise<void> {
    for (const [type, from, to] of RENAMED) {
      this.addSql(`alter type "${type}" rename value '${to}' to '${from}';`);
      if (type === 'qualification_kind') this.addSql(renameInRules(to, from));
    }
  }
}
