import { Migration } from '@mikro-orm/migrations';

const VOIDABLE = ['credit_rating_record', 'dishonest_debtor_check', 'patent_appraisal'];

/**
 * Recorded facts people get wrong (issue 14, item 8): credit ratings, dishonest-debtor checks and patent appraisals
 * are corrected in place under a version (an optimistic lock, as for other edited records) or voided: kept, with
 * when and why, and read by no eligibility answer or list after. A void has its reason, and a reason its void.
 */
export class Migration20261203100000_corrections_and_voids extends Migration {
  override async up(): Promise<void> {
    for (const table of VOIDABLE) {
      this.addSql(`alter table "${table}" add column "version" int not null default 1, add column "voided_at" timestamptz null, add column "void_reason" text null;`);
      this.addSql(`alter table "${table}" add constraint "${table}_void_reason" check ((voided_at is null) = (void_reason is null));`);
    }
  }

  override async down(): Promise<void> {
    for (const table of VOIDABLE) {
      this.addSql(`alter table "${table}" drop constraint "${table}_void_reason";`);
      this.addSql(`alter table "${table}" drop column "version", drop column "voided_at", drop column "void_reason";`);
    }
  }
}
