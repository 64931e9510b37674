import { Migration } from '@mikro-orm/migrations';

export class Migration20261129042630_extensions extends Migration {

  override async up(): Promise<void> {
    // Trigram indexes serve substring search over Chinese and English enterprise names.
    this.addSql(`create extension if not exists pg_trgm;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop extension if exists pg_trgm;`);
  }

}
