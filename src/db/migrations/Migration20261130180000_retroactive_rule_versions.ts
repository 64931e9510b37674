import { Migration } from '@mikro-orm/migrations';

/**
 * Rule versions may be retroactive (issue 13): a version recorded today may take effect on an earlier date, with
 * the reason it is (`retroactive_reason`), and a correction may take effect on the same date as the version it
 * corrects, so the one-version-per-date constraint goes; on one date, the version recorded later is in force.
 */
export class Migration20261130180000_retroactive_rule_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "programme_rule_version" drop constraint "programme_rule_version_programme_id_effective_from_unique";');
    this.addSql('alter table "programme_rule_version" add column "retroactive_reason" text null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "programme_rule_version" drop column "retroactive_reason";');
    this.addSql(
      'alter table "programme_rule_version" add constraint "programme_rule_version_programme_id_effective_from_unique" unique ("programme_id", "effective_from");',
    );
  }
}
