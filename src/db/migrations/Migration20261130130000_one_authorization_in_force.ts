import { Migration } from '@mikro-orm/migrations';

/**
 * At most one authorisation in force for an enterprise, a bank and a purpose over any day (issue 12: 20 identical
 * grants sent at once left 20). Enforced by PostgreSQL itself, so no interleaving of requests can get round it: an
 * exclusion constraint over the days each unrevoked authorisation covers (btree_gist gives the equality of uuids and
 * text in a GiST index). A grant that follows one ending, or one revoked, is still taken; `grantAuthorization`
 * answers a conflict as DUPLICATE.
 */
export class Migration20261130130000_one_authorization_in_force extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists btree_gist;');
    this.addSql(
      `alter table "data_authorization" add constraint "data_authorization_one_in_force" exclude using gist (
         "enterprise_id" with =, "bank_id" with =, "purpose" with =, daterange("valid_from", "valid_to", '[]') with &&
       ) where ("revoked_at" is null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table "data_authorization" drop constraint "data_authorization_one_in_force";');
  }
}
