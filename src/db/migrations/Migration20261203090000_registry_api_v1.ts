import { Migration } from '@mikro-orm/migrations';

/** Enum values renamed by the API v1 naming pass (American spelling): [type, old, new]. */
const RENAMED: [string, string, string][] = [
  ['economic_sector', 'INTERNATIONAL_ORGANISATIONS', 'INTERNATIONAL_ORGANIZATIONS'],
  ['project_dividend_basis', 'TRANSFER_OR_LICENCE', 'TRANSFER_OR_LICENSE'],
  ['project_dividend_basis', 'INDUSTRIALISATION', 'INDUSTRIALIZATION'],
];

/**
 * API v1 (issue 14) for the registry: enum values are spelled as the schema spells them (the schema serves an enum's
 * value by its name, and the SQL answer prints the column: they must be equal), and incentive plans and research
 * projects lose the `version` no mutation ever accepted. A programme rule naming the renamed sector is rewritten too.
 */
export class Migration20261203090000_registry_api_v1 extends Migration {
  override async up(): Promise<void> {
    for (const [type, from, to] of RENAMED) this.addSql(`alter type "${type}" rename value '${from}' to '${to}';`);
    for (const column of ['criteria', 'benefits']) {
      this.addSql(
        `update "programme_rule_version" set "${column}" = replace("${column}"::text, '"INTERNATIONAL_ORGANISATIONS"', '"INTERNATIONAL_ORGANIZATIONS"')::jsonb
         where "${column}"::text like '%"INTERNATIONAL_ORGANISATIONS"%';`,
      );
    }
    this.addSql(`alter table "research_project" drop column "version";`);
    this.addSql(`alter table "equity_incentive_plan" drop column "version";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "research_project" add column "version" int not null default 1;`);
    this.addSql(`alter table "equity_incentive_plan" add column "version" int not null default 1;`);
    for (const column of ['criteria', 'benefits']) {
      this.addSql(
        `update "programme_rule_version" set "${column}" = replace("${column}"::text, '"INTERNATIONAL_ORGANIZATIONS"', '"INTERNATIONAL_ORGANISATIONS"')::jsonb
         where "${column}"::text like '%"INTERNATIONAL_ORGANIZATIONS"%';`,
      );
    }
    for (const [type, from, to] of RENAMED) this.addSql(`alter type "${type}" rename value '${to}' to '${from}';`);
  }
}
